// Every feed format, with hostile text in every field a story or topic fills, read back by
// a real XML parser: well-formed, the same entries and fields, the text shown as text.
import { describe, expect, it } from "vitest";
import { HOSTILE_TEXTS, checkOwnHtml, decodeHtml, readFeed, shownText } from "../../test/feed-checks";
import { escapeHtml, renderFeed, type FeedEntry, type FeedFormat, type FeedMeta } from "./feed-formats";

const FORMATS: FeedFormat[] = ["rss", "atom", "json"];
const SITE = "https://news.example.test";

function feedOf(hostile: string): { meta: FeedMeta; entries: FeedEntry[] } {
  const topicUrl = `${SITE}/topics/harbour-talks`;
  const entry = (n: number): FeedEntry => ({
    id: `${topicUrl}#version-${n}`,
    title: `${hostile} (version ${n})`,
    url: topicUrl,
    updated: new Date(Date.UTC(2026, 10, n)),
    summary: hostile,
    contentHtml: `<p>${escapeHtml(hostile)} <a href="${escapeHtml(`${SITE}/stories/a#s-${n}`)}" title="${escapeHtml(hostile)}">[${escapeHtml(hostile)} 1]</a></p><ul><li>${escapeHtml(hostile)}</li></ul>`,
    authors: [hostile],
    categories: [{ term: hostile, label: hostile }],
  });
  return {
    meta: {
      id: topicUrl,
      title: `${hostile} — Dispatch briefing`,
      description: `Updates on ${hostile}`,
      homeUrl: topicUrl,
      feedUrls: { rss: `${topicUrl}/feed.xml`, atom: `${topicUrl}/feed.atom`, json: `${topicUrl}/feed.json` },
      updated: new Date(Date.UTC(2026, 10, 2)),
      copyright: hostile,
    },
    entries: [entry(2), entry(1)],
  };
}

describe.each(FORMATS)("%s feed with hostile story and topic text", (format) => {
  it.each(HOSTILE_TEXTS.map((hostile) => [JSON.stringify(hostile.text).slice(0, 60), hostile] as const))(
    "keeps its structure for %s",
    (_label, hostile) => {
      const { meta, entries } = feedOf(hostile.text);
      const read = readFeed(format, renderFeed(format, meta, entries));
      const shown = shownText(hostile);

      expect(read.title).toBe(`${shown} — Dispatch briefing`);
      expect(read.entries).toHaveLength(2);
      for (const [index, entry] of read.entries.entries()) {
        expect(entry.title).toBe(`${shown} (version ${2 - index})`);
        expect(entry.summary).toBe(shown);
        expect(entry.categories.map((category) => category.label)).toEqual([shown]);
        if (format === "atom") expect(entry.categories[0]?.term).toBe(shown);
        // The HTML shows the text as text, inside the elements we wrote.
        expect(decodeHtml((entry.html ?? "").replace(/<[^>]*>/g, ""))).toContain(`${shown} [${shown} 1]`);
      }
    },
  );
});

describe("what the checks catch", () => {
  // The checks must fail on what the old feeds served, or they prove nothing.
  it("rejects a CDATA break-out, a type=html title and an unescaped attribute", () => {
    const broken = `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><link>x</link><item><title><![CDATA[a ]]]]><![CDATA[>]]><x/>]]></title></item></channel></rss>`;
    expect(() => readFeed("rss", broken)).toThrow(/unexpected <x>|escaped its field|well-formed/);
    const htmlTitle = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><id>i</id><title>t</title><link href="x"/><entry><id>e</id><link href="x"/><title type="html">&lt;img src=x onerror=alert(1)&gt;</title></entry></feed>`;
    expect(() => readFeed("atom", htmlTitle)).toThrow(/type="text"/);
    const attribute = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><id>i</id><title type="text">t</title><link href="x"/><entry><id>e</id><link href="x"/><category term="a<b"/></entry></feed>`;
    expect(() => readFeed("atom", attribute)).toThrow(/well-formed/);
    expect(() =>
      readFeed("json", JSON.stringify({ version: "https://jsonfeed.org/version/1", title: "t", items: [] })),
    ).toThrow(/1\.1/);
    expect(() => checkOwnHtml("<p>ok</p><img src=x onerror=alert(1)>", "content")).toThrow(/<img>/);
  });
});
