// Reads a served feed the way a feed reader would and fails when story text changed its
// structure: the XML must be well-formed (fast-xml-parser's validator, not our own writer),
// every entry must hold only the fields we write, each text field must be text (no
// element inside it), and the HTML we carry may hold only the tags we write.
import { DOMParser } from "@xmldom/xmldom";
import { XMLParser, XMLValidator } from "fast-xml-parser";

export type FeedKind = "rss" | "atom" | "json";

export type ReadEntry = {
  title: string;
  summary: string | null;
  /** HTML as a reader would render it (entities decoded once, by the XML parser). */
  html: string | null;
  categories: { term: string | null; label: string }[];
  links: string[];
};

export type ReadFeed = { title: string; links: string[]; entries: ReadEntry[] };

/** Hostile story text, and what a reader should see of it (written out by hand). */
export const HOSTILE_TEXTS: readonly { text: string; shown?: string }[] = [
  { text: "Harbour ]]> talks ]]> end" },
  { text: "]]><x>escaped</x><![CDATA[ ]]><y/>" },
  { text: "<img src=x onerror=alert(1)>" },
  { text: "<script>alert(1)</script>" },
  { text: "&lt;img src=x onerror=alert(1)&gt; written as entities" },
  { text: "&amp; &#60;b&#62; &#x3C;i&#x3E; numeric" },
  {
    text: "Bell\u0007 nul\u0000 esc\u001B vt\u000B ff\u000C del\u007F c1\u0085 \uFFFE\uFFFF lone\uD800 end",
    shown: "Bell nul esc vt ff del c1  lone end",
  },
  { text: '"double" and \'single\' " onmouseover="alert(1)' },
  { text: 'Tom & Jerry\'s <b>bold</b> "quote" & more' },
  { text: "<![CDATA[<script>alert(1)</script>]]>" },
  { text: '<?xml-stylesheet href="evil.xsl"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>&e;' },
  { text: '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>' },
  { text: '<a href="javascript:alert(1)">click</a>' },
  { text: "</title></item><item><title>forged" },
  { text: "--><!-- comment <!-- " },
  { text: "line\u2028separator\u2029paragraph \uD83D\uDEA2 ship" },
];

/** What a reader should see of a hostile text. */
export function shownText(hostile: { text: string; shown?: string }): string {
  return hostile.shown ?? hostile.text;
}

/** The tags and attributes our own HTML uses; anything else came from story text. */
const HTML_TAGS = new Set(["p", "a", "ul", "li", "h3", "em"]);
const HTML_ATTRIBUTES = new Set(["href", "title"]);

const RSS_CHANNEL = new Set([
  "title",
  "link",
  "description",
  "language",
  "copyright",
  "lastBuildDate",
  "generator",
  "docs",
  "atom:link",
  "item",
]);
const RSS_ITEM = new Set([
  "title",
  "link",
  "guid",
  "pubDate",
  "description",
  "content:encoded",
  "dc:creator",
  "category",
]);
const ATOM_FEED = new Set([
  "id",
  "title",
  "subtitle",
  "updated",
  "link",
  "rights",
  "generator",
  "author",
  "entry",
]);
const ATOM_ENTRY = new Set([
  "id",
  "title",
  "link",
  "updated",
  "published",
  "author",
  "category",
  "summary",
  "content",
]);
const JSON_FEED = new Set([
  "version",
  "title",
  "home_page_url",
  "feed_url",
  "description",
  "language",
  "authors",
  "items",
]);
const JSON_ITEM = new Set([
  "id",
  "url",
  "title",
  "content_html",
  "content_text",
  "summary",
  "date_published",
  "date_modified",
  "authors",
  "tags",
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  textNodeName: "#text",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: true,
  htmlEntities: true,
  isArray: (name) =>
    ["item", "entry", "link", "atom:link", "category", "dc:creator", "author"].includes(name),
});

class FeedShapeError extends Error {}

function fail(message: string): never {
  throw new FeedShapeError(message);
}

function onlyKeys(value: unknown, allowed: Set<string>, where: string): Record<string, unknown> {
  if (!value || typeof value !== "object") fail(`${where} is not an element`);
  for (const key of Object.keys(value)) {
    if (key.startsWith("@") || key === "#text") continue;
    if (!allowed.has(key)) fail(`${where} holds an unexpected <${key}>: story text escaped its field`);
  }
  return value as Record<string, unknown>;
}

/** An element that must hold text only: a string, or an object with attributes and text. */
function textOf(value: unknown, where: string): string {
  if (value === undefined) return "";
  if (typeof value === "string") return value;
  if (value && typeof value === "object" && !Array.isArray(value)) {
    const nested = Object.keys(value).filter((key) => !key.startsWith("@") && key !== "#text");
    if (nested.length > 0)
      fail(`${where} holds elements <${nested.join(">, <")}>: story text escaped its field`);
    const text = (value as Record<string, unknown>)["#text"];
    return typeof text === "string" ? text : "";
  }
  fail(`${where} appears more than once or is not text`);
}

function attribute(value: unknown, name: string): string | null {
  if (value && typeof value === "object") {
    const found = (value as Record<string, unknown>)[`@${name}`];
    return typeof found === "string" ? found : null;
  }
  return null;
}

/** Fails when HTML holds a tag or attribute we do not write (an injected element). */
export function checkOwnHtml(html: string, where: string): void {
  for (const match of html.matchAll(/<\/?\s*([^\s/>]+)([^>]*)>/g)) {
    const tag = (match[1] ?? "").toLowerCase();
    if (!HTML_TAGS.has(tag)) fail(`${where} carries a <${tag}> element from story text`);
    for (const attr of (match[2] ?? "").matchAll(/([^\s=]+)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/g)) {
      const name = (attr[1] ?? "").toLowerCase();
      if (!HTML_ATTRIBUTES.has(name)) fail(`${where} carries a ${name}= attribute from story text`);
      if (/^["']?\s*javascript:/i.test(attr[2] ?? "")) fail(`${where} carries a javascript: link`);
    }
  }
  if (/<!\[CDATA\[|<!--|<\?|<!DOCTYPE/i.test(html))
    fail(`${where} carries markup declarations from story text`);
}

/**
 * XML 1.0 well-formedness, from three sides since each parser is lenient somewhere:
 * fast-xml-parser's validator, xmldom's fatal errors (a `<` in an attribute), and the
 * character and `]]>` rules neither enforces.
 */
export function checkWellFormed(body: string): void {
  const valid = XMLValidator.validate(body);
  if (valid !== true) fail(`not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`);
  new DOMParser({
    onError: (level, message) => {
      if (level !== "warning") fail(`not well-formed XML: ${message}`);
    },
  }).parseFromString(body, "application/xml");
  const illegal = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u.exec(body);
  if (illegal)
    fail(
      `not well-formed XML: U+${illegal[0].charCodeAt(0).toString(16).padStart(4, "0")} is not allowed in XML 1.0`,
    );
  const outsideCdata = body.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, "");
  if (outsideCdata.includes("]]>")) fail("not well-formed XML: ]]> outside a CDATA section");
  if (/&(?!#\d+;|#x[0-9a-f]+;|[a-z][\w.-]*;)/i.test(outsideCdata)) fail("not well-formed XML: a bare &");
}

/** Parses a served feed; throws a FeedShapeError naming what escaped where. */
export function readFeed(kind: FeedKind, body: string): ReadFeed {
  if (kind === "json") return readJsonFeed(body);
  checkWellFormed(body);
  const document = parser.parse(body) as Record<string, unknown>;
  const roots = Object.keys(document).filter((key) => key !== "?xml");
  if (kind === "rss") {
    if (roots.join() !== "rss") fail(`root elements ${roots.join(", ")}; expected rss`);
    const rss = document.rss as Record<string, unknown>;
    const channel = onlyKeys(rss.channel, RSS_CHANNEL, "channel");
    const items = (channel.item as unknown[] | undefined) ?? [];
    return {
      title: textOf(channel.title, "channel title"),
      links: [
        textOf((channel.link as unknown[])[0], "channel link"),
        ...((channel["atom:link"] as unknown[] | undefined) ?? []).map(
          (link) => attribute(link, "href") ?? "",
        ),
      ],
      entries: items.map((raw, index) => {
        const item = onlyKeys(raw, RSS_ITEM, `item ${index + 1}`);
        const where = `item ${index + 1}`;
        const description =
          item.description === undefined ? null : textOf(item.description, `${where} description`);
        const html =
          item["content:encoded"] === undefined ? null : textOf(item["content:encoded"], `${where} content`);
        // RSS descriptions are HTML by convention: plain text must arrive escaped.
        if (description !== null) checkOwnHtml(description, `${where} description`);
        if (html !== null) checkOwnHtml(html, `${where} content`);
        return {
          title: textOf(item.title, `${where} title`),
          summary: description === null ? null : decodeHtml(description),
          html,
          categories: ((item.category as unknown[] | undefined) ?? []).map((category) => ({
            term: null,
            label: textOf(category, `${where} category`),
          })),
          links: [textOf((item.link as unknown[])[0], `${where} link`), textOf(item.guid, `${where} guid`)],
        };
      }),
    };
  }
  if (roots.join() !== "feed") fail(`root elements ${roots.join(", ")}; expected feed`);
  const feed = onlyKeys(document.feed, ATOM_FEED, "feed");
  const entries = (feed.entry as unknown[] | undefined) ?? [];
  return {
    title: textOf(feed.title, "feed title"),
    links: [
      textOf(feed.id, "feed id"),
      ...(feed.link as unknown[]).map((link) => attribute(link, "href") ?? ""),
    ],
    entries: entries.map((raw, index) => {
      const where = `entry ${index + 1}`;
      const entry = onlyKeys(raw, ATOM_ENTRY, where);
      for (const field of ["title", "summary"]) {
        if (entry[field] !== undefined && attribute(entry[field], "type") !== "text")
          fail(`${where} ${field} is not type="text"`);
      }
      const html = entry.content === undefined ? null : textOf(entry.content, `${where} content`);
      if (html !== null) checkOwnHtml(html, `${where} content`);
      return {
        title: textOf(entry.title, `${where} title`),
        summary: entry.summary === undefined ? null : textOf(entry.summary, `${where} summary`),
        html,
        categories: ((entry.category as unknown[] | undefined) ?? []).map((category) => ({
          term: attribute(category, "term"),
          label: attribute(category, "label") ?? "",
        })),
        links: [
          textOf(entry.id, `${where} id`),
          ...(entry.link as unknown[]).map((link) => attribute(link, "href") ?? ""),
        ],
      };
    }),
  };
}

function readJsonFeed(body: string): ReadFeed {
  const feed = onlyKeys(JSON.parse(body), JSON_FEED, "JSON feed");
  if (feed.version !== "https://jsonfeed.org/version/1.1")
    fail(`JSON Feed version is ${String(feed.version)}, not 1.1`);
  const items = feed.items as Record<string, unknown>[];
  return {
    title: String(feed.title),
    links: [feed.home_page_url, feed.feed_url].filter((link): link is string => typeof link === "string"),
    entries: items.map((raw, index) => {
      const item = onlyKeys(raw, JSON_ITEM, `item ${index + 1}`);
      const html = typeof item.content_html === "string" ? item.content_html : null;
      if (html !== null) checkOwnHtml(html, `item ${index + 1} content_html`);
      return {
        title: String(item.title),
        summary: typeof item.summary === "string" ? item.summary : null,
        html,
        categories: ((item.tags as string[] | undefined) ?? []).map((label) => ({ term: null, label })),
        links: [item.id, item.url].filter((link): link is string => typeof link === "string"),
      };
    }),
  };
}

/** Text of escaped HTML, as a browser would show it (only the escapes escapeHtml writes, and &amp;-style names). */
export function decodeHtml(html: string): string {
  const named: Record<string, string> = { lt: "<", gt: ">", quot: '"', amp: "&", apos: "'" };
  return html.replace(/&(#\d+|#x[0-9a-f]+|lt|gt|quot|amp|apos);/gi, (_, name: string) =>
    name.startsWith("#x") || name.startsWith("#X")
      ? String.fromCodePoint(Number.parseInt(name.slice(2), 16))
      : name.startsWith("#")
        ? String.fromCodePoint(Number(name.slice(1)))
        : (named[name.toLowerCase()] ?? ""),
  );
}
