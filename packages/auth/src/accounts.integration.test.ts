// Reader accounts end to end below the pages: sign-up mails a verification link through a real
// SMTP server (the catcher), the link works once, expired and reused links are refused with a
// message, and a forgotten password is reset by mail — on a real PostgreSQL.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "@dispatch/db/testing";
import { createMailer } from "@dispatch/mail";
import { startMailCatcher, type CaughtMail, type MailCatcher } from "@dispatch/mail/catcher";
import { createAuth, type Auth } from "./auth";
import { verifyEmailToken, VERIFY_MESSAGES } from "./email-verification";
import {
  checkResetToken,
  requestPasswordReset,
  resetPasswordWithToken,
  RESET_MESSAGES,
} from "./password-reset";
import { getSessionUser } from "./session";
import { signInWithPassword } from "./sign-in";
import { signUpWithPassword } from "./sign-up";
import { createUser } from "./users";

const READER_URL = "http://reader.example.test";
let database: TestDatabase;
let catcher: MailCatcher;
let auth: Auth;

beforeAll(async () => {
  database = await createTestDatabase();
  catcher = await startMailCatcher();
  auth = createAuth(database.db, {
    secret: "accounts-test-secret-0123456789abcdef0123",
    readerUrl: READER_URL,
    mailer: createMailer(catcher.smtpUrl, "Dispatch <no-reply@dispatch.test>"),
  });
}, 60_000);
afterAll(async () => {
  await catcher?.stop();
  await database?.drop();
});

let address = 0;
const headers = (cookie?: string) => {
  const result = new Headers({ "x-forwarded-for": `198.51.100.${++address}`, "user-agent": "vitest" });
  if (cookie) result.set("cookie", cookie);
  return result;
};

/** The token in the first link of a mail that points at `path` on the reader. */
function tokenIn(mail: CaughtMail, path: string): string {
  const link = mail.links.find((candidate) => candidate.startsWith(`${READER_URL}${path}?token=`));
  if (!link) throw new Error(`no ${path} link in "${mail.subject}": ${mail.links.join(", ")}`);
  return new URL(link).searchParams.get("token") ?? "";
}

const mailTo = (email: string, subject: RegExp, after = 0) =>
  catcher.waitForMail((mail) => mail.id > after && mail.to.includes(email) && subject.test(mail.subject));
const lastMailId = () => catcher.messages().at(-1)?.id ?? 0;

describe("signing up and verifying the address by mail", { timeout: 60_000 }, () => {
  it("mails a link that verifies once and signs in; a reused, expired or broken link is refused", async () => {
    const email = "ada.reader@example.test";
    const signUp = await signUpWithPassword(
      {
        name: "Ada Reader",
        email: "Ada.Reader@Example.test",
        password: "a long enough passphrase",
        headers: headers(),
      },
      auth,
    );
    expect(signUp).toEqual({ ok: true, email });
    const user = await database.db.user.findUniqueOrThrow({ where: { email } });
    expect(user).toMatchObject({ role: "reader", emailVerified: false });

    const mail = await mailTo(email, /verify your email/i);
    expect(mail.from).toContain("no-reply@dispatch.test");
    expect(mail.text).toContain("Hello Ada Reader,");
    expect(mail.html).toContain(`${READER_URL}/verify-email?token=`);
    const token = tokenIn(mail, "/verify-email");

    // Not verified yet: the right password is refused with what to do, and a new link is mailed.
    const before = lastMailId();
    const early = await signInWithPassword(
      { email, password: "a long enough passphrase", headers: headers() },
      auth,
    );
    expect(early).toMatchObject({ ok: false, reason: "unverified" });
    if (!early.ok)
      expect(early.message).toMatch(/not verified yet.*new verification link to ada.reader@example.test/);
    await mailTo(email, /verify your email/i, before);

    const verified = await verifyEmailToken(database.db, { token, headers: headers() }, auth);
    expect(verified).toMatchObject({ ok: true, email });
    if (!verified.ok) return;
    const cookie = verified.cookies.map((entry) => `${entry.name}=${entry.value}`).join("; ");
    expect(await getSessionUser(headers(cookie), auth)).toMatchObject({ email, role: "reader" });
    expect((await database.db.user.findUniqueOrThrow({ where: { email } })).emailVerified).toBe(true);

    // The same link again: refused as used, and it signs nobody in.
    const sessions = await database.db.session.count({ where: { userId: user.id } });
    const again = await verifyEmailToken(database.db, { token, headers: headers() }, auth);
    expect(again).toEqual({ ok: false, reason: "used", message: VERIFY_MESSAGES.used });
    expect(await database.db.session.count({ where: { userId: user.id } })).toBe(sessions);

    const broken = await verifyEmailToken(
      database.db,
      { token: `${token.slice(0, -4)}AAAA`, headers: headers() },
      auth,
    );
    expect(broken).toMatchObject({ ok: false, reason: "invalid" });
    expect(
      await verifyEmailToken(database.db, { token: "not-a-token", headers: headers() }, auth),
    ).toMatchObject({
      ok: false,
      reason: "invalid",
    });

    const signedIn = await signInWithPassword(
      { email, password: "a long enough passphrase", headers: headers() },
      auth,
    );
    expect(signedIn.ok).toBe(true);
  });

  it("refuses a verification link past its 24 hours", async () => {
    const email = "late.reader@example.test";
    await signUpWithPassword(
      { name: "Late Reader", email, password: "another long passphrase", headers: headers() },
      auth,
    );
    const token = tokenIn(await mailTo(email, /verify your email/i), "/verify-email");
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      vi.setSystemTime(Date.now() + 25 * 60 * 60 * 1000);
      const late = await verifyEmailToken(database.db, { token, headers: headers() }, auth);
      expect(late).toEqual({ ok: false, reason: "expired", message: VERIFY_MESSAGES.expired });
    } finally {
      vi.useRealTimers();
    }
    expect((await database.db.user.findUniqueOrThrow({ where: { email } })).emailVerified).toBe(false);
  });

  it("answers an address that has an account as any other, and mails its owner instead", async () => {
    const email = "taken@example.test";
    await createUser(database.db, {
      email,
      role: "editor",
      name: "Taken Owner",
      password: "the owner's password",
    });
    const result = await signUpWithPassword(
      { name: "Someone Else", email, password: "someone else's passphrase", headers: headers() },
      auth,
    );
    expect(result).toEqual({ ok: true, email });
    const mail = await mailTo(email, /already have a dispatch account/i);
    expect(mail.text).toContain("Hello Taken Owner,");
    expect(mail.links).toContain(`${READER_URL}/sign-in`);
    expect(await database.db.user.count({ where: { email } })).toBe(1);
    // The owner's account is as it was.
    const owner = await signInWithPassword(
      { email, password: "the owner's password", headers: headers() },
      auth,
    );
    expect(owner).toMatchObject({ ok: true, user: { role: "editor" } });
  });

  it("says what is wrong with a weak password, a bad address or a missing name, and creates nothing", async () => {
    const attempt = (input: { name?: string; email?: string; password: string }) =>
      signUpWithPassword(
        {
          name: input.name ?? "Weak Reader",
          email: input.email ?? "weak@example.test",
          password: input.password,
          headers: headers(),
        },
        auth,
      );
    expect(await attempt({ password: "short" })).toEqual({
      ok: false,
      reason: "password",
      message: "The password is 5 characters; use at least 10.",
    });
    expect(await attempt({ password: "weak@example.test" })).toMatchObject({
      reason: "password",
      message: expect.stringMatching(/contains your email address/),
    });
    expect(await attempt({ password: "aaaaaaaaaaaa" })).toMatchObject({ reason: "password" });
    expect(await attempt({ email: "not an address", password: "a fine long passphrase" })).toMatchObject({
      reason: "email",
      message: expect.stringMatching(/not an email address/),
    });
    expect(await attempt({ name: "  ", password: "a fine long passphrase" })).toMatchObject({
      reason: "name",
    });
    expect(await database.db.user.count({ where: { email: "weak@example.test" } })).toBe(0);
  });
});

describe("resetting a forgotten password by mail", { timeout: 60_000 }, () => {
  it("mails a link that sets a new password once, ends old sessions, and is refused when reused or expired", async () => {
    const email = "forgetful@example.test";
    const { user } = await createUser(database.db, { email, role: "reader", password: "the old password" });
    const old = await signInWithPassword({ email, password: "the old password", headers: headers() }, auth);
    expect(old.ok).toBe(true);

    expect(await requestPasswordReset({ email: "Forgetful@example.test", headers: headers() }, auth)).toEqual(
      {
        ok: true,
        email,
      },
    );
    const mail = await mailTo(email, /reset your dispatch password/i);
    const token = tokenIn(mail, "/reset-password");
    expect(await checkResetToken(token, auth)).toBe("valid");
    // The token is stored hashed: the database does not hold the link.
    expect(await database.db.verification.count({ where: { identifier: { contains: token } } })).toBe(0);

    expect(await resetPasswordWithToken({ token, password: "forgetful@example.test" }, auth)).toMatchObject({
      ok: false,
      reason: "password",
    });
    expect(await resetPasswordWithToken({ token, password: "a brand new passphrase" }, auth)).toEqual({
      ok: true,
    });
    expect(await database.db.session.count({ where: { userId: user.id } })).toBe(0);
    expect(
      await signInWithPassword({ email, password: "the old password", headers: headers() }, auth),
    ).toMatchObject({
      ok: false,
      reason: "invalid",
    });
    expect(
      (await signInWithPassword({ email, password: "a brand new passphrase", headers: headers() }, auth)).ok,
    ).toBe(true);

    // Used once: refused, and the password stays the new one.
    expect(await checkResetToken(token, auth)).toBe("unknown");
    expect(await resetPasswordWithToken({ token, password: "a third passphrase here" }, auth)).toEqual({
      ok: false,
      reason: "unknown",
      message: RESET_MESSAGES.unknown,
    });

    // A second link, left past its hour.
    const before = lastMailId();
    await requestPasswordReset({ email, headers: headers() }, auth);
    const late = tokenIn(await mailTo(email, /reset your dispatch password/i, before), "/reset-password");
    await database.db.verification.updateMany({
      where: { value: user.id },
      data: { expiresAt: new Date(Date.now() - 60_000) },
    });
    expect(await resetPasswordWithToken({ token: late, password: "a third passphrase here" }, auth)).toEqual({
      ok: false,
      reason: "expired",
      message: RESET_MESSAGES.expired,
    });
  });

  it("answers an unknown address the same way and sends nothing", async () => {
    const before = lastMailId();
    expect(await requestPasswordReset({ email: "nobody@example.test", headers: headers() }, auth)).toEqual({
      ok: true,
      email: "nobody@example.test",
    });
    expect(
      catcher.messages().filter((mail) => mail.id > before && mail.to.includes("nobody@example.test")),
    ).toEqual([]);
    expect(await requestPasswordReset({ email: "no at sign", headers: headers() }, auth)).toMatchObject({
      ok: false,
    });
  });
});
