import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@dispatch/db/testing";
import { createMailer } from "@dispatch/mail";
import { startMailCatcher, type MailCatcher } from "@dispatch/mail/catcher";
import { createAuth, type Auth } from "./auth";
import { getSessionUser } from "./session";
import { signInWithPassword, signOut } from "./sign-in";
import { createUser, ensureDemoUsers, DEMO_USERS, UserExistsError, WeakPasswordError } from "./users";

// Each sign-in hashes a password (scrypt): slow on a busy 2-core machine, hence the timeouts.
let database: TestDatabase;
let auth: Auth;
let catcher: MailCatcher;

const TEST_SECRET = "test-secret-test-secret-test-secret-0123";

beforeAll(async () => {
  database = await createTestDatabase();
  catcher = await startMailCatcher();
  auth = createAuth(database.db, {
    secret: TEST_SECRET,
    mailer: createMailer(catcher.smtpUrl, "Dispatch <no-reply@dispatch.test>"),
  });
}, 60_000);
afterAll(async () => {
  await catcher?.stop();
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
    // Verified as the link in the mail would (that flow is accounts.integration.test.ts's).
    await database.db.user.update({
      where: { email: "new.reader@example.test" },
      data: { emailVerified: true },
    });

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
    // Sessions live in PostgreSQL: sign-up made none (the address was not verified), sign-in one.
    expect(await database.db.session.count({ where: { userId: user?.id ?? "" } })).toBe(1);
  });

  it("ignores a role sent with sign-up: nobody makes themselves an admin", async () => {
    await auth.api.signUpEmail({
      body: {
        email: "sneaky@example.test",
        password: "correct horse battery",
        name: "Sneaky",
        role: "admin",
      } as never,
      headers: clientHeaders(),
    });
    const row = await database.db.user.findUniqueOrThrow({ where: { email: "sneaky@example.test" } });
    expect(row.role).toBe("reader");
  });

  it("keeps sign-up closed when the site's setting is off, or when no mail can be sent", async () => {
    const body = { email: "walk.in@example.test", password: "correct horse battery", name: "Walk In" };
    await database.db.siteSetting.update({ where: { id: 1 }, data: { readerSignUp: false } });
    try {
      await expect(auth.api.signUpEmail({ body, headers: clientHeaders() })).rejects.toMatchObject({
        statusCode: 403,
        body: { code: "SIGN_UP_CLOSED", message: expect.stringMatching(/sign-up is closed/i) },
      });
    } finally {
      await database.db.siteSetting.update({ where: { id: 1 }, data: { readerSignUp: true } });
    }
    const mailless = createAuth(database.db, { secret: TEST_SECRET, mailer: null });
    await expect(mailless.api.signUpEmail({ body, headers: clientHeaders() })).rejects.toMatchObject({
      statusCode: 403,
      body: { code: "SIGN_UP_CLOSED", message: expect.stringMatching(/SMTP_URL is not set/) },
    });
    expect(await database.db.user.count({ where: { email: body.email } })).toBe(0);
  });

  it("rejects a wrong password with a message that does not say which part was wrong", async () => {
    await createUser(database.db, {
      email: "wrong.pw@example.test",
      role: "editor",
      password: "the right password",
    });
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
    expect(
      await getSessionUser(clientHeaders(undefined, "dispatch.session_token=forged.value"), auth),
    ).toBeNull();
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

describe("sign-in rate limiting", { timeout: 60_000 }, () => {
  const limits = {
    perClient: { free: 4, baseLockSeconds: 60, maxLockSeconds: 900, forgetAfterSeconds: 86_400 },
    perAddress: { max: 10, windowSeconds: 900 },
    perAccount: { max: 12, windowSeconds: 3600 },
  };
  let proxied: Auth;
  let direct: Auth;
  beforeAll(() => {
    // Behind a proxy we run: its appended X-Forwarded-For hop is the client's address.
    proxied = createAuth(database.db, { secret: TEST_SECRET, trustProxy: true, signInLimits: limits });
    // No proxy: X-Forwarded-For is whatever the client says.
    direct = createAuth(database.db, { secret: TEST_SECRET, trustProxy: false, signInLimits: limits });
  });
  /** What our proxy forwards: the client's claimed chain, then the address it saw. */
  const viaProxy = (address: string, claimed?: string, cookie?: string) => {
    const headers = clientHeaders(claimed ? `${claimed}, ${address}` : address, cookie);
    return headers;
  };
  const attempt = (instance: Auth, email: string, password: string, headers: Headers) =>
    signInWithPassword({ email, password, headers }, instance);

  it("locks one client out of one account after 5 wrong passwords, then doubles the wait", async () => {
    const { password } = await createUser(database.db, { email: "target@example.test", role: "editor" });
    for (let n = 1; n <= 4; n++) {
      expect(
        await attempt(proxied, "target@example.test", `guess number ${n}`, viaProxy("198.51.100.1")),
      ).toMatchObject({ reason: "invalid" });
    }
    const fifth = await attempt(proxied, "target@example.test", "guess number 5", viaProxy("198.51.100.1"));
    expect(fifth).toMatchObject({
      ok: false,
      reason: "rate_limited",
      message: "Too many attempts; try again in 1 minute.",
    });
    // Even the right password waits, from this client.
    expect(await attempt(proxied, "target@example.test", password, viaProxy("198.51.100.1"))).toMatchObject({
      reason: "rate_limited",
    });
    // When the minute is over, the next wrong guess locks for two.
    await database.db.rateLimit.updateMany({
      where: { key: { contains: "198.51.100.1" } },
      data: { lastRequest: BigInt(Date.now() - 61_000) },
    });
    const sixth = await attempt(proxied, "target@example.test", "guess number 6", viaProxy("198.51.100.1"));
    expect(sixth).toMatchObject({
      reason: "rate_limited",
      message: "Too many attempts; try again in 2 minutes.",
    });
  });

  it("does not let an attacker lock the owner out of the address they sign in from", async () => {
    const { password } = await createUser(database.db, { email: "owner@example.test", role: "admin" });
    const home = "192.0.2.10";
    expect(await attempt(proxied, "owner@example.test", password, viaProxy(home))).toMatchObject({
      ok: true,
    });
    // Twenty wrong guesses from the attacker's address (the ones after the lock are refused).
    const attacker = "198.51.100.66";
    const results = [];
    for (let n = 1; n <= 20; n++)
      results.push(await attempt(proxied, "owner@example.test", `attack ${n} pass`, viaProxy(attacker)));
    expect(
      results.filter((result) => !result.ok && result.reason === "rate_limited").length,
    ).toBeGreaterThanOrEqual(15);
    expect(await attempt(proxied, "owner@example.test", password, viaProxy(attacker))).toMatchObject({
      reason: "rate_limited",
    });
    // The owner, at home, signs in — a cookie-less client such as a fresh browser included.
    expect(await attempt(proxied, "owner@example.test", password, viaProxy(home))).toMatchObject({
      ok: true,
    });
  });

  it("does not let an attacker lock the owner's browser out, even with no trusted address at all", async () => {
    const { password } = await createUser(database.db, { email: "browser@example.test", role: "admin" });
    const first = await attempt(direct, "browser@example.test", password, clientHeaders());
    if (!first.ok) throw new Error(first.message);
    const ownersBrowser = cookieHeader(
      first.setCookies.filter((line) => line.startsWith("dispatch.known_device=")),
    );
    expect(ownersBrowser).toMatch(/^dispatch\.known_device=/);
    // The attacker spoofs a new X-Forwarded-For on every guess; it changes nothing.
    const results = [];
    for (let n = 1; n <= 12; n++)
      results.push(await attempt(direct, "browser@example.test", `attack ${n} pass`, clientHeaders()));
    expect(results.slice(0, 4).every((result) => !result.ok && result.reason === "invalid")).toBe(true);
    expect(results.slice(4).every((result) => !result.ok && result.reason === "rate_limited")).toBe(true);
    // The owner's browser carries its known-device cookie and signs in.
    expect(
      await attempt(direct, "browser@example.test", password, clientHeaders(undefined, ownersBrowser)),
    ).toMatchObject({ ok: true });
    // A forged or another account's device cookie does not count as known.
    const forged = ownersBrowser.replace(/=([^:]+)/, "=00000000-0000-0000-0000-000000000000");
    expect(
      await attempt(direct, "browser@example.test", password, clientHeaders(undefined, forged)),
    ).toMatchObject({ reason: "rate_limited" });
  });

  it("ignores X-Forwarded-For without a trusted proxy: spoofing it neither escapes a lock nor frames another address", async () => {
    const { password } = await createUser(database.db, { email: "spoofed@example.test", role: "editor" });
    await createUser(database.db, { email: "framed@example.test", role: "editor" });
    // A client claiming the victim's address makes 15 failures across accounts…
    for (let n = 1; n <= 15; n++)
      await attempt(direct, `nobody${n}@example.test`, "password123!", clientHeaders("192.0.2.200"));
    // …which puts no lock on that address: the victim behind it, with no cookie, still signs in.
    expect(
      await attempt(direct, "spoofed@example.test", password, clientHeaders("192.0.2.200")),
    ).toMatchObject({ ok: true });
    // And a lock on an account from unknown clients holds whatever address is claimed next.
    for (let n = 1; n <= 5; n++)
      await attempt(direct, "framed@example.test", `wrong ${n} pass`, clientHeaders());
    for (const claimed of ["203.0.113.250", "10.0.0.1", "::1"]) {
      expect(
        await attempt(direct, "framed@example.test", `wrong again`, clientHeaders(claimed)),
      ).toMatchObject({ reason: "rate_limited" });
    }
  });

  it("behind the proxy, counts the address the proxy saw, not what the client claims before it", async () => {
    const { password } = await createUser(database.db, { email: "chained@example.test", role: "editor" });
    const attacker = "198.51.100.90";
    const results = [];
    for (let n = 1; n <= 11; n++) {
      results.push(
        await attempt(proxied, `stuffed${n}@example.test`, "password123!", viaProxy(attacker, `10.0.${n}.1`)),
      );
    }
    expect(results.slice(0, 9).every((result) => !result.ok && result.reason === "invalid")).toBe(true);
    expect(results[9]).toMatchObject({ ok: false, reason: "rate_limited" });
    // The address is locked for accounts it has not signed in to, however the chain starts…
    expect(
      await attempt(proxied, "chained@example.test", password, viaProxy(attacker, "192.0.2.99")),
    ).toMatchObject({ reason: "rate_limited" });
    // …while the account's owner, elsewhere, signs in.
    expect(await attempt(proxied, "chained@example.test", password, viaProxy("192.0.2.50"))).toMatchObject({
      ok: true,
    });
  });

  it("lets people behind a shared address who signed in from it before keep signing in while it is locked", async () => {
    const office = "203.0.113.77";
    const { password } = await createUser(database.db, { email: "colleague@example.test", role: "editor" });
    expect(await attempt(proxied, "colleague@example.test", password, viaProxy(office))).toMatchObject({
      ok: true,
    });
    for (let n = 1; n <= 12; n++)
      await attempt(proxied, `guessed${n}@example.test`, "password123!", viaProxy(office));
    expect(await attempt(proxied, "newcomer@example.test", "password123!", viaProxy(office))).toMatchObject({
      reason: "rate_limited",
    });
    expect(await attempt(proxied, "colleague@example.test", password, viaProxy(office))).toMatchObject({
      ok: true,
    });
  });

  it("limits guessing one account from many addresses, for addresses the account does not know", async () => {
    const { password } = await createUser(database.db, { email: "spread@example.test", role: "editor" });
    expect(await attempt(proxied, "spread@example.test", password, viaProxy("192.0.2.1"))).toMatchObject({
      ok: true,
    });
    const results = [];
    for (let n = 1; n <= 13; n++)
      results.push(
        await attempt(proxied, "spread@example.test", `wrong ${n} pass`, viaProxy(`198.18.0.${n}`)),
      );
    expect(results.slice(0, 11).every((result) => !result.ok && result.reason === "invalid")).toBe(true);
    expect(results[11]).toMatchObject({ reason: "rate_limited" });
    expect(await attempt(proxied, "spread@example.test", password, viaProxy("198.18.1.1"))).toMatchObject({
      reason: "rate_limited",
    });
    expect(await attempt(proxied, "spread@example.test", password, viaProxy("192.0.2.1"))).toMatchObject({
      ok: true,
    });
  });

  it("tells the remaining wait as time passes, and lets the client in when it is over", async () => {
    const { password } = await createUser(database.db, { email: "waiting@example.test", role: "editor" });
    const here = "192.0.2.77";
    for (let n = 1; n <= 5; n++)
      await attempt(proxied, "waiting@example.test", `guess ${n} wrong`, viaProxy(here));
    const key = `dispatch:sign-in:client:waiting@example.test:address:${here}`;
    await database.db.rateLimit.update({
      where: { key },
      data: { lastRequest: BigInt(Date.now() - 30_000) },
    });
    expect(await attempt(proxied, "waiting@example.test", "another guess", viaProxy(here))).toMatchObject({
      reason: "rate_limited",
      message: "Too many attempts; try again in 30 seconds.",
    });
    await database.db.rateLimit.update({
      where: { key },
      data: { lastRequest: BigInt(Date.now() - 61_000) },
    });
    expect(await attempt(proxied, "waiting@example.test", password, viaProxy(here))).toMatchObject({
      ok: true,
    });
  });

  it("a successful sign-in clears that client's failures", async () => {
    const { password } = await createUser(database.db, { email: "typo@example.test", role: "editor" });
    for (let n = 1; n <= 4; n++)
      await attempt(proxied, "typo@example.test", `typo number ${n}`, viaProxy("192.0.2.5"));
    expect(await attempt(proxied, "typo@example.test", password, viaProxy("192.0.2.5"))).toMatchObject({
      ok: true,
    });
    for (let n = 1; n <= 4; n++) {
      expect(
        await attempt(proxied, "typo@example.test", `typo again ${n}`, viaProxy("192.0.2.5")),
      ).toMatchObject({ reason: "invalid" });
    }
  });

  it("counts failures over HTTP too, with a 429 and Retry-After", async () => {
    await createUser(database.db, { email: "http@example.test", role: "editor" });
    const post = (password: string) =>
      direct.handler(
        new Request("http://localhost:3001/api/auth/sign-in/email", {
          method: "POST",
          headers: {
            "content-type": "application/json",
            origin: "http://localhost:3001",
            "x-forwarded-for": `192.0.2.${Math.floor(Math.random() * 250)}`,
          },
          body: JSON.stringify({ email: "http@example.test", password }),
        }),
      );
    for (let n = 1; n <= 4; n++) expect((await post(`wrong ${n} pass`)).status).toBe(401);
    const locked = await post("wrong 5 pass");
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(50);
    expect(((await locked.json()) as { message: string }).message).toBe(
      "Too many attempts; try again in 1 minute.",
    );
    const again = await post("wrong 6 pass");
    expect(again.status).toBe(429);
    expect(Number(again.headers.get("retry-after"))).toBeGreaterThan(50);
  });
});

describe("session cookies", { timeout: 30_000 }, () => {
  it("are Secure when the app is served over https, even while the other app's URL is http", async () => {
    const mixed = createAuth(database.db, {
      secret: TEST_SECRET,
      readerUrl: "http://localhost:3000",
      adminUrl: "https://admin.example.test",
    });
    const { password } = await createUser(database.db, { email: "secure@example.test", role: "editor" });
    const result = await signInWithPassword(
      {
        email: "secure@example.test",
        password,
        headers: new Headers({ host: "admin.example.test", "x-forwarded-proto": "https" }),
      },
      mixed,
    );
    if (!result.ok) throw new Error(result.message);
    const session = result.setCookies.find((line) => /session_token=/.test(line));
    expect(session).toMatch(/^__Secure-dispatch\.session_token=/);
    expect(session).toMatch(/;\s*Secure/i);
  });
});

describe("creating accounts", { timeout: 30_000 }, () => {
  it("generates a strong password when none is given, and stores only its hash", async () => {
    const { user, password } = await createUser(database.db, {
      email: "Invitee@Example.test",
      role: "editor",
    });
    expect(user).toMatchObject({ email: "invitee@example.test", name: "Invitee", role: "editor" });
    expect(password.length).toBeGreaterThanOrEqual(20);
    const account = await database.db.account.findFirstOrThrow({ where: { userId: user.id } });
    expect(account.password).not.toContain(password);
    expect(await signIn("invitee@example.test", password)).toMatchObject({ ok: true });
  });

  it("refuses a duplicate email and a short password", async () => {
    await createUser(database.db, { email: "twice@example.test", role: "reader" });
    await expect(
      createUser(database.db, { email: "TWICE@example.test", role: "reader" }),
    ).rejects.toBeInstanceOf(UserExistsError);
    await expect(
      createUser(database.db, { email: "short@example.test", role: "reader", password: "short" }),
    ).rejects.toBeInstanceOf(WeakPasswordError);
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
