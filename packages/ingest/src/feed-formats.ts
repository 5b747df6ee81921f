// RSS 2.0 (and RSS 1.0/RDF) and Atom files: one story per item, full content when the feed
// carries it (content:encoded, Atom content), HTML cleaned to text through the sanitizer.

import { XMLParser } from "fast-xml-parser";
import { containsMarkup, convertHtmlToParagraphs, decodeEntities, describeActiveContent } from "./html-text";
import { limitItemCount } from "./item-limits";
import { splitParagraphs } from "./paragraph-splitting";
import { findOutletByName, findOutletByUrl } from "./known-outlets";
import { isRecord, readAuthors } from "./record-fields";
import { parseItemSafely } from "./item-guard";
import { assembleStory, reject, truncate } from "./story-assembly";
import type { DroppedText, ItemResult } from "./types";

const CONTENT_NODES = ["content:encoded", "description", "content", "summary"];

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  textNodeName: "#text",
  processEntities: true,
  htmlEntities: true,
  // Content stays raw so HTML (escaped, CDATA or inline XHTML) reaches the sanitizer intact.
  stopNodes: CONTENT_NODES.map((name) => `*.${name}`),
  isArray: (name) => ["item", "entry", "link", "author", "category", "dc:creator"].includes(name),
});

export function detectFeedKind(text: string): "rss" | "atom" | null {
  const head = text
    .slice(0, 2048)
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/<\?[\s\S]*?\?>/g, "")
    .replace(/<!DOCTYPE[^>]*>/gi, "");
  if (/^\s*<(?:rss|rdf:RDF)\b/i.test(head)) return "rss";
  if (/^\s*<feed\b/i.test(head)) return "atom";
  return null;
}

export function parseFeed(text: string, label: string, maxItems: number): ItemResult[] {
  let document: unknown;
  try {
    document = parser.parse(text, true);
  } catch (error) {
    const detail = error instanceof Error ? truncate(error.message.split("\n")[0] ?? "", 100) : "unreadable";
    return [
      reject(
        label,
        "INVALID_INPUT",
        `is not well-formed XML (${detail}). Export the feed again or fix the file.`,
      ),
    ];
  }
  if (!isRecord(document)) return [reject(label, "INVALID_INPUT", "is not an RSS or Atom feed.")];

  const rss = isRecord(document["rss"]) ? document["rss"]["channel"] : undefined;
  const rdf = document["rdf:RDF"];
  const atom = document["feed"];
  if (isRecord(atom)) return parseEntries(atom, asRecords(atom["entry"]), text, label, maxItems, "atom");
  if (isRecord(rss)) return parseEntries(rss, asRecords(rss["item"]), text, label, maxItems, "rss");
  if (isRecord(rdf))
    return parseEntries(
      isRecord(rdf["channel"]) ? rdf["channel"] : {},
      asRecords(rdf["item"]),
      text,
      label,
      maxItems,
      "rss",
    );
  return [
    reject(
      label,
      "UNSUPPORTED_TYPE",
      "is XML but not an RSS or Atom feed; upload text, Markdown, HTML, JSON, NDJSON, RSS/Atom or a bundle.",
    ),
  ];
}

function parseEntries(
  channel: Record<string, unknown>,
  entries: Record<string, unknown>[],
  text: string,
  label: string,
  maxItems: number,
  kind: "rss" | "atom",
): ItemResult[] {
  if (entries.length === 0)
    return [reject(label, "EMPTY", `the ${kind === "rss" ? "RSS" : "Atom"} feed has no items.`)];
  const channelLink = kind === "atom" ? readAtomLink(channel["link"]) : readRssLink(channel["link"]);
  const channelSource = readChannelSource(readText(channel["title"]), channelLink);
  const originals = sliceItemXml(text, kind, entries.length);

  const { kept, overflow } = limitItemCount(entries, maxItems, label);
  const results = kept.map((entry, index) => {
    const item = `${label}#${index + 1}`;
    return parseItemSafely(item, () => parseEntry(entry, index, item));
  });
  return overflow ? [...results, overflow] : results;

  function parseEntry(entry: Record<string, unknown>, index: number, item: string): ItemResult {
    const dropped: DroppedText[] = [];
    const full = readContent(entry["content:encoded"]) ?? readContent(entry["content"]);
    const summary = readContent(entry["description"]) ?? readContent(entry["summary"]);
    const paragraphs = toParagraphs(full ?? summary ?? "", dropped);
    const dekParagraphs = full && summary ? toParagraphs(summary, []) : [];
    const warnings = full
      ? []
      : summary
        ? ["the feed carries only a summary for this item, not the full article"]
        : [];

    const authors = readAuthors(entry["dc:creator"] ?? entry["author"]);
    const link =
      kind === "atom"
        ? readAtomLink(entry["link"])
        : (readRssLink(entry["link"]) ?? readPermalinkGuid(entry["guid"]));
    return assembleStory(
      {
        title: readText(entry["title"]),
        dek: dekParagraphs.length === 1 ? (dekParagraphs[0] ?? null) : null,
        paragraphs,
        byline: authors
          .map((name) => name.replace(/^\S+@\S+\s*\((.+)\)$/, "$1"))
          .filter((name) => !/^\S+@\S+$/.test(name)),
        findBylineInText: false,
        source: channelSource,
        url: link,
        date:
          readText(entry["pubDate"]) ??
          readText(entry["dc:date"]) ??
          readText(entry["published"]) ??
          readText(entry["updated"]),
        format: kind,
        original: originals?.[index] ?? JSON.stringify(entry, null, 2),
        warnings,
        dropped,
      },
      item,
    );
  }
}

/** "BBC News - World" → "BBC"; an unknown feed keeps its own title as the source. */
function readChannelSource(title: string | null, link: string | null): string | null {
  const segments = title ? title.split(/\s+[|:–—-]\s+/) : [];
  for (const segment of segments) {
    const outlet = findOutletByName(segment);
    if (outlet) return outlet;
  }
  const byLink = link ? findOutletByUrl(link) : null;
  if (byLink && findOutletByName(byLink)) return byLink;
  // Channel titles read "Outlet - Section"; the outlet comes first.
  return segments[0] ?? byLink;
}

/** Each item's XML exactly as uploaded, for `original`; null if the count does not line up. */
function sliceItemXml(text: string, kind: "rss" | "atom", expected: number): string[] | null {
  const pattern = kind === "atom" ? /<entry\b[\s\S]*?<\/entry>/g : /<item\b[\s\S]*?<\/item>/g;
  const slices = text.match(pattern) ?? [];
  return slices.length === expected ? slices : null;
}

/** Raw content of a stop node: CDATA unwrapped, escaped HTML decoded once, XHTML as is. */
function readContent(value: unknown): string | null {
  const raw = isRecord(value) ? value["#text"] : value;
  if (typeof raw !== "string" || raw.trim() === "") return null;
  const type = isRecord(value) ? value["@_type"] : undefined;
  if (type === "xhtml") return raw;
  let html = "";
  let last = 0;
  for (const match of raw.matchAll(/<!\[CDATA\[([\s\S]*?)\]\]>/g)) {
    html += decodeEntities(raw.slice(last, match.index)) + (match[1] ?? "");
    last = (match.index ?? 0) + match[0].length;
  }
  return (html + decodeEntities(raw.slice(last))).trim() || null;
}

function toParagraphs(content: string, dropped: DroppedText[]): string[] {
  if (!containsMarkup(content)) return splitParagraphs(content);
  const converted = convertHtmlToParagraphs(content);
  dropped.push(...converted.dropped, ...describeActiveContent(content));
  return converted.paragraphs;
}

function readText(value: unknown): string | null {
  const raw = isRecord(value) ? value["#text"] : value;
  if (typeof raw === "number") return String(raw);
  if (typeof raw !== "string" || raw.trim() === "") return null;
  const type = isRecord(value) ? value["@_type"] : undefined;
  // Atom titles may be type="html": the entity-decoded value can still hold tags.
  return type === "html" || containsMarkup(raw)
    ? convertHtmlToParagraphs(raw).paragraphs.join(" ")
    : raw.trim();
}

function readRssLink(value: unknown): string | null {
  const links = Array.isArray(value) ? value : [value];
  for (const link of links) {
    const text = readText(link);
    if (text && /^https?:\/\//.test(text)) return text;
  }
  return null;
}

function readAtomLink(value: unknown): string | null {
  const links = asRecords(value);
  const alternate =
    links.find((link) => link["@_rel"] === undefined || link["@_rel"] === "alternate") ?? links[0];
  const href = alternate?.["@_href"];
  return typeof href === "string" ? href : null;
}

function readPermalinkGuid(value: unknown): string | null {
  const text = readText(value);
  const isPermalink = !isRecord(value) || value["@_isPermaLink"] !== "false";
  return text && isPermalink && /^https?:\/\//.test(text) ? text : null;
}

function asRecords(value: unknown): Record<string, unknown>[] {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.filter(isRecord);
}
