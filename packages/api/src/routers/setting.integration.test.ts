// The settings procedures: only admins read or change them, a change is audited, and it
// reaches what auth enforces (reader sign-up open or closed).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { createUser, getSignUpStatus, type RoleName, type SessionUser } from "@dispatch/auth";
import { createMailer } from "@dispatch/mail";
import { createTestDatabase, type TestDatabase } from "@dispatch/db/testing";
import { createCaller } from "../root";
import { createInnerContext } from "../trpc";

let database: TestDatabase;
const users = new Map<RoleName, SessionUser>();

beforeAll(async () => {
  database = await createTestDatabase();
  for (const role of ["reader", "editor", "admin"] as const)
    users.set(role, (await createUser(database.db, { email: `${role}@settings.test`, role })).user);
}, 60_000);
afterAll(async () => {
  await database.drop();
});

const callerFor = (user: SessionUser | null) =>
  createCaller(createInnerContext({ db: database.db, user, via: "ui" }));

async function outcomeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    expect(error).toBeInstanceOf(TRPCError);
    return (error as TRPCError).code;
  }
}

describe("setting router", { timeout: 30_000 }, () => {
  it("answers only admins: signed out UNAUTHORIZED, reader and editor FORBIDDEN", async () => {
    const matrix: Record<string, { get: string; update: string }> = {};
    for (const who of ["anonymous", "reader", "editor", "admin"] as const) {
      const caller = callerFor(who === "anonymous" ? null : (users.get(who) ?? null));
      matrix[who] = {
        get: await outcomeOf(caller.setting.get()),
        update: await outcomeOf(caller.setting.update({ readerSignUp: true })),
      };
    }
    expect(matrix).toEqual({
      anonymous: { get: "UNAUTHORIZED", update: "UNAUTHORIZED" },
      reader: { get: "FORBIDDEN", update: "FORBIDDEN" },
      editor: { get: "FORBIDDEN", update: "FORBIDDEN" },
      admin: { get: "ok", update: "ok" },
    });
  });

  it("closes and reopens reader sign-up, audited, and auth sees it", async () => {
    const admin = callerFor(users.get("admin") ?? null);
    const mailer = createMailer("smtp://127.0.0.1:9", "news@settings.test");
    expect(await admin.setting.get()).toMatchObject({ readerSignUp: true });
    expect(await getSignUpStatus(database.db, mailer)).toEqual({ open: true });

    expect(await admin.setting.update({ readerSignUp: false })).toMatchObject({ readerSignUp: false });
    expect(await getSignUpStatus(database.db, mailer)).toMatchObject({ open: false, reason: "closed" });
    const entry = await database.db.auditLog.findFirstOrThrow({
      where: { action: "settings.update" },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    });
    expect(entry).toMatchObject({
      actorId: users.get("admin")?.id,
      entityType: "settings",
      details: { readerSignUp: { from: true, to: false } },
    });

    await admin.setting.update({ readerSignUp: true });
    expect(await getSignUpStatus(database.db, mailer)).toEqual({ open: true });
    // Without mail, sign-up stays shut whatever the setting says, and says why.
    expect(await getSignUpStatus(database.db, null)).toMatchObject({ open: false, reason: "no_mail" });
    mailer.close();
  });

  it("refuses input that is not a yes or no", async () => {
    const admin = callerFor(users.get("admin") ?? null);
    await expect(admin.setting.update({ readerSignUp: "yes" as never })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });
});
