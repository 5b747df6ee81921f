import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@dispatch/db/testing";
import { createAuth, type Auth } from "./auth";
import { getSessionUser } from "./session";
import { signInWithPassword, signOut } from "./sign-in";
import { createUser, ensureDemoUsers, DEMO_USERS, UserExistsError, WeakPasswordError } from "./users";

// Each sign-in hashes a password (scrypt): slow on a busy 2-core machine, hence the timeouts.
let database: TestDatabase;
let auth: Auth;

const TEST_SECRET = "test-secret-test-secret-test-secret-0123";

beforeAll(async () => {
  database = await createTestDatabase();
  auth = createAuth(database.db, {
    secret: TEST_SECRET,
    allowSignUp: true,
    signInLimits: { perEmail: { max: 5, windowSeconds: 900 }, perAddress: { max: 8, windowSeconds: 900 } },
  });
}, 60_000);
afterAll(async () => {
  await database.drop();
});
beforeEach(async () => {
  await database.db.rateLimit.deleteMany();
});

let addressCounter = 0;
/** Headers as a browser behind one address would send them; each test gets its own address. */
function clientHeaders(address = `203.0.113.${++addressCounter}`, cookie?: string): Headers {
  const headers = new Headers({ "x-forwarded-for": address, "user-agent": "vitest" });
  if (cookie) headers.set("cookie", cookie);
  return headers;
}

/** "name=value; Path=/; HttpOnly" × n → "name=value; name2=value2", as a browser sends back. */
function cookieHeader(setCookies: string[]): string {
  return setCookies.map((line) => line.split(";")[0]).join("; ");
}

async function signIn(email: string, password: string, headers = clientHeaders()) {
  return signInWithPassword({ email, password, headers }, auth);
}

describe("sign-up, sign-in and the session, through Better Auth on PostgreSQL", { timeout: 30_000 }, () => {
  it("signs up a reader, signs in, and the session cookie resolves to the user with a role", async () => {
    const signUp = await auth.api.signUpEmail({
      body: { email: "new.reader@example.test", password: "correct horse battery", name: "New Reader" },
      headers: clientHeaders(),
    });
    expect(signUp.user.email).toBe("new.reader@example.test");

    const result = await signIn("New.Reader@example.test", "correct horse battery");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.user.role).toBe("reader");

    const cookie = result.setCookies.find((line) => line.startsWith("dispatch.session_token="));
    expect(cookie).toBeDefined();
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    // Served over http://localhost in tests, so no Secure flag (browsers would drop it).
    expect(cookie).not.toMatch(/Secure/i);

    const user = await getSessionUser(clientHeaders(undefined, cookieHeader(result.setCookies)), auth);
    expect(user).toMatchObject({ email: "new.reader@example.test", name: "New Reader", role: "reader" });
    // Sessions live in PostgreSQL: one from sign-up (which signs the person in), one from sign-in.
    expect(await database.db.session.count({ where: { userId: user?.id ?? "" } })).toBe(2);
  });

  it("ignores a role sent with sign-up: nobody makes themselves an admin", async () => {
    await auth.api.signUpEmail({
      body: { email: "sneaky@example.test", password: "correct horse battery", name: "Sneaky", role: "admin" } as never,
      headers: clientHeaders(),
    });
    const row = await database.db.user.findUniqueOrThrow({ where: { email: "sneaky@example.test" } });
    expect(row.role).toBe("reader");
  });

  it("keeps sign-up closed by default", async () => {
    const closed = createAuth(database.db, { secret: TEST_SECRET });
    await expect(
      closed.api.signUpEmail({
        body: { email: "walk.in@example.test", password: "correct horse battery", name: "Walk In" },
        headers: clientHeaders(),
      }),
    ).rejects.toMatchObject({ statusCode: 400 });
  });

  it("rejects a wrong password with a message that does not say which part was wrong", async () => {
    await createUser(database.db, { email: "wrong.pw@example.test", role: "editor", password: "the right password" });
    const result = await signIn("wrong.pw@example.test", "not the password");
    expect(result).toMatchObject({ ok: false, reason: "invalid" });
    if (result.ok) return;
    expect(result.message).toMatch(/don't match an account/);
    const unknown = await signIn("nobody@example.test", "whatever password");
    expect(unknown).toMatchObject({ ok: false, reason: "invalid", message: result.message });
  });

  it("getSessionUser returns the role an admin gave, and null without a cookie", async () => {
    const { password } = await createUser(database.db, { email: "chief@example.test", role: "admin" });
    const result = await signIn("chief@example.test", password);
    if (!result.ok) throw new Error(result.message);
    const user = await getSessionUser(clientHeaders(undefined, cookieHeader(result.setCookies)), auth);
    expect(user?.role).toBe("admin");
    expect(await getSessionUser(clientHeaders(), auth)).toBeNull();
    expect(await getSessionUser(clientHeaders(undefined, "dispatch.session_token=forged.value"), auth)).toBeNull();
  });

  it("signing out ends the session", async () => {
    const { password } = await createUser(database.db, { email: "leaver@example.test", role: "editor" });
    const result = await signIn("leaver@example.test", password);
    if (!result.ok) throw new Error(result.message);
    const cookie = cookieHeader(result.setCookies);
    const cleared = await signOut(clientHeaders(undefined, cookie), auth);
    const sessionCookie = cleared.find((entry) => entry.name === "dispatch.session_token");
    expect(sessionCookie).toMatchObject({ value: "", options: { maxAge: 0 } });
    expect(await getSessionUser(clientHeaders(undefined, cookie), auth)).toBeNull();
  });
});

describe("disabled accounts", { timeout: 30_000 }, () => {
  it("cannot sign in, and are told so only with the right password", async () => {
    const { password } = await createUser(database.db, { email: "gone@example.test", role: "editor" });
    await database.db.user.update({ where: { email: "gone@example.test" }, data: { disabled: true } });

    const right = await signIn("gone@example.test", password);
    expect(right).toMatchObject({ ok: false, reason: "disabled" });
    if (!right.ok) expect(right.message).toMatch(/disabled.*ask an admin/i);
    expect(await database.db.session.count({ where: { user: { email: "gone@example.test" } } })).toBe(0);

    const wrong = await signIn("gone@example.test", "not the password");
    expect(wrong).toMatchObject({ ok: false, reason: "invalid" });
  });

  it("lose an existing session at once", async () => {
    const { password } = await createUser(database.db, { email: "paused@example.test", role: "editor" });
    const result = await signIn("paused@example.test", password);
    if (!result.ok) throw new Error(result.message);
    const headers = clientHeaders(undefined, cookieHeader(result.setCookies));
    expect(await getSessionUser(headers, auth)).not.toBeNull();
    await database.db.user.update({ where: { email: "paused@example.test" }, data: { disabled: true } });
    expect(await getSessionUser(headers, auth)).toBeNull();
  });
});

describe("sign-in rate limiting", { timeout: 30_000 }, () => {
  it("locks an account after 5 failures and says when to try again, even with the right password", async () => {
    const { password } = await createUser(database.db, { email: "target@example.test", role: "editor" });
    // Each attempt from a different address: the per-email limit must hold on its own.
    for (let attempt = 1; attempt <= 4; attempt++) {
      const result = await signIn("target@example.test", `guess number ${attempt}`, clientHeaders());
      expect(result).toMatchObject({ ok: false, reason: "invalid" });
    }
    const fifth = await signIn("target@example.test", "guess number 5", clientHeaders());
    expect(fifth).toMatchObject({ ok: false, reason: "rate_limited" });
    if (fifth.ok) return;
    expect(fifth.message).toBe("Too many attempts; try again in 15 minutes.");
    expect(fifth.retryAfterSeconds).toBeGreaterThan(14 * 60);

    const correct = await signIn("target@example.test", password, clientHeaders());
    expect(correct).toMatchObject({ ok: false, reason: "rate_limited" });
    if (!correct.ok) expect(correct.message).toMatch(/try again in 1[45] minutes/);
  });

  it("tells the remaining wait as time passes", async () => {
    await createUser(database.db, { email: "waiting@example.test", role: "editor" });
    for (let attempt = 1; attempt <= 5; attempt++) await signIn("waiting@example.test", `guess ${attempt} wrong`);
    // Move the window's start 3½ minutes into the past: 11½ minutes remain.
    const key = "dispatch:sign-in:email:waiting@example.test";
    const row = await database.db.rateLimit.findUniqueOrThrow({ where: { key } });
    await database.db.rateLimit.update({ where: { key }, data: { lastRequest: row.lastRequest - 210_000n } });
    const result = await signIn("waiting@example.test", "another guess");
    expect(result).toMatchObject({ ok: false, reason: "rate_limited", message: "Too many attempts; try again in 12 minutes." });
  });

  it("lets the account in again when the window is over", async () => {
    const { password } = await createUser(database.db, { email: "patient@example.test", role: "editor" });
    for (let attempt = 1; attempt <= 5; attempt++) await signIn("patient@example.test", `guess ${attempt} wrong`);
    await database.db.rateLimit.updateMany({ data: { lastRequest: BigInt(Date.now() - 16 * 60_000) } });
    expect(await signIn("patient@example.test", password)).toMatchObject({ ok: true });
  });

  it("a successful sign-in clears the account's failures", async () => {
    const { password } = await createUser(database.db, { email: "typo@example.test", role: "editor" });
    for (let attempt = 1; attempt <= 4; attempt++) await signIn("typo@example.test", `typo number ${attempt}`);
    expect(await signIn("typo@example.test", password)).toMatchObject({ ok: true });
    for (let attempt = 1; attempt <= 4; attempt++) {
      expect(await signIn("typo@example.test", `typo again ${attempt}`)).toMatchObject({ reason: "invalid" });
    }
  });

  it("locks an address that tries many accounts, without locking those accounts elsewhere", async () => {
    const { password } = await createUser(database.db, { email: "bystander@example.test", role: "editor" });
    const attacker = "198.51.100.7";
    const results = [];
    for (let attempt = 1; attempt <= 8; attempt++) {
      results.push(await signIn(`victim${attempt}@example.test`, "password123!", clientHeaders(attacker)));
    }
    expect(results.slice(0, 7).every((result) => !result.ok && result.reason === "invalid")).toBe(true);
    expect(results[7]).toMatchObject({ ok: false, reason: "rate_limited" });
    // The attacker's address cannot try even a real account…
    expect(await signIn("bystander@example.test", password, clientHeaders(attacker))).toMatchObject({
      reason: "rate_limited",
      message: expect.stringMatching(/^Too many attempts; try again in 1[45] minutes\.$/),
    });
    // …while its owner, elsewhere, signs in.
    expect(await signIn("bystander@example.test", password, clientHeaders("192.0.2.50"))).toMatchObject({ ok: true });
  });

  it("counts failures over HTTP too, with a 429 and Retry-After", async () => {
    await createUser(database.db, { email: "http@example.test", role: "editor" });
    const post = (password: string) =>
      auth.handler(
        new Request("http://localhost:3001/api/auth/sign-in/email", {
          method: "POST",
          headers: { "content-type": "application/json", origin: "http://localhost:3001", "x-forwarded-for": "192.0.2.99" },
          body: JSON.stringify({ email: "http@example.test", password }),
        }),
      );
    for (let attempt = 1; attempt <= 4; attempt++) expect((await post(`wrong ${attempt} pass`)).status).toBe(401);
    const locked = await post("wrong 5 pass");
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(800);
    expect(((await locked.json()) as { message: string }).message).toBe("Too many attempts; try again in 15 minutes.");
    const again = await post("wrong 6 pass");
    expect(again.status).toBe(429);
    expect(Number(again.headers.get("retry-after"))).toBeGreaterThan(800);
  });
});

describe("creating accounts", { timeout: 30_000 }, () => {
  it("generates a strong password when none is given, and stores only its hash", async () => {
    const { user, password } = await createUser(database.db, { email: "Invitee@Example.test", role: "editor" });
    expect(user).toMatchObject({ email: "invitee@example.test", name: "Invitee", role: "editor" });
    expect(password.length).toBeGreaterThanOrEqual(20);
    const account = await database.db.account.findFirstOrThrow({ where: { userId: user.id } });
    expect(account.password).not.toContain(password);
    expect(await signIn("invitee@example.test", password)).toMatchObject({ ok: true });
  });

  it("refuses a duplicate email and a short password", async () => {
    await createUser(database.db, { email: "twice@example.test", role: "reader" });
    await expect(createUser(database.db, { email: "TWICE@example.test", role: "reader" })).rejects.toBeInstanceOf(UserExistsError);
    await expect(createUser(database.db, { email: "short@example.test", role: "reader", password: "short" })).rejects.toBeInstanceOf(
      WeakPasswordError,
    );
  });

  it("ensureDemoUsers creates the demo admin and editor once, and their passwords work", async () => {
    const first = await ensureDemoUsers(database.db);
    expect(first.map((demo) => [demo.email, demo.role, demo.created])).toEqual([
      ["admin@dispatch.local", "admin", true],
      ["editor@dispatch.local", "editor", true],
    ]);
    const second = await ensureDemoUsers(database.db);
    expect(second.every((demo) => !demo.created)).toBe(true);
    for (const demo of DEMO_USERS) {
      const result = await signIn(demo.email, demo.password);
      expect(result).toMatchObject({ ok: true, user: { role: demo.role } });
    }
  });
});
