// The mailer against the catcher: real SMTP on the loopback, parsed back by mailparser.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseMailEnv } from "./env";
import { createMailer } from "./mailer";
import { startMailCatcher, type MailCatcher } from "./mail-catcher";

let catcher: MailCatcher;
beforeAll(async () => {
  catcher = await startMailCatcher();
});
afterAll(async () => {
  await catcher?.stop();
});

describe("sending through SMTP_URL to the mail catcher", () => {
  it("delivers the text and HTML parts, headers and links, and shows them as JSON and a page", async () => {
    const mailer = createMailer(catcher.smtpUrl, "Dispatch <news@dispatch.test>");
    await mailer.send({
      to: "Reader@Example.test",
      subject: "Verify your address",
      text: "Open https://news.example.test/verify-email?token=abc.def to verify.\n",
      html: '<p>Open <a href="https://news.example.test/verify-email?token=abc.def">this link</a>.</p><script>alert(1)</script>',
      headers: { "List-Unsubscribe": "<https://news.example.test/unsubscribe?t=1>" },
    });
    mailer.close();
    const mail = await catcher.waitForMail((candidate) => candidate.to.includes("reader@example.test"));
    expect(mail.subject).toBe("Verify your address");
    expect(mail.from).toBe('"Dispatch" <news@dispatch.test>');
    expect(mail.links).toEqual(["https://news.example.test/verify-email?token=abc.def"]);
    expect(mail.html).toContain('href="https://news.example.test/verify-email?token=abc.def"');
    expect(mail.headers["list-unsubscribe"]).toBe("<https://news.example.test/unsubscribe?t=1>");

    const json = (await (await fetch(`${catcher.webUrl}/messages.json`)).json()) as { subject: string }[];
    expect(json.map((entry) => entry.subject)).toContain("Verify your address");
    const page = await (await fetch(catcher.webUrl)).text();
    expect(page).toContain("Verify your address");
    // The HTML part is served as sent, but sandboxed: its script cannot run.
    const html = await fetch(`${catcher.webUrl}/messages/${mail.id}.html`);
    expect(html.headers.get("content-security-policy")).toMatch(/^sandbox;/);
    expect(await html.text()).toContain("<script>");
  });

  it("accepts credentials in the URL, as a production SMTP_URL carries them", async () => {
    const withUser = catcher.smtpUrl.replace("smtp://", "smtp://dispatch:secret@");
    const mailer = createMailer(withUser, "news@dispatch.test");
    expect(mailer.describe).not.toContain("secret");
    await mailer.send({ to: "second@example.test", subject: "Second", text: "Hello." });
    mailer.close();
    const mail = await catcher.waitForMail((candidate) => candidate.subject === "Second");
    expect(mail.text.trim()).toBe("Hello.");
  });

  it("says which mail it caught instead when the expected one never comes", async () => {
    await expect(catcher.waitForMail((mail) => mail.subject === "Never sent", 300)).rejects.toThrow(
      /No matching mail .* it caught "Verify your address" to reader@example.test/,
    );
  });
});

describe("the mail environment", () => {
  it("takes smtp:// and smtps:// URLs and names what is wrong otherwise", () => {
    expect(parseMailEnv({ SMTP_URL: "smtps://u:p@mail.example.com:465" }).smtpUrl).toBe(
      "smtps://u:p@mail.example.com:465",
    );
    expect(parseMailEnv({}).smtpUrl).toBeUndefined();
    expect(() => parseMailEnv({ SMTP_URL: "http://mail.example.com" })).toThrow(
      /SMTP_URL: must be an SMTP URL/,
    );
    expect(() => parseMailEnv({ DISPATCH_MAIL_FROM: "nobody" })).toThrow(
      /DISPATCH_MAIL_FROM: must be an address/,
    );
  });
});
