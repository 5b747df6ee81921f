import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { hasChromium, launchBrowser, screenshotPath } from "@dispatch/ui/testing";
import { seriousViolations } from "./axe";

const readerUrl = inject("readerUrl");
const TOPIC = "saltmere-port-strike";

describe.skipIf(!hasChromium)("reader topic and story", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("sends readers of a merged topic's old address to the topic it was merged into", async () => {
    const response = await fetch(`${readerUrl}/topics/saltmere-dock-dispute`, { redirect: "manual" });
    expect(response.status).toBe(308);
    const page = await browser.newPage();
    await page.goto(`${readerUrl}/topics/saltmere-dock-dispute`);
    expect(new URL(page.url()).pathname).toBe(`/topics/${TOPIC}`);
    await expect(page.getByRole("heading", { level: 1 }).isVisible()).resolves.toBe(true);
    await page.close();
  });

  it("goes home → topic → citation → story, landing on the cited sentence, highlighted", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(readerUrl);
    await page.getByRole("link", { name: "Saltmere Port Strike", exact: true }).click();
    await page.waitForURL(`**/topics/${TOPIC}`);
    const headline = await page.getByRole("heading", { level: 1 }).innerText();
    expect(headline.length).toBeGreaterThan(10);

    // Points are grouped under storylines, each with citation markers and a source line.
    const points = page.locator("[data-point-id]");
    expect(await points.count()).toBeGreaterThan(5);
    const firstPoint = points.first();
    await expect(firstPoint.locator(".cite a").count()).resolves.toBeGreaterThan(0);
    await expect(firstPoint.locator(".sources-panel summary").innerText()).resolves.toMatch(
      /Reported by \d+ outlets|Single source/,
    );
    await expect(page.locator(".sources-panel__single").count()).resolves.toBeGreaterThan(0);
    for (const section of ["Timeline", "Quotes", "Sources", "People", "Places", "Versions"]) {
      await expect(page.getByRole("heading", { name: section, exact: true }).count()).resolves.toBe(1);
    }
    await expect(page.locator(".quote__speaker").count()).resolves.toBeGreaterThan(0);
    await expect(
      page.getByRole("img", { name: /Stories per (day|week) about Saltmere Port Strike/ }).count(),
    ).resolves.toBe(1);

    // A storyline's further points are fetched when "more points" is opened, with their panels.
    const more = page.locator("details.more-points").first();
    const shown = await points.count();
    const folded = Number(/^(\d+) more/.exec(await more.locator("summary").innerText())?.[1]);
    expect(folded).toBeGreaterThan(0);
    await page.getByRole("button", { name: /Keyboard shortcuts/ }).waitFor(); // hydrated
    await more.locator("summary").click();
    await more.locator(".points--more [data-point-id]").first().waitFor();
    await expect(points.count()).resolves.toBe(shown + folded);
    await expect(more.locator("[data-point-id] .sources-panel").count()).resolves.toBe(folded);
    // The numbered list of stories is fetched when its panel is opened.
    const references = page.locator("details.references-panel");
    await references.locator("summary").click();
    await expect(references.locator(".references li a").first().getAttribute("href")).resolves.toMatch(
      /^\/stories\/[^#]+$/,
    );

    // The inline panel shows the cited sentence itself.
    await firstPoint.locator(".sources-panel summary").click();
    const passage = (await firstPoint.locator(".passage mark").first().innerText()).trim();
    expect(passage.length).toBeGreaterThan(10);

    // The marker opens the story at that sentence: it is the :target and highlighted.
    const marker = firstPoint.locator(".sources-panel .passage__source a").first();
    const href = (await marker.getAttribute("href")) ?? "";
    expect(href).toMatch(/^\/stories\/[^#]+#s-\d+$/);
    await marker.click();
    await page.waitForURL(`**${href}`);
    // :target without JavaScript; once hydrated, the same sentence carries .is-cited.
    const target = page.locator(".sentence:target, .sentence.is-cited");
    await target.first().waitFor();
    await expect(target.count()).resolves.toBe(1);
    await expect(target.getAttribute("id")).resolves.toBe(href.split("#")[1]);
    expect((await target.innerText()).trim()).toBe(passage);
    const background = await target.evaluate((element) => getComputedStyle(element).backgroundColor);
    expect(background).not.toBe("rgba(0, 0, 0, 0)");
    await expect(target.isVisible()).resolves.toBe(true);
    // And the story page says which briefings cite it.
    await expect(
      page.getByRole("heading", { name: "Briefings citing this story" }).isVisible(),
    ).resolves.toBe(true);
    await expect(page.locator(".cited-by a").first().getAttribute("href")).resolves.toBe(`/topics/${TOPIC}`);
    await page.screenshot({ path: screenshotPath("reader-story"), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it("is accessible and legible in light and dark", async () => {
    for (const colorScheme of ["light", "dark"] as const) {
      const page = await browser.newPage({ colorScheme, viewport: { width: 1280, height: 900 } });
      await page.goto(`${readerUrl}/topics/${TOPIC}`);
      await page.screenshot({ path: screenshotPath(`reader-topic-${colorScheme}`), fullPage: true });
      expect(await seriousViolations(page)).toEqual([]);
      await page.close();
    }
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await phone.goto(`${readerUrl}/topics/${TOPIC}`);
    const overflow = await phone.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await phone.screenshot({ path: screenshotPath("reader-topic-phone") });
    await phone.close();
  });

  it("reads fully without JavaScript: points, citations and source passages", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const response = await page.goto(`${readerUrl}/topics/${TOPIC}`);
    expect(response?.status()).toBe(200);
    // The story page's cited sentence is highlighted by CSS :target alone.
    const story = await browser.newContext({ javaScriptEnabled: false }).then((other) => other.newPage());
    const href = (await page.locator("[data-point-id] .cite a").first().getAttribute("href")) ?? "";
    await story.goto(`${readerUrl}${href}`);
    await expect(story.locator(".sentence:target").getAttribute("id")).resolves.toBe(href.split("#")[1]);
    await story.context().close();
    expect(await page.locator("[data-point-id]").count()).toBeGreaterThan(5);
    expect(await page.locator("[data-point-id] .cite a[href*='#s-']").count()).toBeGreaterThan(5);
    // <details> opens without scripts; the passages are fetched by script, so without one the
    // panel links to the point's own page, which shows them.
    const panel = page.locator(".sources-panel").first();
    await panel.locator("summary").click();
    await panel.getByRole("link", { name: "Read the source passages" }).click();
    await page.waitForURL(`**/topics/${TOPIC}/points/*`);
    const passage = page.locator(".sources-panel .passage").first();
    await expect(passage.locator("mark").isVisible()).resolves.toBe(true);
    await expect(passage.locator(".passage__source a").getAttribute("href")).resolves.toMatch(
      /^\/stories\/[^#]+#s-\d+$/,
    );
    // A storyline's folded points are on its own page, and the numbered stories on the sources page.
    await page.goto(`${readerUrl}/topics/${TOPIC}`);
    const more = page.locator("details.more-points").first();
    const folded = Number(/^(\d+) more/.exec(await more.locator("summary").innerText())?.[1]);
    await more.locator("summary").click();
    await more.getByRole("link", { name: /on the storyline’s page/ }).click();
    await page.waitForURL(`**/topics/${TOPIC}/storylines/*`);
    expect(await page.locator("[data-point-id]").count()).toBeGreaterThan(folded);
    await page.goto(`${readerUrl}/topics/${TOPIC}`);
    const references = page.locator("details.references-panel");
    await references.locator("summary").click();
    await references.getByRole("link", { name: /Read the list of stor/ }).click();
    await page.waitForURL(`**/topics/${TOPIC}/sources`);
    expect(await page.locator(".references li a[href^='/stories/']").count()).toBeGreaterThan(1);
    await context.close();
  });

  it("moves between points with j and k, focuses search with / and lists shortcuts with ?", async () => {
    const page = await browser.newPage();
    await page.goto(`${readerUrl}/topics/${TOPIC}`);
    await page.getByRole("button", { name: /Keyboard shortcuts/ }).waitFor(); // hydrated
    const focusedPoint = () =>
      page.evaluate(() => document.activeElement?.getAttribute("data-point-id") ?? null);
    const ids = await page
      .locator("[data-point-id]")
      .evaluateAll((elements) => elements.map((element) => element.getAttribute("data-point-id")));
    await page.keyboard.press("j");
    expect(await focusedPoint()).toBe(ids[0]);
    await page.keyboard.press("j");
    await page.keyboard.press("j");
    expect(await focusedPoint()).toBe(ids[2]);
    await page.keyboard.press("k");
    expect(await focusedPoint()).toBe(ids[1]);
    await page.keyboard.press("?");
    await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" }).isVisible()).resolves.toBe(true);
    await page.keyboard.press("Escape");
    await page.keyboard.press("/");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("site-search");
    await page.close();
  });

  it("marks what is new since the last visit", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${readerUrl}/topics/${TOPIC}`);
    await page.getByRole("status").filter({ hasText: "First visit" }).waitFor();
    // Pretend the last visit saw only the first point.
    const firstId = await page.locator("[data-point-id]").first().getAttribute("data-point-id");
    await page.evaluate(
      ([slug, id]) =>
        localStorage.setItem(
          `dispatch:visit:${slug}`,
          JSON.stringify({ at: "2026-01-01T00:00:00Z", version: 0, pointIds: [id] }),
        ),
      [TOPIC, firstId],
    );
    await page.reload();
    const status = page.getByRole("status").filter({ hasText: "new since your last visit" });
    await status.waitFor();
    const total = await page.locator("[data-point-id]").count();
    await expect(page.locator("[data-new-since-visit]").count()).resolves.toBe(total - 1);
    await context.close();
  });

  it("lets shared caches keep what the topic page's panels fetch, and the public API's reads", async () => {
    const html = await (await fetch(`${readerUrl}/topics/${TOPIC}`)).text();
    const storyline = /href="(\/topics\/[^"]+\/storylines\/[^"#]+)"/.exec(html)?.[1];
    const point = /href="(\/topics\/[^"]+\/points\/[^"#]+)"/.exec(html)?.[1];
    expect(storyline && point).toBeTruthy();
    for (const path of [
      `/api${storyline}`,
      `/api${point}`,
      `/api/topics/${TOPIC}/sources`,
      "/api/v1/topics",
    ]) {
      const response = await fetch(`${readerUrl}${path}`);
      expect(response.status, path).toBe(200);
      expect(response.headers.get("cache-control"), path).toMatch(
        /^public, .*s-maxage=\d+.*stale-while-revalidate/,
      );
    }
    // A briefing rebuilt since the page was opened: the folded points say what to do, and are not cached.
    const gone = await fetch(`${readerUrl}/api/topics/${TOPIC}/storylines/no-such-storyline`);
    expect(gone.status).toBe(404);
    await expect(gone.json()).resolves.toMatchObject({
      error: expect.stringMatching(/reload the topic page/),
    });
    expect(gone.headers.get("cache-control") ?? "").not.toMatch(/public/);
  });

  it("answers 404 for a missing topic or story", async () => {
    const page = await browser.newPage();
    for (const path of ["/topics/no-such-topic", "/stories/no-such-story"]) {
      const response = await page.goto(`${readerUrl}${path}`);
      expect(response?.status()).toBe(404);
      await expect(
        page.getByRole("heading", { name: "We couldn’t find that page" }).isVisible(),
      ).resolves.toBe(true);
    }
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });
});
