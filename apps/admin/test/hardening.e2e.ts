// What an outside probe tried against the admin app: steering the sign-in redirect off-site
// (or into a 500), pages without security headers, forged cross-site mutations, and a
// production start without AUTH_SECRET.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { hasChromium, launchBrowser } from "@dispatch/ui/testing";
import { ADMIN, EDITOR } from "./accounts";
import { HOSTILE_NEXT_PATHS } from "./hostile-next-paths";
import { startWithoutSecret } from "./start-without-secret";

const adminUrl = inject("adminUrl");

async function sessionCookie(account: { email: string; password: string }): Promise<string> {
  const response = await fetch(`${adminUrl}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: adminUrl },
    body: JSON.stringify(account),
  });
  expect(response.status).toBe(200);
  return response.headers
    .getSetCookie()
    .map((line) => line.split(";")[0])
    .join("; ");
}

/** Runs `work` over `items`, `width` at a time. */
async function inBatches<T, R>(items: T[], width: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += width)
    results.push(...(await Promise.all(items.slice(start, start + width).map(work))));
  return results;
}

const leavesTheApp = (location: string) =>
  new URL(location, adminUrl).origin !== new URL(adminUrl).origin || /^\/[/\\]/.test(location);

describe.skipIf(!hasChromium)("admin hardening", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it(`never answers 500 or redirects off-site for any of ${HOSTILE_NEXT_PATHS.length} hostile next values`, async () => {
    const cookie = await sessionCookie(EDITOR);
    const problems = await inBatches(HOSTILE_NEXT_PATHS, 8, async (value) => {
      const query = `next=${encodeURIComponent(value)}`;
      // Signed in: the sign-in page sends the person on to `next` at once.
      const signedIn = await fetch(`${adminUrl}/sign-in?${query}`, {
        headers: { cookie },
        redirect: "manual",
      });
      const location = signedIn.headers.get("location") ?? "";
      if (signedIn.status >= 500) return `${JSON.stringify(value)} signed in → ${signedIn.status}`;
      if (signedIn.status < 300 || signedIn.status >= 400)
        return `${JSON.stringify(value)} signed in → ${signedIn.status}, no redirect`;
      if (leavesTheApp(location)) return `${JSON.stringify(value)} → Location ${location}`;
      // Signed out: the form carries `next` in a hidden field for the sign-in action.
      const signedOut = await fetch(`${adminUrl}/sign-in?${query}`, { redirect: "manual" });
      if (signedOut.status !== 200) return `${JSON.stringify(value)} signed out → ${signedOut.status}`;
      const hidden = /name="next" value="([^"]*)"/
        .exec(await signedOut.text())?.[1]
        ?.replaceAll("&amp;", "&");
      if (hidden === undefined || leavesTheApp(hidden))
        return `${JSON.stringify(value)} → form next ${hidden}`;
      return null;
    });
    expect(problems.filter((problem) => problem !== null)).toEqual([]);
  });

  it("keeps the sign-in action on this app even when the form's next field is tampered with", async () => {
    const tampered = [
      "//evil.example",
      "/\\evil.example",
      "/\t/evil.example",
      "https://evil.example/",
      "/.//evil.example",
      "/\u2028/x",
    ];
    for (const value of tampered) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${adminUrl}/sign-in?next=/stories`);
      await page
        .locator('input[name="next"]')
        .evaluate((input, next) => ((input as HTMLInputElement).value = next), value);
      await page.getByLabel("Email").fill(ADMIN.email);
      await page.getByLabel("Password").fill(ADMIN.password);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL((url) => url.pathname !== "/sign-in");
      expect(new URL(page.url()).origin, JSON.stringify(value)).toBe(new URL(adminUrl).origin);
      await context.close();
    }
  });

  it("sends a nonce Content-Security-Policy and the other security headers, and Next's scripts carry the nonce", async () => {
    const cookie = await sessionCookie(ADMIN);
    const nonces = new Set<string>();
    for (const [path, headers] of [
      ["/sign-in", {}],
      ["/", { cookie }],
      ["/stories", { cookie }],
      ["/topics", { cookie }],
    ] as const) {
      const response = await fetch(`${adminUrl}${path}`, { headers, redirect: "manual" });
      expect(response.status, path).toBe(200);
      const policy = response.headers.get("content-security-policy") ?? "";
      const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
      expect(nonce, `${path} CSP: ${policy}`).toBeDefined();
      nonces.add(nonce ?? "");
      expect(policy).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
      expect(policy).toContain("frame-ancestors 'none'");
      expect(policy).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("x-frame-options")).toBe("DENY");
      expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
      const scripts = (await response.text()).match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length).toBeGreaterThan(0);
      expect(
        scripts.filter((tag) => !tag.includes(`nonce="${nonce}"`)),
        path,
      ).toEqual([]);
    }
    expect(nonces.size).toBe(4);
    const api = await fetch(`${adminUrl}/api/trpc/topic.list`);
    expect(api.headers.get("x-content-type-options")).toBe("nosniff");
    expect(api.headers.get("x-frame-options")).toBe("DENY");
  });

  it("hydrates under the policy and blocks script smuggled into the page", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content.Security.Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.goto(`${adminUrl}/sign-in`);
    await page.getByLabel("Email").fill(EDITOR.email);
    await page.getByLabel("Password").fill("not the password at all");
    await page.getByRole("button", { name: "Sign in" }).click();
    // The error arrives through the hydrated form's action state, without a page load.
    await expect(page.locator("#sign-in-error").innerText()).resolves.toMatch(/don't match an account/);
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

  it("refuses a cross-site mutation that carries an admin's session, and still takes the app's own", async () => {
    const cookie = await sessionCookie(ADMIN);
    const create = (headers: Record<string, string>, name: string) =>
      fetch(`${adminUrl}/api/trpc/topic.create`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie, ...headers },
        body: JSON.stringify({ json: { name } }),
      });
    const forged = await create(
      { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
      "Forged by another site",
    );
    expect(forged.status).toBe(403);
    expect(((await forged.json()) as { error: { json: { message: string } } }).error.json.message).toMatch(
      /another site.*refused/,
    );
    const list = (await (await fetch(`${adminUrl}/api/trpc/topic.list`, { headers: { cookie } })).json()) as {
      result: { data: { json: Array<{ name: string }> } };
    };
    expect(list.result.data.json.map((topic) => topic.name)).not.toContain("Forged by another site");
    const own = await create(
      { origin: adminUrl, "sec-fetch-site": "same-origin" },
      "Made from the admin itself",
    );
    expect(own.status).toBe(200);
    // Signing out from another site is refused too: a JSON request by its Origin (403), and a
    // form post, which a browser sends cross-site without a preflight, is refused as well.
    const signOut = (headers: Record<string, string>, body: string) =>
      fetch(`${adminUrl}/api/auth/sign-out`, {
        method: "POST",
        headers: { cookie, origin: "https://evil.example", ...headers },
        body,
      });
    expect((await signOut({ "content-type": "application/json" }, "{}")).status).toBe(403);
    const formPost = await signOut({ "content-type": "application/x-www-form-urlencoded" }, "a=1");
    expect([403, 415]).toContain(formPost.status);
    const session = await fetch(`${adminUrl}/api/auth/get-session`, { headers: { cookie } });
    expect(((await session.json()) as { user?: { email: string } } | null)?.user?.email).toBe(ADMIN.email);
  });

  it("refuses to start in production without AUTH_SECRET, naming the variable", async () => {
    const result = await startWithoutSecret("admin");
    expect(result.answered, result.output).toBeNull();
    expect(result.exitCode).not.toBe(0);
    expect(result.output).toMatch(/AUTH_SECRET is not set/);
    const short = await startWithoutSecret("admin", { AUTH_SECRET: "too-short" });
    expect(short.answered, short.output).toBeNull();
    expect(short.output).toMatch(/AUTH_SECRET: must be at least 32 characters/);
  });
});
