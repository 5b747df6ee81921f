import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { hasChromium, launchBrowser, screenshotPath } from "@dispatch/ui/testing";
import { loadDemoData } from "@dispatch/db/demo";
import { seriousViolations } from "./axe";

const readerUrl = inject("readerUrl");

describe.skipIf(!hasChromium)("reader home", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("shows each demo topic's briefing with its sources, and the latest stories", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(readerUrl);
    const demo = loadDemoData();
    for (const topic of demo.topics) {
      await expect(page.getByRole("link", { name: topic.name, exact: true }).count()).resolves.toBe(1);
    }
    // Every topic card has a headline linking to its briefing and says how many sources it draws on.
    const cards = page.locator(".topic-card");
    await expect(cards.count()).resolves.toBe(demo.topics.length);
    for (const text of await cards.allInnerTexts())
      expect(text).toMatch(/Updated [\s\S]*\d+ stories · \d+ sources?/);
    await expect(page.getByRole("heading", { name: "Latest stories" }).isVisible()).resolves.toBe(true);
    await expect(page.locator(".story-list li").count()).resolves.toBeGreaterThan(5);
    await page.screenshot({ path: screenshotPath("reader-home"), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it("has an accessible, static About page", async () => {
    const page = await browser.newPage();
    const response = await page.goto(`${readerUrl}/about`);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 }).innerText()).resolves.toMatch(
      /How a Dispatch briefing is made/,
    );
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it("keeps followed topics in this browser and shows them first on the home page", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${readerUrl}/topics/vell-valley-flood`);
    const follow = page.getByRole("button", { name: "Follow topic" });
    await follow.click();
    await expect(page.getByRole("button", { name: "Following" }).getAttribute("aria-pressed")).resolves.toBe(
      "true",
    );
    await page.goto(readerUrl);
    const shelf = page.getByRole("region", { name: "Following" });
    await shelf.waitFor();
    await expect(shelf.getByRole("link").first().innerText()).resolves.toContain("Vell Valley Flood");
    await context.close();
  });
});
