// An editor opening a briefing sees first where the sources differ and which facts newer
// stories superseded, each side named with its story and sentence (demo flood topic).
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { hasChromium, launchBrowser, screenshotPath } from "@dispatch/ui/testing";
import { EDITOR } from "./accounts";
import { signIn } from "./session";

const adminUrl = inject("adminUrl");

describe.skipIf(!hasChromium)("briefing page: check first", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("lists the version's disagreements and superseded facts above the checks", async () => {
    const page = await signIn(browser, adminUrl, EDITOR, "/briefings/vell-valley-flood");
    const panel = page.locator("section", { has: page.getByRole("heading", { name: /^Check first/ }) });
    await expect(panel.getByRole("heading", { level: 2 }).innerText()).resolves.toBe(
      "Check first: sources differ (1) · superseded facts (1)",
    );
    const differ = panel.locator(".disagreement-list > li");
    await expect(differ.innerText()).resolves.toContain(
      "Coastline Radio says about 260 homes; Northern Wire says about 180 homes",
    );
    await expect(differ.getByRole("link").count()).resolves.toBe(2);
    await expect(differ.getByRole("link").first().innerText()).resolves.toMatch(
      /^“Millbrook levee gives way as River Vell hits record”, sentence \d+$/,
    );
    const superseded = panel.locator(".superseded-list > li");
    await expect(superseded.innerText()).resolves.toContain(
      "Three walk-in centres will open on Monday 16 November",
    );
    await expect(superseded.getByRole("link").innerText()).resolves.toMatch(
      /^“Flood grant centres open in three valley towns”, sentence 1$/,
    );
    // Before the engine's checks, so it is read first.
    const headings = await page.getByRole("heading", { level: 2 }).allInnerTexts();
    expect(headings.findIndex((h) => h.startsWith("Check first"))).toBeLessThan(
      headings.findIndex((h) => h.startsWith("Checks for")),
    );
    await panel.screenshot({ path: screenshotPath("admin-check-first") });
    await page.context().close();
  });
});
