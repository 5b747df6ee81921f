// Turns what a format parser found (a draft) into a ParsedStory or a rejection: cleans the
// paragraphs, settles title, byline, source, URL and date, and refuses empty or title-only items.

import { cleanArticleParagraphs } from "./article-cleaning";
import { splitAuthorNames } from "./byline-names";
import { describeLengthOverLimit, FIELD_LIMITS } from "./field-limits";
import { containsMarkup, convertHtmlToParagraphs, describeActiveContent } from "./html-text";
import { findOutletByUrl, findOutletInText, normalizeOutletName } from "./known-outlets";
import { stripTitleSuffix } from "./title-suffix";
import type { CleanTitle } from "./title-suffix";
import type { DroppedText, Format, IngestErrorCode, ItemResult, ParsedStory } from "./types";

export type StoryDraft = {
  title: string | null;
  dek?: string | null;
  /** Paragraphs as found, before cleaning. */
  paragraphs: string[];
  /** Authors from metadata; when empty and `findBylineInText`, the top of the text is searched. */
  byline?: string[];
  findBylineInText: boolean;
  /** Publisher from metadata (front matter, og:site_name, feed title, a JSON field). */
  source?: string | null;
  url?: unknown;
  date?: unknown;
  topicHint?: string | null;
  format: Format;
  original: string;
  warnings?: string[];
  dropped?: DroppedText[];
};

export function assembleStory(draft: StoryDraft, item: string): ItemResult {
  const warnings = [...(draft.warnings ?? [])];
  const dropped = [...(draft.dropped ?? [])];

  const rawParagraphs: string[] = [];
  for (const paragraph of draft.paragraphs) {
    if (containsMarkup(paragraph)) {
      const converted = convertHtmlToParagraphs(paragraph);
      rawParagraphs.push(...converted.paragraphs);
      dropped.push(...converted.dropped, ...describeActiveContent(paragraph));
      if (!warnings.includes("the text contained HTML markup; it was converted to plain text")) {
        warnings.push("the text contained HTML markup; it was converted to plain text");
      }
    } else rawParagraphs.push(paragraph);
  }

  const cleaned = cleanArticleParagraphs(rawParagraphs, {
    findByline: draft.findBylineInText && (draft.byline ?? []).length === 0,
  });
  dropped.push(...cleaned.dropped);

  let title = draft.title?.replace(/\s+/g, " ").trim() ?? "";
  let paragraphs = cleaned.paragraphs;
  if (title === "") {
    const first = paragraphs[0];
    if (first === undefined)
      return reject(
        item,
        "EMPTY",
        "has no text: nothing to make a story from. Check that the right file was uploaded.",
      );
    title = deriveTitle(first);
    warnings.push("no title was given; used the start of the first paragraph");
  }

  const cleanTitle = stripTitleSuffix(title);
  title = cleanTitle.title;
  for (const suffix of cleanTitle.suffixes)
    dropped.push({ text: suffix.trim(), reason: "section/site suffix on title" });
  // Refused, not cut: a cut headline would be stored and lead pages without anyone choosing it,
  // and a title this long is nearly always the article text or markup in the title field.
  if (title.length > FIELD_LIMITS.title) {
    return reject(
      item,
      "INVALID_INPUT",
      `the title is ${describeLengthOverLimit(title.length, FIELD_LIMITS.title)}. A title that long is usually the article's text or markup in the title field: fix the title and upload the item again.`,
    );
  }

  // Pastes and Markdown files often repeat the headline as the first line of the text.
  if (paragraphs[0] !== undefined && normalizeLine(paragraphs[0]) === normalizeLine(title)) {
    dropped.push({ text: paragraphs[0], reason: "headline repeated in body" });
    paragraphs = paragraphs.slice(1);
  }

  if (paragraphs.length === 0) {
    const noise = cleaned.dropped.length;
    const why =
      noise > 0
        ? ` (the ${noise} other line${noise === 1 ? " was" : "s were"} page furniture: ${summarizeReasons(cleaned.dropped)})`
        : "";
    return reject(
      item,
      "TITLE_ONLY",
      `"${truncate(title, 80)}" has a title but no article text${why}. Paste the full article.`,
    );
  }
  // A dek repeated as the first paragraph is common in feeds and JSON exports.
  let dek = draft.dek?.replace(/\s+/g, " ").trim() || null;
  if (dek !== null && paragraphs[0] === dek)
    paragraphs = paragraphs.slice(1).length > 0 ? paragraphs.slice(1) : paragraphs;
  // Secondary fields over their limit are left out with a warning: the story is still right without them.
  if (dek !== null && dek.length > FIELD_LIMITS.dek) {
    warnings.push(`left out the standfirst: it is ${describeLengthOverLimit(dek.length, FIELD_LIMITS.dek)}`);
    dropped.push({ text: truncate(dek, 200), reason: "standfirst over the length limit" });
    dek = null;
  }

  const byline = limitByline(
    (draft.byline ?? []).length > 0 ? splitAuthorNames(draft.byline ?? []) : cleaned.byline,
    warnings,
  );
  const url = normalizeUrl(draft.url, warnings);
  const body = paragraphs.join("\n\n");
  const source = limitField(
    "source",
    resolveSource(draft.source ?? null, url, cleanTitle, `${title}\n${body}`, warnings),
    FIELD_LIMITS.source,
    warnings,
  );
  const topicHint = limitField(
    "topic line",
    draft.topicHint?.replace(/\s+/g, " ").trim() || null,
    FIELD_LIMITS.topicName,
    warnings,
  );
  const publishedAt = normalizeDate(
    draft.date ?? cleaned.dateLine?.replace(/^(?:published|updated|last updated)\s+/i, "") ?? null,
    warnings,
  );

  const story: ParsedStory = {
    title,
    dek,
    body,
    byline,
    source,
    url,
    publishedAt,
    topicHint,
    format: draft.format,
    original: draft.original,
    warnings,
    dropped,
  };
  return { ok: true, item, story };
}

function limitField(name: string, value: string | null, limit: number, warnings: string[]): string | null {
  if (value === null || value.length <= limit) return value;
  warnings.push(
    `left out the ${name} “${truncate(value, 60)}”: it is ${describeLengthOverLimit(value.length, limit)}`,
  );
  return null;
}

function limitByline(names: string[], warnings: string[]): string[] {
  const kept = names.filter((name) => name.length <= FIELD_LIMITS.bylineName);
  if (kept.length < names.length)
    warnings.push(
      `left out ${names.length - kept.length} byline name(s) longer than ${FIELD_LIMITS.bylineName} characters`,
    );
  if (kept.length > FIELD_LIMITS.bylineNames) {
    warnings.push(`kept the first ${FIELD_LIMITS.bylineNames} of ${kept.length} byline names`);
    return kept.slice(0, FIELD_LIMITS.bylineNames);
  }
  return kept;
}

export function reject(item: string, code: IngestErrorCode, message: string): ItemResult {
  return { ok: false, item, error: { code, message: `${item}: ${message}` } };
}

function resolveSource(
  explicit: string | null,
  url: string | null,
  fromTitle: CleanTitle,
  text: string,
  warnings: string[],
): string | null {
  if (explicit?.trim()) return normalizeOutletName(explicit);
  if (url) {
    const outlet = findOutletByUrl(url);
    if (outlet) return outlet;
  }
  if (fromTitle.source) {
    if (fromTitle.sourceFromStyle)
      warnings.push(
        `source "${fromTitle.source}" inferred from the title's "${fromTitle.suffixes.join("").trim()}" suffix style`,
      );
    return fromTitle.source;
  }
  const clue = findOutletInText(text);
  if (clue) {
    warnings.push(`source "${clue.source}" inferred from the text ("${truncate(clue.clue, 60)}")`);
    return clue.source;
  }
  return null;
}

function normalizeUrl(value: unknown, warnings: string[]): string | null {
  if (typeof value !== "string" || value.trim() === "") return null;
  try {
    const url = new URL(value.trim());
    if (url.protocol === "http:" || url.protocol === "https:") return url.toString();
  } catch {
    // falls through to the warning
  }
  warnings.push(`ignored the URL "${truncate(value, 60)}": only http(s) links are kept`);
  return null;
}

/** ISO date from metadata, or null with a warning; never "now". */
export function normalizeDate(value: unknown, warnings: string[]): string | null {
  if (value === null || value === undefined || value === "") return null;
  let date: Date | null = null;
  if (value instanceof Date) date = value;
  else if (typeof value === "number") date = new Date(value < 1e11 ? value * 1000 : value);
  else if (typeof value === "string") date = parseDateString(value.trim());
  if (
    date === null ||
    Number.isNaN(date.getTime()) ||
    date.getUTCFullYear() < 1800 ||
    date.getUTCFullYear() > 2200
  ) {
    warnings.push(
      `could not read the date ${JSON.stringify(truncate(String(value), 40))}; publishedAt left empty`,
    );
    return null;
  }
  return date.toISOString();
}

/** A time without a zone is read as UTC, so the result does not depend on the server's zone. */
function parseDateString(text: string): Date {
  if (/^\d{10}$/.test(text)) return new Date(Number(text) * 1000);
  const parsed = new Date(text);
  const hasZone =
    /(?:Z|[+-]\d{2}:?\d{2}|\b(?:GMT|UTC|UT|[ECMP][SD]T))\s*$/i.test(text) || /^\d{4}-\d{2}-\d{2}$/.test(text);
  if (hasZone || Number.isNaN(parsed.getTime())) return parsed;
  return new Date(
    Date.UTC(
      parsed.getFullYear(),
      parsed.getMonth(),
      parsed.getDate(),
      parsed.getHours(),
      parsed.getMinutes(),
      parsed.getSeconds(),
      parsed.getMilliseconds(),
    ),
  );
}

function normalizeLine(text: string): string {
  return stripTitleSuffix(text)
    .title.toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

function deriveTitle(paragraph: string): string {
  const sentence = /^(.{20,}?[.!?])(?:\s|$)/u.exec(paragraph)?.[1] ?? paragraph;
  return truncate(sentence, 120);
}

function summarizeReasons(dropped: DroppedText[]): string {
  return [...new Set(dropped.map((entry) => entry.reason))].join(", ");
}

export function truncate(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1).trimEnd()}…`;
}
