// JSON (an array, a wrapper object, a single story, or a JSON Feed) and NDJSON (one story per
// line). A bad item is rejected on its own, with its index or line number; the rest go through.

import { containsMarkup } from "./html-text";
import { parseItemSafely } from "./item-guard";
import { limitItemCount } from "./item-limits";
import { describeExcessiveDepth, exceedsJsonDepth } from "./json-depth";
import { splitParagraphs } from "./paragraph-splitting";
import { isRecord, readAuthors, readFirstString, readString } from "./record-fields";
import { assembleStory, reject, truncate } from "./story-assembly";
import type { Format, ItemResult } from "./types";

const BODY_KEYS = ["body", "text", "content", "content_text", "content_html", "articleBody", "description"];
const WRAPPER_KEYS = ["items", "stories", "articles", "entries", "data", "results"];

export function parseJsonDocument(text: string, label: string, maxItems: number): ItemResult[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return [
      reject(
        label,
        "INVALID_INPUT",
        `is not valid JSON (${describeJsonError(error)}). Fix the file, or upload one JSON object per line as NDJSON.`,
      ),
    ];
  }

  const wrapperKey = isRecord(value) ? WRAPPER_KEYS.find((key) => Array.isArray(value[key])) : undefined;
  const list = Array.isArray(value) ? value : isRecord(value) && wrapperKey ? value[wrapperKey] : null;
  if (!Array.isArray(list)) return [parseItemSafely(label, () => parseRecord(value, label, text, "json"))];

  const feedSource =
    isRecord(value) && typeof value["title"] === "string" && wrapperKey === "items" ? value["title"] : null;
  const { kept, overflow } = limitItemCount(list as unknown[], maxItems, label);
  // Each entry is checked and read on its own, so one broken entry rejects only itself.
  const results = kept.map((entry, index) => {
    const item = `${label}[${index}]`;
    return parseItemSafely(item, () =>
      parseRecord(entry, item, () => JSON.stringify(entry, null, 2), "json", feedSource),
    );
  });
  if (list.length === 0)
    results.push(reject(label, "EMPTY", "the JSON array is empty: there are no stories in it."));
  return overflow ? [...results, overflow] : results;
}

export function parseNdjson(text: string, label: string, maxItems: number): ItemResult[] {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const numbered = lines
    .map((line, index) => ({ line, number: index + 1 }))
    .filter(({ line }) => line.trim() !== "");
  if (numbered.length === 0) return [reject(label, "EMPTY", "the file has no lines with stories.")];

  const { kept, overflow } = limitItemCount(numbered, maxItems, label);
  const results = kept.map(({ line, number }) => {
    const item = `${label}:${number}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      return reject(
        item,
        "INVALID_INPUT",
        `line ${number} is not valid JSON (${describeJsonError(error)}); the other lines were still read. Fix this line and upload it again.`,
      );
    }
    return parseItemSafely(item, () => parseRecord(value, item, line, "ndjson"));
  });
  return overflow ? [...results, overflow] : results;
}

/** True when every non-empty line (of the first few) is a JSON object on its own. */
export function looksLikeNdjson(text: string): boolean {
  const lines = text
    .split(/\r?\n/)
    .filter((line) => line.trim() !== "")
    .slice(0, 5);
  if (lines.length < 2) return false;
  return lines.every((line) => {
    const trimmed = line.trim();
    if (!trimmed.startsWith("{") || !trimmed.endsWith("}")) return false;
    try {
      return isRecord(JSON.parse(trimmed));
    } catch {
      return false;
    }
  });
}

function parseRecord(
  value: unknown,
  item: string,
  original: string | (() => string),
  format: Format,
  feedSource: string | null = null,
): ItemResult {
  if (exceedsJsonDepth(value)) return reject(item, "INVALID_INPUT", describeExcessiveDepth());
  if (!isRecord(value)) {
    const kind = Array.isArray(value) ? "an array" : value === null ? "null" : `a ${typeof value}`;
    return reject(
      item,
      "INVALID_INPUT",
      `is ${kind}, not a story object; expected {"title", "body", "url", "source", "author", "publishedAt"}.`,
    );
  }
  const wrongType = ["title", ...BODY_KEYS, "url", "source"].find(
    (key) => value[key] !== undefined && value[key] !== null && typeof value[key] !== "string",
  );
  if (wrongType) {
    return reject(
      item,
      "INVALID_INPUT",
      `field "${wrongType}" should be text but is ${Array.isArray(value[wrongType]) ? "an array" : typeof value[wrongType]}. Fix the item and upload it again.`,
    );
  }

  const title = readString(value, ["title", "headline"]);
  const bodyKey = BODY_KEYS.find(
    (key) => readString(value, [key]) !== null && !(key === "description" && hasOtherBody(value)),
  );
  const body = bodyKey ? (readString(value, [bodyKey]) ?? "") : "";
  if (title === null && body === "") {
    const keys = Object.keys(value).slice(0, 6).join(", ") || "none";
    return reject(
      item,
      "EMPTY",
      `has no title and no body (fields found: ${truncate(keys, 80)}). Use "title" and "body" (or "text"/"content").`,
    );
  }

  const paragraphs = containsMarkup(body) ? [body] : splitParagraphs(body);
  // "description" is the body when nothing else is; otherwise it is the standfirst.
  const dekKeys =
    bodyKey === "description"
      ? ["dek", "summary", "subtitle"]
      : ["dek", "summary", "description", "subtitle"];
  const dek = readString(value, dekKeys);
  return assembleStory(
    {
      title,
      dek,
      paragraphs,
      byline: readAuthors(value["authors"] ?? value["author"] ?? value["byline"]),
      findBylineInText: false,
      source: readString(value, ["source", "publisher", "outlet", "site"]) ?? feedSource,
      url: readString(value, ["url", "link", "canonicalUrl", "external_url"]),
      date:
        value["publishedAt"] ??
        value["published_at"] ??
        value["date"] ??
        value["published"] ??
        value["date_published"] ??
        value["pubDate"] ??
        null,
      topicHint: readString(value, ["topic", "topicHint", "category"]) ?? readFirstString(value["topics"]),
      format,
      original: typeof original === "string" ? original : original(),
    },
    item,
  );
}

function hasOtherBody(value: Record<string, unknown>): boolean {
  return BODY_KEYS.some((key) => key !== "description" && readString(value, [key]) !== null);
}

function describeJsonError(error: unknown): string {
  if (error instanceof RangeError) return "it is nested too deeply to read";
  return error instanceof Error ? truncate(error.message, 100) : "unreadable";
}
