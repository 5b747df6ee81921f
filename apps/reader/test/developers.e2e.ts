// A developer finds the public API from the footer, copies the page's curl examples, and
// runs the stand-alone example client against the built reader.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type { Browser } from "playwright-core";
import { hasChromium, launchBrowser, screenshotPath } from "@dispatch/ui/testing";
import { loadDemoData } from "@dispatch/db/demo";
import { seriousViolations } from "./axe";

const readerUrl = inject("readerUrl");

describe.skipIf(!hasChromium)("the developers page and the public API", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("is linked from the footer, lists every route of the served document, and its examples answer", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(readerUrl);
    await page.getByRole("link", { name: "Developers: API and feeds" }).click();
    await page.waitForURL(/\/developers$/);
    await expect(page.getByRole("heading", { level: 1 }).innerText()).resolves.toBe(
      "Dispatch for developers",
    );
    await page.screenshot({ path: screenshotPath("reader-developers"), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);

    // Every route in the served OpenAPI document is on the page, and nothing else is.
    const documentHref = await page.getByRole("link", { name: "/api/openapi.json" }).getAttribute("href");
    const served = (await (await fetch(new URL(documentHref ?? "", readerUrl))).json()) as {
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
    };
    expect(served.openapi).toBe("3.1.0");
    const documented = Object.entries(served.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const listed = (await page
      .locator("article section[aria-label]")
      .evaluateAll((nodes) => nodes.map((node) => node.getAttribute("aria-label")))) as string[];
    expect(listed.sort()).toEqual(documented.sort());

    // The "Try it" commands, run against this reader, answer JSON.
    const tryIt = await page.locator("pre").first().innerText();
    const urls = [...tryIt.matchAll(/curl "?(\S+?)"?$/gm)].map((match) => new URL(match[1] ?? ""));
    expect(urls).toHaveLength(3);
    for (const url of urls) {
      const response = await fetch(new URL(url.pathname + url.search, readerUrl));
      expect(response.status, url.href).toBe(200);
      expect(response.headers.get("access-control-allow-origin")).toBe("*");
      await expect(response.json()).resolves.not.toBeNull();
    }
    await page.close();
  });

  it("serves the stand-alone example client: topics, a briefing and a search", async () => {
    const client = fileURLToPath(new URL("../../../examples/reader-client/client.mjs", import.meta.url));
    const { stdout } = await promisify(execFile)(process.execPath, [client, "--site", readerUrl], {
      timeout: 30_000,
    });
    const demo = loadDemoData();
    expect(stdout).toContain(`topics at ${readerUrl}`);
    for (const topic of demo.topics) expect(stdout).toContain(topic.slug);
    expect(stdout).toMatch(/briefing version \d+/);
    expect(stdout).toMatch(/Search “.+”: [1-9]\d*\+? stories/);
  });
});
