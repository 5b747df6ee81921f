import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { rebuildBriefing } from "@dispatch/api";
import { createTestDatabase, type TestDatabase } from "@dispatch/db/testing";
import { hasChromium, launchBrowser, startBuiltApp, type RunningApp } from "@dispatch/ui/testing";
import { HOSTILE_TEXTS, readFeed, shownText, type FeedKind } from "./feed-checks";

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
    expect(json.version).toBe("https://jsonfeed.org/version/1.1");
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

/** A GET with a Host header of our choosing (fetch will not send one). */
function getWithHost(url: string, host: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      url,
      { headers: { host, "x-forwarded-host": host, "x-forwarded-proto": "https" } },
      (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (body += chunk));
        response.on("end", () => resolve(body));
      },
    );
    request.on("error", reject);
    request.end();
  });
}

// PostgreSQL text cannot hold NUL, and a lone surrogate cannot be encoded as UTF-8: those
// never reach a feed from the database (the unit tests feed them to the writers directly).
const storable = (text: string) =>
  text
    .replace(/\u0000/g, "")
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "");

describe.skipIf(!hasChromium)("feeds with hostile story and topic text, behind another host", () => {
  const SITE = "https://news.example.test";
  let database: TestDatabase;
  let app: RunningApp;

  beforeAll(async () => {
    database = await createTestDatabase();
    const db = database.db;
    for (const [index, hostile] of HOSTILE_TEXTS.entries()) {
      const text = storable(hostile.text);
      const topic = await db.topic.create({ data: { slug: `hostile-${index}`, name: text } });
      const source = await db.source.create({ data: { name: `${text} ${index}` } });
      const body =
        `The harbour board met on Monday to discuss ${text} for the ferry timetable.\n` +
        `Board chair Nadia Oyelaran said the ${text} proposal would be published next week.`;
      const story = await db.story.create({
        data: {
          slug: `hostile-story-${index}`,
          title: text,
          dek: text,
          body,
          original: body,
          originalFormat: "text",
          byline: [text],
          contentHash: `hostile-feed-${index}`,
          sourceId: source.id,
          publishedAt: new Date(Date.UTC(2026, 10, 1, index)),
        },
      });
      await db.storyTopic.create({ data: { storyId: story.id, topicId: topic.id, origin: "manual" } });
      await rebuildBriefing(db, topic.slug);
    }
    app = await startBuiltApp("reader", {
      DATABASE_URL: database.url,
      AUTH_SECRET: "feeds-e2e-secret-0123456789abcdef0123456789ab",
      DISPATCH_READER_URL: SITE,
    });
  });
  afterAll(async () => {
    await app?.stop();
    await database?.drop();
  });

  const FORMATS: [FeedKind, string][] = [
    ["rss", "feed.xml"],
    ["atom", "feed.atom"],
    ["json", "feed.json"],
  ];

  it.each(
    HOSTILE_TEXTS.map(
      (hostile, index) => [index, JSON.stringify(hostile.text).slice(0, 50), hostile] as const,
    ),
  )(
    "topic %i (%s): every format parses, each field holds its text, links use the site address",
    async (index, _label, hostile) => {
      const shown = shownText(hostile);
      const titles: string[] = [];
      for (const [kind, file] of FORMATS) {
        const body = await getWithHost(`${app.url}/topics/hostile-${index}/${file}`, "attacker.example");
        const feed = readFeed(kind, body);
        expect(feed.title).toBe(`${shown} — Dispatch briefing`);
        expect(feed.entries).toHaveLength(1);
        const [entry] = feed.entries;
        // The engine writes the headline (it may shorten the title); every format must
        // carry the same text, ending where we end it.
        expect(entry?.title).toMatch(/ \(version 1\)$/);
        titles.push(entry?.title ?? "");
        if (kind !== "json") expect(entry?.categories.map((category) => category.label)).toEqual([shown]);
        if (kind === "atom") expect(entry?.categories[0]?.term).toBe(`hostile-${index}`);
        for (const link of [...feed.links, ...(entry?.links ?? [])])
          expect(link.startsWith(`${SITE}/`)).toBe(true);
        expect(body).not.toContain("attacker.example");
        expect(body).not.toMatch(/127\.0\.0\.1|localhost/);
      }
      expect(new Set(titles).size).toBe(1);
    },
  );

  it("the all-stories feed carries every hostile title as text, with links from the site address", async () => {
    const body = await getWithHost(`${app.url}/feed.xml`, "attacker.example");
    const feed = readFeed("rss", body);
    expect(feed.entries.map((entry) => entry.title).sort()).toEqual(HOSTILE_TEXTS.map(shownText).sort());
    for (const entry of feed.entries) {
      expect(entry.summary).toBe(entry.title);
      for (const link of entry.links) expect(link.startsWith(`${SITE}/stories/`)).toBe(true);
    }
    expect(body).not.toContain("attacker.example");
  });
});
