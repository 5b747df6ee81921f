import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import {
  createAuth,
  createUser,
  getSessionUser,
  signInWithPassword,
  type Auth,
  type SessionUser,
} from "@dispatch/auth";
import { createTestDatabase, type TestDatabase } from "@dispatch/db/testing";
import { createCaller } from "../root";
import { createInnerContext } from "../trpc";

// Each sign-in hashes a password (scrypt): slow on a busy 2-core machine, hence the timeouts.
let database: TestDatabase;
let auth: Auth;
let admin: SessionUser;
let editor: SessionUser;

beforeAll(async () => {
  database = await createTestDatabase();
  auth = createAuth(database.db, { secret: "test-secret-test-secret-test-secret-0123" });
  admin = (await createUser(database.db, { email: "chief@example.test", name: "Chief", role: "admin" })).user;
  editor = (await createUser(database.db, { email: "writer@example.test", name: "Writer", role: "editor" }))
    .user;
}, 60_000);
afterAll(async () => {
  await database.drop();
});

const callerFor = (user: SessionUser | null) =>
  createCaller(createInnerContext({ db: database.db, user, via: "ui" }));

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return (error as TRPCError).code;
}

describe("user router", { timeout: 30_000 }, () => {
  it("lets an admin change a role, and audits who did it", async () => {
    const { user: target } = await createUser(database.db, {
      email: "promote.me@example.test",
      role: "reader",
    });
    const updated = await callerFor(admin).user.changeRole({ userId: target.id, role: "editor" });
    expect(updated).toMatchObject({ email: "promote.me@example.test", role: "editor", disabled: false });

    const entry = await database.db.auditLog.findFirstOrThrow({
      where: { entityType: "user", entityId: target.id, action: "user.role" },
    });
    expect(entry).toMatchObject({ actorId: admin.id, via: "ui", details: { from: "reader", to: "editor" } });
  });

  it("refuses every user procedure to editors (FORBIDDEN) and to signed-out callers", async () => {
    const caller = callerFor(editor);
    expect(await codeOf(caller.user.list())).toBe("FORBIDDEN");
    expect(await codeOf(caller.user.changeRole({ userId: editor.id, role: "admin" }))).toBe("FORBIDDEN");
    expect(await codeOf(caller.user.invite({ email: "friend@example.test", role: "admin" }))).toBe(
      "FORBIDDEN",
    );
    expect(await codeOf(caller.user.disable({ userId: admin.id }))).toBe("FORBIDDEN");
    expect(await codeOf(callerFor(null).user.list())).toBe("UNAUTHORIZED");
    // Nothing changed.
    expect((await database.db.user.findUniqueOrThrow({ where: { id: editor.id } })).role).toBe("editor");
  });

  it("invites with a generated password returned once, which signs in", async () => {
    const { user, password } = await callerFor(admin).user.invite({
      email: "New.Hire@example.test",
      role: "editor",
    });
    expect(user).toMatchObject({ email: "new.hire@example.test", role: "editor", lastSignInAt: null });
    expect(password.length).toBeGreaterThanOrEqual(20);

    const signedIn = await signInWithPassword({ email: user.email, password, headers: new Headers() }, auth);
    expect(signedIn).toMatchObject({ ok: true, user: { role: "editor" } });

    const entry = await database.db.auditLog.findFirstOrThrow({
      where: { entityId: user.id, action: "user.create" },
    });
    expect(entry.actorId).toBe(admin.id);
    expect(JSON.stringify(entry.details)).not.toContain(password);

    expect(
      await codeOf(callerFor(admin).user.invite({ email: "new.hire@example.test", role: "reader" })),
    ).toBe("CONFLICT");
  });

  it("disables an account, ending its session, and enables it again — both audited", async () => {
    const { user, password } = await createUser(database.db, {
      email: "on.leave@example.test",
      role: "editor",
    });
    const signedIn = await signInWithPassword({ email: user.email, password, headers: new Headers() }, auth);
    if (!signedIn.ok) throw new Error(signedIn.message);
    const cookie = new Headers({ cookie: signedIn.setCookies.map((line) => line.split(";")[0]).join("; ") });
    expect(await getSessionUser(cookie, auth)).not.toBeNull();

    expect(await callerFor(admin).user.disable({ userId: user.id })).toMatchObject({ disabled: true });
    expect(await getSessionUser(cookie, auth)).toBeNull();
    expect(
      await signInWithPassword({ email: user.email, password, headers: new Headers() }, auth),
    ).toMatchObject({
      ok: false,
      reason: "disabled",
    });

    expect(await callerFor(admin).user.enable({ userId: user.id })).toMatchObject({ disabled: false });
    expect(
      await signInWithPassword({ email: user.email, password, headers: new Headers() }, auth),
    ).toMatchObject({ ok: true });

    const actions = await database.db.auditLog.findMany({
      where: { entityId: user.id },
      orderBy: { createdAt: "asc" },
    });
    expect(actions.map((entry) => entry.action)).toEqual(["user.disable", "user.enable"]);
  });

  it("never leaves the platform without an active admin, and admins cannot disable themselves", async () => {
    const caller = callerFor(admin);
    expect(await codeOf(caller.user.disable({ userId: admin.id }))).toBe("CONFLICT");
    expect(await codeOf(caller.user.changeRole({ userId: admin.id, role: "editor" }))).toBe("CONFLICT");
    const second = (await createUser(database.db, { email: "deputy@example.test", role: "admin" })).user;
    expect(await caller.user.changeRole({ userId: second.id, role: "editor" })).toMatchObject({
      role: "editor",
    });
  });

  it("lists accounts with roles, admins first, without password hashes", async () => {
    const users = await callerFor(admin).user.list();
    expect(users[0]?.role).toBe("admin");
    expect(users.map((user) => user.email)).toContain("writer@example.test");
    expect(Object.keys(users[0] ?? {}).sort()).toEqual([
      "createdAt",
      "disabled",
      "email",
      "id",
      "lastSignInAt",
      "name",
      "role",
    ]);
  });
});
