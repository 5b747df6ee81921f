import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { hasChromium, launchBrowser } from "@dispatch/ui/testing";

const readerUrl = inject("readerUrl");
const TOPIC = "saltmere-port-strike";

/** Parses XML with the browser's own parser; returns the parse error, or counts of elements. */
async function parseXml(page: Page, xml: string, itemTag: string) {
  return page.evaluate(
    ([text, tag]) => {
      const doc = new DOMParser().parseFromString(text, "application/xml");
      const error = doc.querySelector("parsererror");
      return {
        error: error?.textContent ?? null,
        root: doc.documentElement.nodeName,
        items: doc.getElementsByTagName(tag).length,
        links: [...doc.getElementsByTagName(tag)].map(
          (item) =>
            item.getElementsByTagName("link")[0]?.textContent ??
            item.getElementsByTagName("link")[0]?.getAttribute("href") ??
            "",
        ),
        content: [...doc.getElementsByTagName(tag)].map(
          (item) =>
            (item.getElementsByTagName("content")[0] ?? item.getElementsByTagName("content:encoded")[0])
              ?.textContent ?? "",
        ),
      };
    },
    [xml, itemTag] as const,
  );
}

describe.skipIf(!hasChromium)("reader feeds, sitemap", () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage();
    await page.goto(`${readerUrl}/about`);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("serves a topic's briefing versions as valid RSS, Atom and JSON Feed, citations as story anchors", async () => {
    const rss = await fetch(`${readerUrl}/topics/${TOPIC}/feed.xml`);
    expect(rss.headers.get("content-type")).toContain("application/rss+xml");
    const rssDoc = await parseXml(page, await rss.text(), "item");
    expect(rssDoc.error).toBeNull();
    expect(rssDoc.root).toBe("rss");
    expect(rssDoc.items).toBeGreaterThan(0);
    expect(rssDoc.content.join("")).toMatch(/\/stories\/[^"#]+#s-\d+/);

    const atom = await fetch(`${readerUrl}/topics/${TOPIC}/feed.atom`);
    const atomDoc = await parseXml(page, await atom.text(), "entry");
    expect(atomDoc.error).toBeNull();
    expect(atomDoc.root).toBe("feed");
    expect(atomDoc.items).toBe(rssDoc.items);

    const json = (await (await fetch(`${readerUrl}/topics/${TOPIC}/feed.json`)).json()) as {
      version: string;
      title: string;
      items: { id: string; url: string; title: string; content_html: string; date_modified?: string }[];
    };
    expect(json.version).toMatch(/^https:\/\/jsonfeed\.org\/version\/1/);
    expect(json.title).toContain("Saltmere Port Strike");
    expect(json.items.length).toBe(rssDoc.items);
    for (const item of json.items) {
      expect(item.id).toBeTruthy();
      expect(item.url).toMatch(new RegExp(`/topics/${TOPIC}$`));
      expect(item.title).toMatch(/\(version \d+\)$/);
      expect(item.content_html).toMatch(/#s-\d+/);
    }
    expect((await fetch(`${readerUrl}/topics/no-such-topic/feed.xml`)).status).toBe(404);
  });

  it("serves all stories as RSS, and a sitemap of topics and stories", async () => {
    const rssDoc = await parseXml(page, await (await fetch(`${readerUrl}/feed.xml`)).text(), "item");
    expect(rssDoc.error).toBeNull();
    expect(rssDoc.items).toBe(27);
    expect(rssDoc.links.every((link) => /\/stories\/[a-z0-9-]+$/.test(link))).toBe(true);

    const sitemap = await parseXml(page, await (await fetch(`${readerUrl}/sitemap.xml`)).text(), "url");
    expect(sitemap.error).toBeNull();
    expect(sitemap.items).toBe(2 + 4 + 27);
  });

  it("gives pages OpenGraph metadata", async () => {
    await page.goto(`${readerUrl}/topics/${TOPIC}`);
    const og = await page.evaluate(() =>
      Object.fromEntries(
        [...document.querySelectorAll("meta[property^='og:']")].map((meta) => [
          meta.getAttribute("property"),
          meta.getAttribute("content"),
        ]),
      ),
    );
    expect(og["og:type"]).toBe("article");
    expect(og["og:title"]).toBe(await page.getByRole("heading", { level: 1 }).innerText());
    expect(og["og:url"]).toMatch(new RegExp(`/topics/${TOPIC}$`));
    expect(og["og:description"]?.length).toBeGreaterThan(40);
  });
});
