// Where the sources differ, and what has gone out of date, on the demo flood topic: two
// outlets count the homes flooded at Millbrook differently, and a later story reports the
// grant centres open that an earlier one said would open. Works without JavaScript (the
// passages then on the point's own page).
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { hasChromium, launchBrowser, screenshotPath } from "@dispatch/ui/testing";

const readerUrl = inject("readerUrl");
const TOPIC = "vell-valley-flood";

describe.skipIf(!hasChromium)("sources differ and updated facts", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("opens both outlets' passages side by side from the point's 'Sources differ' marker, without JavaScript", async () => {
    const context = await browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 1280, height: 900 },
    });
    const page = await context.newPage();
    await page.goto(`${readerUrl}/topics/${TOPIC}`);
    const marker = page.locator(".sources-differ").filter({ hasText: "about 260 homes" });
    // Without a script the points a storyline folds away are on the storyline's own page.
    const storylinePages = await page
      .locator("details.more-points a")
      .evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
    for (const href of storylinePages) {
      if ((await marker.count()) > 0) break;
      await page.goto(`${readerUrl}${href}`);
    }
    await expect(marker.count()).resolves.toBe(1);
    await expect(marker.locator("summary").innerText()).resolves.toContain(
      "Coastline Radio says about 260 homes; Northern Wire says about 180 homes",
    );
    await expect(marker.locator(".sources-differ__side").first().isVisible()).resolves.toBe(false);
    // Without a script to fetch the passages, the opened marker links to the point's own page.
    await marker.locator("summary").click();
    await marker.getByRole("link", { name: "Read both passages" }).click();
    await page.waitForURL(`**/topics/${TOPIC}/points/*`);
    const sides = page.locator(".sources-differ__side");
    await expect(sides.count()).resolves.toBe(2);
    const [left, right] = [await sides.nth(0).boundingBox(), await sides.nth(1).boundingBox()];
    // Side by side: one row, two columns.
    expect(left && right && Math.abs(left.y - right.y) < 5 && right.x > left.x + left.width - 1).toBe(true);
    await expect(sides.nth(0).locator("blockquote").innerText()).resolves.toContain(
      "The breach flooded about 260 homes",
    );
    await expect(sides.nth(1).locator("blockquote").innerText()).resolves.toContain(
      "Water flooded about 180 homes",
    );
    await expect(sides.nth(0).locator("mark").innerText()).resolves.toBe("about 260 homes");
    await page.locator(".sources-differ").screenshot({ path: screenshotPath("reader-sources-differ") });
    await context.close();
  });

  it("fetches both passages into the topic page when 'Sources differ' is opened with JavaScript", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${readerUrl}/topics/${TOPIC}`);
    await openMorePoints(page);
    const marker = page.locator(".sources-differ").filter({ hasText: "about 260 homes" });
    await marker.locator("summary").click();
    const sides = marker.locator(".sources-differ__side");
    await sides.nth(1).waitFor();
    await expect(sides.count()).resolves.toBe(2);
    await expect(sides.nth(0).locator("mark").innerText()).resolves.toBe("about 260 homes");
    await expect(sides.nth(1).locator("blockquote").innerText()).resolves.toContain(
      "Water flooded about 180 homes",
    );
    await page.close();
  });

  it("marks the newer fact 'Updated' with the older one a click away, and the older one superseded and no longer leading", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${readerUrl}/topics/${TOPIC}`);
    await openMorePoints(page);
    const newer = page.locator("[data-point-id]").filter({ has: page.locator(".updated-from") });
    await expect(newer.count()).resolves.toBe(1);
    await expect(newer.locator(".point__text").innerText()).resolves.toContain("opened on Monday");
    const updated = newer.locator(".updated-from");
    await expect(updated.locator(".updated-from__older").isVisible()).resolves.toBe(false);
    await updated.locator("summary").click();
    await expect(updated.locator(".updated-from__older").innerText()).resolves.toContain(
      "Earlier: Three walk-in centres will open on Monday 16 November",
    );

    const older = page.locator("[data-point-id]").filter({ has: page.locator(".badge--superseded") });
    await expect(older.count()).resolves.toBe(1);
    await expect(older.locator(".superseded-note").innerText()).resolves.toContain(
      "Coastline Radio (16 November 2026) reports",
    );
    // The superseded point comes after the point that replaced it in its storyline.
    const order = await page
      .locator("[data-point-id]")
      .evaluateAll((nodes) => nodes.map((n) => n.getAttribute("data-point-id")));
    const [newerId, olderId] = [
      await newer.getAttribute("data-point-id"),
      await older.getAttribute("data-point-id"),
    ];
    expect(order.indexOf(olderId)).toBeGreaterThan(order.indexOf(newerId));
    await newer.screenshot({ path: screenshotPath("reader-updated-point") });
    await page.close();
  });
});

// Points past the first few of a storyline sit in a closed "more points" <details>, fetched
// when it is opened.
async function openMorePoints(page: Page): Promise<void> {
  await page.getByRole("button", { name: /Keyboard shortcuts/ }).waitFor(); // hydrated
  const panels = page.locator("details.more-points");
  for (let index = 0, n = await panels.count(); index < n; index += 1) {
    await panels.nth(index).locator("summary").click();
    await panels.nth(index).locator(".points--more [data-point-id]").first().waitFor();
  }
}
