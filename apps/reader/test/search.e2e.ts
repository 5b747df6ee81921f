import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { hasChromium, launchBrowser, screenshotPath } from "@dispatch/ui/testing";
import { seriousViolations } from "./axe";

const readerUrl = inject("readerUrl");

async function resultCount(page: Page): Promise<number> {
  const heading = await page.locator(".results-count").innerText();
  return Number(/^(\d+)/.exec(heading)?.[1] ?? Number.NaN);
}

describe.skipIf(!hasChromium)("reader search", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("searches from the header, and operators change the results", async () => {
    const page = await browser.newPage();
    await page.goto(readerUrl);
    await page.getByRole("searchbox", { name: "Search stories" }).fill("wage talks");
    await page.keyboard.press("Enter");
    await page.waitForURL("**/search?q=wage+talks");
    const words = await resultCount(page);
    expect(words).toBeGreaterThan(1);
    await expect(page.locator(".result mark").count()).resolves.toBeGreaterThan(0);

    // A quoted phrase narrows to stories with the exact phrase.
    await page.goto(`${readerUrl}/search?q=${encodeURIComponent('"wage talks"')}`);
    const phrase = await resultCount(page);
    expect(phrase).toBeGreaterThan(0);
    expect(phrase).toBeLessThan(words);

    // -exclude drops stories mentioning the word.
    await page.goto(`${readerUrl}/search?q=strike`);
    const strike = await resultCount(page);
    await page.goto(`${readerUrl}/search?q=${encodeURIComponent("strike -crane")}`);
    const excluded = await resultCount(page);
    expect(excluded).toBeGreaterThan(0);
    expect(excluded).toBeLessThan(strike);
    for (const snippet of await page.locator(".result").allInnerTexts())
      expect(snippet.toLowerCase()).not.toContain("crane ");
    await page.screenshot({ path: screenshotPath("reader-search"), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);

    // Clicking a result opens the story.
    await page.locator(".result__title a").first().click();
    await page.waitForURL("**/stories/**");
    await page.close();
  });

  it("filters by topic, helps with an empty query and explains bad input", async () => {
    const page = await browser.newPage();
    await page.goto(`${readerUrl}/search?q=port`);
    const all = await resultCount(page);
    await page.goto(`${readerUrl}/search?q=port&topic=vell-valley-flood`);
    const filtered = await page.locator(".result").count();
    expect(filtered).toBeLessThan(all);

    await page.goto(`${readerUrl}/search`);
    await expect(page.getByRole("heading", { name: "How to search" }).isVisible()).resolves.toBe(true);
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto(`${readerUrl}/search?q=port&from=2026-12-01&to=2026-01-01`);
    await expect(page.locator(".form-error[role=alert]").innerText()).resolves.toMatch(
      /“from” date is after the “to” date/,
    );
    await page.goto(`${readerUrl}/search?q=the`);
    await expect(page.getByText(/no searchable words/).isVisible()).resolves.toBe(true);
    await page.close();
  });
});
