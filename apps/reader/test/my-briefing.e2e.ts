// A reader follows topics with an account and is told what is new, in Chromium against the
// built reader: sign up and verify by the mail the SMTP catcher received, follow two topics from
// their pages, see /me change after an upload and a rebuild, read the private feed with a feed
// parser (and see it stop once turned off), and get the digest mail — sent by the worker's own
// digest job — with the new points and a one-click unsubscribe that works. Its own stack: a
// fresh database, a mail catcher, the reader on a port known before it starts (mailed links).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import Parser from "rss-parser";
import { commitUpload, rebuildBriefing } from "@dispatch/api";
import { createTestDatabase, type TestDatabase } from "@dispatch/db/testing";
import { createMailer } from "@dispatch/mail";
import { startMailCatcher, type MailCatcher } from "@dispatch/mail/catcher";
import {
  findFreePort,
  hasChromium,
  launchBrowser,
  NO_CHROMIUM_REASON,
  screenshotPath,
  startBuiltApp,
  type RunningApp,
} from "@dispatch/ui/testing";
import { runDigestJob } from "@dispatch/worker";
import { seriousViolations } from "./axe";

const EMAIL = "ada.follower@example.test";
const PASSWORD = "ada's long passphrase";
const operator = { userId: null, via: "cli" as const };

let database: TestDatabase;
let catcher: MailCatcher;
let app: RunningApp;
let browser: Browser;
let readerUrl = "";

/** A Markdown story with front matter naming its topic, as an editor would upload it. */
function story(input: { topic: string; title: string; source: string; date: string; body: string }) {
  return {
    name: `${input.title.toLowerCase().replace(/\W+/g, "-")}.md`,
    bytes: [
      "---",
      `title: ${input.title}`,
      `source: ${input.source}`,
      `date: ${input.date}`,
      `topic: ${input.topic}`,
      "---",
      "",
      input.body,
    ].join("\n"),
  };
}

async function upload(files: ReturnType<typeof story>[]): Promise<void> {
  const result = await commitUpload(database.db, files, operator, {
    topicFromHint: true,
    createTopics: true,
  });
  expect(result.items.map((item) => item.status)).toEqual(files.map(() => "stored"));
}

beforeAll(async () => {
  if (!hasChromium) return;
  database = await createTestDatabase();
  // Our own stories: floods in the Sarn basin, and a bridge closing in Kell.
  await upload([
    story({
      topic: "Sarn floods",
      title: "Floods kill 61 in the Sarn basin",
      source: "Upland Gazette",
      date: "2026-11-23T09:00:00Z",
      body: "Floods in the Sarn basin killed 61 people on Monday, the basin governor said.\n\nBoat crews are searching hamlets along the river for survivors. The works ministry will meet relief charities on Friday to plan shelters.",
    }),
    story({
      topic: "Kell bridge",
      title: "Kell bridge closes for repairs",
      source: "Upland Gazette",
      date: "2026-11-22T09:00:00Z",
      body: "The Kell bridge closed on Tuesday for repairs to its piers, the county said.\n\nBuses will use the ferry road until spring, the county's transport office said.",
    }),
  ]);
  await rebuildBriefing(database.db, "sarn-floods");
  await rebuildBriefing(database.db, "kell-bridge");
  catcher = await startMailCatcher();
  const port = await findFreePort();
  readerUrl = `http://127.0.0.1:${port}`;
  app = await startBuiltApp(
    "reader",
    {
      DATABASE_URL: database.url,
      AUTH_SECRET: "my-briefing-e2e-secret-0123456789abcdef012345",
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

async function follow(page: Page, slug: string): Promise<void> {
  await page.goto(`${readerUrl}/topics/${slug}`);
  const button = page.locator(".briefing__kicker-row .follow-button");
  await expect(button.getAttribute("aria-pressed")).resolves.toBe("false");
  await button.click();
  await page.locator('.briefing__kicker-row .follow-button[aria-pressed="true"]:not([disabled])').waitFor();
  // Followed with the account: the page rendered again on the server says so before hydrating.
  await page.reload();
  await expect(button.textContent()).resolves.toBe("Following");
  // Nothing in the button's row moved while the page loaded and hydrated (Layout Instability API).
  await page.waitForLoadState("load");
  const shifted = await page.evaluate(
    () =>
      new Promise<string[]>((resolve) => {
        const moved: string[] = [];
        type Shift = PerformanceEntry & { sources?: { node?: Node | null }[] };
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as Shift[])
            for (const source of entry.sources ?? [])
              if (source.node instanceof Element && source.node.closest(".briefing__kicker-row"))
                moved.push(source.node.outerHTML.slice(0, 80));
        }).observe({ type: "layout-shift", buffered: true });
        requestAnimationFrame(() => requestAnimationFrame(() => resolve(moved)));
      }),
  );
  expect(shifted).toEqual([]);
}

const section = (page: Page, slug: string) => page.locator(`section[data-topic="${slug}"]`);

describe.skipIf(!hasChromium)(
  `my briefing and digest${hasChromium ? "" : ` (${NO_CHROMIUM_REASON})`}`,
  () => {
    it("signs up, follows two topics, sees /me change after an upload, reads the private feed and gets the digest", async () => {
      const context = await browser.newContext();
      const page = await context.newPage();

      // Signed out, /me sends the reader to sign in and back.
      await page.goto(`${readerUrl}/me`);
      await page.waitForURL(`${readerUrl}/sign-in?next=%2Fme`);

      // Sign up, and verify by the mail the SMTP server caught.
      await page.goto(`${readerUrl}/sign-up`);
      await page.getByLabel("Name", { exact: true }).fill("Ada Follower");
      await page.getByLabel("Email", { exact: true }).fill(EMAIL);
      await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
      await page.getByRole("button", { name: "Create account" }).click();
      await page.locator("#sign-up-done").waitFor();
      const verification = await catcher.waitForMail(
        (mail) => mail.to.includes(EMAIL) && /verify your email/i.test(mail.subject),
      );
      const verifyLink = verification.links.find((link) =>
        link.startsWith(`${readerUrl}/verify-email?token=`),
      );
      expect(verifyLink).toBeDefined();
      await page.goto(verifyLink ?? "");
      await page.getByRole("button", { name: "Verify my address" }).click();
      await page.waitForURL(`${readerUrl}/account?verified=1`);

      // Follow two topics from their pages, with the account.
      await follow(page, "sarn-floods");
      await page.screenshot({ path: screenshotPath("readers-topic-follow-signed-in") });
      await follow(page, "kell-bridge");
      // The home page's Following shelf is the account's, rendered with the page.
      await page.goto(`${readerUrl}/`);
      await expect(page.locator("section.following li").allTextContents()).resolves.toEqual([
        expect.stringContaining("Kell bridge"),
        expect.stringContaining("Sarn floods"),
      ]);

      // /me before anything new: both topics, nothing new since following.
      await page.goto(`${readerUrl}/me`);
      await expect(page.locator(".my-briefing .lede").textContent()).resolves.toBe(
        "Nothing new in the 2 topics you follow since your last visit.",
      );
      await expect(section(page, "sarn-floods").textContent()).resolves.toContain(
        "Nothing new since your last visit",
      );
      await page.screenshot({ path: screenshotPath("readers-me-before"), fullPage: true });

      // The digest, daily, and a private feed address, on /account.
      await page.goto(`${readerUrl}/account#digest`);
      await page.getByLabel("Daily", { exact: false }).check();
      await page.getByRole("button", { name: "Save digest setting" }).click();
      await page.getByText("You will get a daily digest").waitFor();
      await page.getByRole("button", { name: "Make my private feed address" }).click();
      const rssCode = page.locator(".private-feed code").first();
      await rssCode.waitFor();
      const rssUrl = (await rssCode.textContent()) ?? "";
      expect(rssUrl).toMatch(new RegExp(`^${readerUrl}/me/feed/[A-Za-z0-9_-]{32}\\.xml$`));
      await page.locator("#digest").screenshot({ path: screenshotPath("readers-account-digest") });
      expect(await seriousViolations(page)).toEqual([]);

      // An editor uploads two more stories; the worker's rebuild makes version 2.
      await upload([
        story({
          topic: "Sarn floods",
          title: "Sarn basin floods leave 86 dead",
          source: "Lowland Herald",
          date: "2026-11-23T11:00:00Z",
          body: "Floods in the Sarn basin killed 86 people on Monday, the basin governor said.\n\nBoat crews are searching hamlets along the river for survivors. Relief charities said roads into the basin remain cut off.",
        }),
        story({
          topic: "Sarn floods",
          title: "Ministry meets relief charities over Sarn floods",
          source: "Upland Gazette",
          date: "2026-11-27T18:00:00Z",
          body: "The works ministry met relief charities on Friday to plan shelters in the Sarn basin.\n\nOfficials agreed to open four more shelters.",
        }),
      ]);
      await rebuildBriefing(database.db, "sarn-floods");

      // /me now: the flood topic first, with its new points, a disagreement, each cited.
      await page.goto(`${readerUrl}/me`);
      await expect(page.locator(".my-briefing .lede").textContent()).resolves.toMatch(
        /^New since your last visit in 1 of the 2 topics you follow/,
      );
      await expect(page.locator("section[data-topic]").first().getAttribute("data-topic")).resolves.toBe(
        "sarn-floods",
      );
      const sarn = section(page, "sarn-floods");
      await expect(sarn.textContent()).resolves.toContain("Officials agreed to open four more shelters.");
      await expect(sarn.locator('[data-kind="disagreement"]').textContent()).resolves.toContain(
        "Lowland Herald says 86 people killed; Upland Gazette says 61 people killed",
      );
      const cites = await sarn
        .locator(".cite a")
        .evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
      expect(cites.length).toBeGreaterThan(2);
      for (const href of cites) expect(href).toMatch(/^\/stories\/[^#]+#s-\d+$/);
      await expect(section(page, "kell-bridge").textContent()).resolves.toContain("Nothing new");
      await page.screenshot({ path: screenshotPath("readers-me-after"), fullPage: true });
      expect(await seriousViolations(page)).toEqual([]);
      // A citation leads to the sentence it cites.
      await sarn.locator(".cite a").first().click();
      await page.waitForURL(/\/stories\/.+#s-\d+$/);

      // A reload keeps what was new (until something newer arrives).
      await page.goto(`${readerUrl}/me`);
      await expect(section(page, "sarn-floods").textContent()).resolves.toContain("four more shelters");

      // The private feed, read by a feed parser in each format.
      const parser = new Parser<Record<string, never>, { "content:encoded"?: string }>();
      const rss = await parser.parseURL(rssUrl);
      expect(rss.title).toBe("Ada Follower's Dispatch briefing");
      const newest = rss.items[0];
      expect(newest?.title).toMatch(/^Sarn floods: .*\(version 2\)$/);
      expect(newest?.["content:encoded"] ?? "").toContain("Officials agreed to open four more shelters.");
      expect(rss.items.map((item) => item.title?.split(":")[0]).sort()).toEqual([
        "Kell bridge",
        "Sarn floods",
        "Sarn floods",
      ]);
      const atom = await parser.parseURL(rssUrl.replace(/\.xml$/, ".atom"));
      expect(atom.items[0]?.title).toBe(newest?.title);
      const json = (await (await fetch(rssUrl.replace(/\.xml$/, ".json"))).json()) as {
        version: string;
        items: { title: string; content_html: string }[];
      };
      expect(json.version).toBe("https://jsonfeed.org/version/1.1");
      expect(json.items[0]?.content_html).toContain("four more shelters");

      // Turned off on /account: the old address answers 404, saying what to do.
      await page.goto(`${readerUrl}/account#digest`);
      await page.getByRole("button", { name: "Turn the private feed off" }).click();
      await page.getByRole("button", { name: "Make my private feed address" }).waitFor();
      const revoked = await fetch(rssUrl);
      expect(revoked.status).toBe(404);
      await expect(revoked.text()).resolves.toMatch(
        /does not work: it was turned off or replaced.*\/account/,
      );

      // The worker's digest job mails the new points, once.
      const mailer = createMailer(catcher.smtpUrl, "Dispatch <news@dispatch.test>");
      const line = await runDigestJob(database.db, { mailer, readerUrl });
      expect(line).toBe("1 due → 1 sent, 0 with nothing new");
      const digest = await catcher.waitForMail(
        (mail) => mail.to.includes(EMAIL) && /^What is new in Sarn floods/.test(mail.subject),
      );
      expect(digest.text).toContain("Officials agreed to open four more shelters.");
      expect(digest.text).not.toContain("Kell bridge");
      expect(digest.html).toContain("Lowland Herald says 86 people killed");
      expect(digest.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
      expect(await runDigestJob(database.db, { mailer, readerUrl })).toBe(
        "0 due → 0 sent, 0 with nothing new",
      );
      mailer.close();
      const mailPage = await context.newPage();
      await mailPage.setContent(digest.html ?? "");
      await mailPage.screenshot({ path: screenshotPath("readers-digest-mail"), fullPage: true });
      await mailPage.close();

      // One click from the mail client (RFC 8058): the digest is off.
      const oneClick = /^<(.+)>$/.exec(digest.headers["list-unsubscribe"] ?? "")?.[1] ?? "";
      const unsubscribed = await fetch(oneClick, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: "List-Unsubscribe=One-Click",
      });
      expect(unsubscribed.status).toBe(200);
      const digestOf = () =>
        database.db.readerDigest.findFirst({
          where: { user: { email: EMAIL } },
          select: { frequency: true },
        });
      await expect(digestOf()).resolves.toEqual({ frequency: "off" });
      // An unknown token is refused in words; opening the address (GET) only leads to the page
      // with the button, which turns the digest off once pressed.
      const token = oneClick.split("/").at(-1) ?? "";
      const bogus = await fetch(oneClick.replace(token, "A".repeat(32)), {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: "List-Unsubscribe=One-Click",
      });
      expect(bogus.status).toBe(404);
      await expect(bogus.text()).resolves.toMatch(/does not work.*account page/);
      const opened = await fetch(oneClick, { redirect: "manual" });
      expect(opened.status).toBe(303);
      expect(opened.headers.get("location")).toBe(`${readerUrl}/digest/unsubscribe/${token}`);
      await page.goto(`${readerUrl}/digest/unsubscribe/${token}`);
      await page.getByRole("button", { name: "Unsubscribe from the digest" }).click();
      await expect(page.locator(".form-note[role=status]").textContent()).resolves.toBe(
        `Unsubscribed: no more digest mails will be sent to ${EMAIL}. You can turn the digest back on from your account page.`,
      );
      await page.goto(`${readerUrl}/account`);
      await expect(page.getByLabel("Off", { exact: false }).isChecked()).resolves.toBe(true);
      await context.close();
    });

    it("follows in the browser when signed out, and offers those follows at sign-in", async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      // The account stops following Kell bridge (signed in, from /account).
      await page.goto(`${readerUrl}/sign-in`);
      await page.getByLabel("Email", { exact: true }).fill(EMAIL);
      await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL(`${readerUrl}/`);
      await page.goto(`${readerUrl}/account`);
      await page.getByRole("button", { name: "Stop following Kell bridge" }).click();
      await page.waitForFunction(
        () => !document.querySelector("#followed-topics")?.textContent?.includes("Kell"),
      );
      await page.getByRole("button", { name: "Sign out" }).first().click();
      await page.waitForURL(/\/sign-in\?signed-out=1$/);

      // Signed out, the topic page's button follows in this browser, as before accounts.
      await page.goto(`${readerUrl}/topics/kell-bridge`);
      const button = page.locator(".briefing__kicker-row .follow-button:not([aria-hidden])");
      await button.click();
      await expect(button.getAttribute("aria-pressed")).resolves.toBe("true");
      await expect(
        page.evaluate(() => window.localStorage.getItem("dispatch:following") ?? ""),
      ).resolves.toContain("kell-bridge");

      // Signing in offers that follow to the account, checked; the account then follows it.
      await page.goto(`${readerUrl}/sign-in?next=/account`);
      const offer = page.getByLabel(
        /Also follow with my account the topic this browser follows: Kell bridge/,
      );
      await expect(offer.isChecked()).resolves.toBe(true);
      await page.getByLabel("Email", { exact: true }).fill(EMAIL);
      await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL(`${readerUrl}/account`);
      await expect(page.locator("#followed-topics").textContent()).resolves.toContain("Kell bridge");
      await context.close();
    });
  },
);
