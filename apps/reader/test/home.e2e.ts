import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { hasChromium, launchBrowser, screenshotPath } from "@dispatch/ui/testing";
import { loadDemoData } from "@dispatch/db/demo";

const readerUrl = inject("readerUrl");

describe.skipIf(!hasChromium)("reader home", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("shows the demo topics and the latest stories", async () => {
    const page = await browser.newPage();
    await page.goto(readerUrl);
    const demo = loadDemoData();
    for (const topic of demo.topics) {
      await expect(page.getByRole("heading", { name: topic.name, exact: true }).count()).resolves.toBe(1);
    }
    await expect(page.getByRole("heading", { name: "Latest stories" }).isVisible()).resolves.toBe(true);
    await page.screenshot({ path: screenshotPath("reader-home"), fullPage: true });
    await page.close();
  });
});
