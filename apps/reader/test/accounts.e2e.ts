// A reader's account, in Chromium against the built reader: sign up, read the verification
// mail the SMTP catcher received, verify (once — the link opened again is refused), sign out,
// sign in (the `next` check keeps them on this site), reset the password by mail (the link
// works once), and see sign-up closed once an admin closes it. Its own stack: a fresh
// database, a mail catcher, and the reader on a port known before it starts, so the mailed
// links point at it (DISPATCH_READER_URL).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { createCaller, createInnerContext, createTopic } from "@dispatch/api";
import { createTestDatabase, type TestDatabase } from "@dispatch/db/testing";
import { startMailCatcher, type CaughtMail, type MailCatcher } from "@dispatch/mail/catcher";
import {
  findFreePort,
  hasChromium,
  launchBrowser,
  NO_CHROMIUM_REASON,
  screenshotPath,
  startBuiltApp,
  type RunningApp,
} from "@dispatch/ui/testing";

const EMAIL = "grace.reader@example.test";
const PASSWORD = "grace's long passphrase";
const NEW_PASSWORD = "a different long passphrase";

let database: TestDatabase;
let catcher: MailCatcher;
let app: RunningApp;
let browser: Browser;
let readerUrl = "";

beforeAll(async () => {
  if (!hasChromium) return;
  database = await createTestDatabase();
  await createTopic(database.db, { name: "Harbour talks" }, { userId: null, via: "cli" });
  catcher = await startMailCatcher();
  const port = await findFreePort();
  readerUrl = `http://127.0.0.1:${port}`;
  app = await startBuiltApp(
    "reader",
    {
      DATABASE_URL: database.url,
      AUTH_SECRET: "accounts-e2e-secret-0123456789abcdef0123456789",
      SMTP_URL: catcher.smtpUrl,
      DISPATCH_MAIL_FROM: "Dispatch <news@dispatch.test>",
      DISPATCH_READER_URL: readerUrl,
    },
    { port },
  );
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await catcher?.stop();
  await database?.drop();
});

const lastMailId = () => catcher.messages().at(-1)?.id ?? 0;
const mailTo = (subject: RegExp, after: number) =>
  catcher.waitForMail((mail) => mail.id > after && mail.to.includes(EMAIL) && subject.test(mail.subject));

function linkIn(mail: CaughtMail, path: string): string {
  const link = mail.links.find((candidate) => candidate.startsWith(`${readerUrl}${path}?token=`));
  if (!link) throw new Error(`no ${readerUrl}${path} link in "${mail.subject}": ${mail.links.join(", ")}`);
  return link;
}

async function submit(page: Page, fields: Record<string, string>, button: string) {
  for (const [label, value] of Object.entries(fields))
    await page.getByLabel(label, { exact: true }).fill(value);
  await page.getByRole("button", { name: button }).click();
}

const nav = (page: Page) => page.getByRole("navigation", { name: "Main" });
// The form's own alert (Next's route announcer is an alert too).
const formError = (page: Page) => page.locator(".form-error[role=alert]");

describe.skipIf(!hasChromium)(`reader accounts${hasChromium ? "" : ` (${NO_CHROMIUM_REASON})`}`, () => {
  it("signs up, verifies by mail once, signs out and in, and resets the password by mail once", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();

    // Sign up: a weak password is refused with the rule, then the mail is sent. This browser
    // followed a topic before (localStorage), to be offered for import once signed in.
    await page.goto(`${readerUrl}/sign-up`);
    await page.evaluate(() =>
      window.localStorage.setItem(
        "dispatch:following",
        JSON.stringify([
          { slug: "harbour-talks", name: "Harbour talks" },
          { slug: "gone-topic", name: "Gone topic" },
        ]),
      ),
    );
    await expect(nav(page).getByRole("link", { name: "Sign in" }).isVisible()).resolves.toBe(true);
    await page.screenshot({ path: screenshotPath("accounts-sign-up"), fullPage: true });
    await submit(page, { Name: "Grace Reader", Email: EMAIL, Password: "short" }, "Create account");
    await expect(formError(page).textContent()).resolves.toBe(
      "The password is 5 characters; use at least 10.",
    );
    const beforeSignUp = lastMailId();
    await submit(page, { Name: "Grace Reader", Password: PASSWORD }, "Create account");
    await page.locator("#sign-up-done").waitFor();
    await expect(page.locator("#sign-up-done").textContent()).resolves.toContain(
      `We have sent a message to ${EMAIL}`,
    );
    await page.screenshot({ path: screenshotPath("accounts-sign-up-sent"), fullPage: true });
    const verification = await mailTo(/verify your email/i, beforeSignUp);
    const verifyLink = linkIn(verification, "/verify-email");

    // Signing in before verifying: told so, and a fresh link is mailed.
    const beforeEarly = lastMailId();
    await page.goto(`${readerUrl}/sign-in`);
    await submit(page, { Email: EMAIL, Password: PASSWORD }, "Sign in");
    await formError(page).waitFor();
    await expect(formError(page).getAttribute("data-reason")).resolves.toBe("unverified");
    await expect(formError(page).textContent()).resolves.toMatch(/not verified yet/);
    await mailTo(/verify your email/i, beforeEarly);

    // The link from the first mail verifies and signs in.
    await page.goto(verifyLink);
    await page.screenshot({ path: screenshotPath("accounts-verify-email"), fullPage: true });
    await page.getByRole("button", { name: "Verify my address" }).click();
    await page.waitForURL(`${readerUrl}/account?verified=1`);
    await expect(page.getByRole("status").first().textContent()).resolves.toContain("verified");
    await expect(nav(page).getByRole("link", { name: "Grace Reader" }).isVisible()).resolves.toBe(true);
    await page.screenshot({ path: screenshotPath("accounts-verified"), fullPage: true });

    // The browser's follows are offered for import; the one that no longer exists is named.
    await page.getByRole("button", { name: "Add 2 topics to my account" }).click();
    await page.getByText("1 topic added to your account").waitFor();
    await expect(page.getByRole("status").last().textContent()).resolves.toMatch(
      /not found any more: gone-topic/,
    );
    await page.reload();
    await expect(page.locator("#followed-topics").textContent()).resolves.toContain("Harbour talks");

    // Sign out from the masthead.
    await nav(page).getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(`${readerUrl}/sign-in?signed-out=1`);
    await expect(nav(page).getByRole("link", { name: "Sign in" }).isVisible()).resolves.toBe(true);

    // The same verification link again: refused as used, and nobody is signed in by it.
    await page.goto(verifyLink);
    await page.getByRole("button", { name: "Verify my address" }).click();
    await formError(page).waitFor();
    await expect(formError(page).textContent()).resolves.toMatch(/already been used/);
    await expect(nav(page).getByRole("link", { name: "Sign in" }).isVisible()).resolves.toBe(true);

    // Sign in: a wrong password, then the right one, sent on to `next` — never off the site.
    await page.goto(`${readerUrl}/sign-in?next=${encodeURIComponent("/about")}`);
    await submit(page, { Email: EMAIL, Password: "not the password" }, "Sign in");
    await formError(page).waitFor();
    await expect(formError(page).getAttribute("data-reason")).resolves.toBe("invalid");
    await submit(page, { Password: PASSWORD }, "Sign in");
    await page.waitForURL(`${readerUrl}/about`);
    await expect(nav(page).getByRole("link", { name: "Grace Reader" }).isVisible()).resolves.toBe(true);
    // A page naming its reader is kept by nobody but that browser.
    const signedInPage = await page.request.get(`${readerUrl}/about`);
    expect(signedInPage.headers()["cache-control"]).toMatch(/^private\b.*\bno-store\b/);
    await nav(page).getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(`${readerUrl}/sign-in?signed-out=1`);
    await page.goto(`${readerUrl}/sign-in?next=${encodeURIComponent("//evil.example/steal")}`);
    await submit(page, { Email: EMAIL, Password: PASSWORD }, "Sign in");
    await page.waitForURL(`${readerUrl}/`);
    await nav(page).getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(`${readerUrl}/sign-in?signed-out=1`);

    // Forgot the password: a reset link by mail sets a new one.
    await page.getByRole("link", { name: "Forgot your password?" }).click();
    await page.waitForURL(`${readerUrl}/forgot-password`);
    const beforeReset = lastMailId();
    await submit(page, { Email: EMAIL }, "Mail me a link");
    await page.getByRole("status").waitFor();
    await expect(page.getByRole("status").textContent()).resolves.toContain(`If an account uses ${EMAIL}`);
    const resetLink = linkIn(await mailTo(/reset your dispatch password/i, beforeReset), "/reset-password");
    await page.goto(resetLink);
    await submit(page, { "New password": NEW_PASSWORD }, "Set new password");
    await page.waitForURL(`${readerUrl}/sign-in?reset=1`);
    await expect(page.getByRole("status").textContent()).resolves.toMatch(/password is changed/);
    await submit(page, { Email: EMAIL, Password: PASSWORD }, "Sign in");
    await formError(page).waitFor();
    await expect(formError(page).getAttribute("data-reason")).resolves.toBe("invalid");
    await submit(page, { Password: NEW_PASSWORD }, "Sign in");
    await page.waitForURL(`${readerUrl}/`);
    await expect(nav(page).getByRole("link", { name: "Grace Reader" }).isVisible()).resolves.toBe(true);

    // The reset link again: used up, with a way to a new one.
    await page.goto(resetLink);
    await expect(page.locator("#reset-refused").textContent()).resolves.toMatch(/already been used/);
    await page.screenshot({ path: screenshotPath("accounts-reset-link-used"), fullPage: true });
    await context.close();
  });

  it("says sign-up is closed once an admin closes it", async () => {
    const operator = createCaller(createInnerContext({ db: database.db, operator: true, via: "cli" }));
    await operator.setting.update({ readerSignUp: false });
    const page = await browser.newPage();
    await page.goto(`${readerUrl}/sign-up`);
    await expect(page.locator("#sign-up-closed").textContent()).resolves.toMatch(
      /Sign-up is closed on this site/,
    );
    await expect(page.getByRole("button", { name: "Create account" }).count()).resolves.toBe(0);
    await page.screenshot({ path: screenshotPath("accounts-sign-up-closed"), fullPage: true });
    await page.close();
    await operator.setting.update({ readerSignUp: true });
  });
});
