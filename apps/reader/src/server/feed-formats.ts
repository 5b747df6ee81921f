// Writes one feed as RSS 2.0, Atom 1.0 or JSON Feed 1.1. XML is built as a DOM tree and
// serialized by @xmldom/xmldom, which escapes every `&`, `<` and `>` in text and attributes,
// so story text can never change a feed's structure (no CDATA sections to break out of);
// characters XML 1.0 forbids are removed first. (xmlbuilder2 was tried: it leaves an `&`
// that starts an entity alone, so a title written as `&lt;img …&gt;` became live markup.)
// Text fields are plain text everywhere; `contentHtml` is HTML we wrote, with every story
// text in it escaped (see escapeHtml).
import { DOMImplementation, XMLSerializer, type Document, type Element } from "@xmldom/xmldom";

export type FeedFormat = "rss" | "atom" | "json";

export type FeedMeta = {
  /** Absolute URL identifying the feed (its home page). */
  id: string;
  title: string;
  description: string;
  /** The page the feed is about. */
  homeUrl: string;
  /** Where this feed is served in each format. */
  feedUrls: Partial<Record<FeedFormat, string>>;
  updated: Date;
  copyright: string;
};

export type FeedEntry = {
  id: string;
  title: string;
  url: string;
  /** Last change; also the publication date when `published` is absent. */
  updated: Date;
  published?: Date;
  /** Plain text. */
  summary?: string;
  /** HTML with every piece of story text escaped. */
  contentHtml?: string;
  authors?: string[];
  categories?: { term: string; label: string }[];
};

export const FEED_CONTENT_TYPES: Record<FeedFormat, string> = {
  rss: "application/rss+xml; charset=utf-8",
  atom: "application/atom+xml; charset=utf-8",
  json: "application/feed+json; charset=utf-8",
};

export const JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1";

// C0 controls other than tab, line feed and carriage return are not allowed in XML 1.0,
// nor are U+FFFE/U+FFFF or unpaired surrogates; C1 controls are allowed but "discouraged".
const NOT_XML_TEXT =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The text with the characters a feed cannot carry removed. */
export function cleanText(text: string): string {
  return text.replace(NOT_XML_TEXT, "");
}

/** Text made safe to put inside HTML we write (element content or a quoted attribute). */
export function escapeHtml(text: string): string {
  return cleanText(text).replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

const ATOM_NS = "http://www.w3.org/2005/Atom";
const CONTENT_NS = "http://purl.org/rss/1.0/modules/content/";
const DC_NS = "http://purl.org/dc/elements/1.1/";

/** Adds a child element with attributes and (cleaned) text; returns it. */
function add(parent: Element, name: string, attributes: Record<string, string> = {}, text?: string): Element {
  const document = parent.ownerDocument as Document;
  const prefix = name.includes(":") ? name.split(":")[0] : undefined;
  const namespace =
    prefix === "atom"
      ? ATOM_NS
      : prefix === "content"
        ? CONTENT_NS
        : prefix === "dc"
          ? DC_NS
          : parent.namespaceURI;
  const element = document.createElementNS(namespace, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, cleanText(value));
  if (text !== undefined) element.appendChild(document.createTextNode(cleanText(text)));
  parent.appendChild(element);
  return element;
}

function serialize(document: Document): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${new XMLSerializer().serializeToString(document)}\n`;
}

export function renderFeed(format: FeedFormat, meta: FeedMeta, entries: FeedEntry[]): string {
  if (format === "rss") return renderRss(meta, entries);
  if (format === "atom") return renderAtom(meta, entries);
  return renderJsonFeed(meta, entries);
}

/** RSS 2.0. Its description is HTML by convention, so plain text is escaped as HTML first. */
export function renderRss(meta: FeedMeta, entries: FeedEntry[]): string {
  const document = new DOMImplementation().createDocument(null, "rss");
  const root = document.documentElement as Element;
  root.setAttribute("version", "2.0");
  root.setAttribute("xmlns:atom", ATOM_NS);
  root.setAttribute("xmlns:content", CONTENT_NS);
  root.setAttribute("xmlns:dc", DC_NS);
  const channel = add(root, "channel");
  add(channel, "title", {}, meta.title);
  add(channel, "link", {}, meta.homeUrl);
  add(channel, "description", {}, meta.description);
  add(channel, "language", {}, "en");
  add(channel, "copyright", {}, meta.copyright);
  add(channel, "lastBuildDate", {}, meta.updated.toUTCString());
  add(channel, "generator", {}, "Dispatch");
  if (meta.feedUrls.rss)
    add(channel, "atom:link", { href: meta.feedUrls.rss, rel: "self", type: "application/rss+xml" });
  for (const entry of entries) {
    const item = add(channel, "item");
    add(item, "title", {}, entry.title);
    add(item, "link", {}, entry.url);
    add(item, "guid", { isPermaLink: "false" }, entry.id);
    add(item, "pubDate", {}, (entry.published ?? entry.updated).toUTCString());
    if (entry.summary) add(item, "description", {}, escapeHtml(entry.summary));
    if (entry.contentHtml) add(item, "content:encoded", {}, entry.contentHtml);
    // RSS's <author> must be an e-mail address; names go in Dublin Core's creator.
    for (const author of entry.authors ?? []) add(item, "dc:creator", {}, author);
    for (const category of entry.categories ?? []) add(item, "category", {}, category.label);
  }
  return serialize(document);
}

/** Atom 1.0: titles and summaries as type="text", content as escaped type="html". */
export function renderAtom(meta: FeedMeta, entries: FeedEntry[]): string {
  const document = new DOMImplementation().createDocument(ATOM_NS, "feed");
  const feed = document.documentElement as Element;
  feed.setAttribute("xml:lang", "en");
  add(feed, "id", {}, meta.id);
  add(feed, "title", { type: "text" }, meta.title);
  add(feed, "subtitle", { type: "text" }, meta.description);
  add(feed, "updated", {}, meta.updated.toISOString());
  add(feed, "link", { rel: "alternate", type: "text/html", href: meta.homeUrl });
  if (meta.feedUrls.atom)
    add(feed, "link", { rel: "self", type: "application/atom+xml", href: meta.feedUrls.atom });
  add(feed, "rights", { type: "text" }, meta.copyright);
  add(feed, "generator", {}, "Dispatch");
  // Atom requires an author for the feed or for every entry.
  add(add(feed, "author"), "name", {}, "Dispatch");
  for (const entry of entries) {
    const item = add(feed, "entry");
    add(item, "id", {}, entry.id);
    add(item, "title", { type: "text" }, entry.title);
    add(item, "link", { rel: "alternate", type: "text/html", href: entry.url });
    add(item, "updated", {}, entry.updated.toISOString());
    if (entry.published) add(item, "published", {}, entry.published.toISOString());
    for (const author of entry.authors ?? []) add(add(item, "author"), "name", {}, author);
    for (const category of entry.categories ?? [])
      add(item, "category", { term: category.term, label: category.label });
    if (entry.summary) add(item, "summary", { type: "text" }, entry.summary);
    if (entry.contentHtml) add(item, "content", { type: "html" }, entry.contentHtml);
  }
  return serialize(document);
}

/** JSON Feed 1.1 (https://jsonfeed.org/version/1.1). */
export function renderJsonFeed(meta: FeedMeta, entries: FeedEntry[]): string {
  const feed = {
    version: JSON_FEED_VERSION,
    title: cleanText(meta.title),
    home_page_url: meta.homeUrl,
    ...(meta.feedUrls.json ? { feed_url: meta.feedUrls.json } : {}),
    description: cleanText(meta.description),
    language: "en",
    authors: [{ name: "Dispatch" }],
    items: entries.map((entry) => ({
      id: entry.id,
      url: entry.url,
      title: cleanText(entry.title),
      ...(entry.contentHtml
        ? { content_html: cleanText(entry.contentHtml) }
        : { content_text: cleanText(entry.summary ?? entry.title) }),
      ...(entry.summary ? { summary: cleanText(entry.summary) } : {}),
      date_published: (entry.published ?? entry.updated).toISOString(),
      date_modified: entry.updated.toISOString(),
      ...(entry.authors?.length ? { authors: entry.authors.map((name) => ({ name: cleanText(name) })) } : {}),
      ...(entry.categories?.length
        ? { tags: entry.categories.map((category) => cleanText(category.label)) }
        : {}),
    })),
  };
  return JSON.stringify(feed, null, 2);
}
