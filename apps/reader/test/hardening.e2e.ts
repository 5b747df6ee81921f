// What an outside probe tried against the public reader: pages without security headers,
// editor and admin procedures answered by the public app, and a production start without
// AUTH_SECRET.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { appRouter, listProcedures } from "@dispatch/api";
import { hasChromium, launchBrowser } from "@dispatch/ui/testing";
import { startWithoutSecret } from "../../admin/test/start-without-secret";

const readerUrl = inject("readerUrl");

describe.skipIf(!hasChromium)("reader hardening", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("sends a nonce Content-Security-Policy and the other security headers on every page, and Next's scripts carry the nonce", async () => {
    const pages = ["/", "/about", "/search?q=flood", "/topics/vell-valley-flood"];
    const home = await (await fetch(readerUrl)).text();
    const story = /href="(\/stories\/[^"#?]+)"/.exec(home)?.[1];
    expect(story).toBeDefined();
    pages.push(story ?? "");
    const nonces = new Set<string>();
    for (const path of pages) {
      const response = await fetch(`${readerUrl}${path}`);
      expect(response.status, path).toBe(200);
      const policy = response.headers.get("content-security-policy") ?? "";
      const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
      expect(nonce, `${path} CSP: ${policy}`).toBeDefined();
      nonces.add(nonce ?? "");
      expect(policy).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
      expect(policy).toContain("frame-ancestors 'none'");
      expect(policy).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
      expect(response.headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(response.headers.get("x-frame-options"), path).toBe("DENY");
      expect(response.headers.get("referrer-policy"), path).toBe("strict-origin-when-cross-origin");
      const scripts = (await response.text()).match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length, path).toBeGreaterThan(0);
      expect(
        scripts.filter((tag) => !tag.includes(`nonce="${nonce}"`)),
        path,
      ).toEqual([]);
    }
    expect(nonces.size).toBe(pages.length);
    for (const path of [
      "/feed.xml",
      "/topics/vell-valley-flood/feed.atom",
      "/api/trpc/topic.list",
      "/sitemap.xml",
    ]) {
      const response = await fetch(`${readerUrl}${path}`);
      expect(response.status, path).toBe(200);
      expect(response.headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(response.headers.get("x-frame-options"), path).toBe("DENY");
    }
  });

  it("hydrates under the policy and blocks script smuggled into a page", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content.Security.Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.goto(`${readerUrl}/topics/vell-valley-flood`);
    // Following is a client component: it only answers once the page has hydrated.
    await page.getByRole("button", { name: "Follow topic" }).click();
    await expect(page.getByRole("button", { name: "Following" }).getAttribute("aria-pressed")).resolves.toBe(
      "true",
    );
    expect(violations).toEqual([]);
    const blocked = await page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          document.addEventListener("securitypolicyviolation", (event) => resolve(event.violatedDirective), {
            once: true,
          });
          const holder = document.createElement("div");
          holder.innerHTML = '<img src="/nonexistent.png" onerror="window.__pwned = true">';
          document.body.append(holder);
        }),
    );
    expect(blocked).toMatch(/^script-src/);
    expect(await page.evaluate(() => (window as { __pwned?: boolean }).__pwned ?? false)).toBe(false);
    await context.close();
  });

  it("does not answer editor or admin procedures at all, and still serves the public reads", async () => {
    // A signed-in reader's own procedures (follows) are the reader's; staff ones are not.
    const staffOnly = listProcedures(appRouter).filter(
      (procedure) => procedure.audience === "editor" || procedure.audience === "admin",
    );
    expect(staffOnly.length).toBeGreaterThan(10);
    const answered: string[] = [];
    for (const procedure of staffOnly) {
      const url = `${readerUrl}/api/trpc/${procedure.path}`;
      const response =
        procedure.type === "mutation"
          ? await fetch(url, {
              method: "POST",
              headers: { "content-type": "application/json", origin: readerUrl },
              body: "{}",
            })
          : await fetch(url);
      if (response.status !== 404) answered.push(`${procedure.path} → ${response.status}`);
    }
    expect(answered).toEqual([]);
    expect((await fetch(`${readerUrl}/api/trpc/topic.list`)).status).toBe(200);
    expect(
      (
        await fetch(
          `${readerUrl}/api/trpc/story.list?input=${encodeURIComponent(JSON.stringify({ json: {} }))}`,
        )
      ).status,
    ).toBe(200);
  });

  it("refuses to start in production without AUTH_SECRET, naming the variable", async () => {
    const result = await startWithoutSecret("reader");
    expect(result.answered, result.output).toBeNull();
    expect(result.exitCode).not.toBe(0);
    expect(result.output).toMatch(/AUTH_SECRET is not set/);
  });
});
