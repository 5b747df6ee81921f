// Reads author names from byline lines and metadata, including the pasted-web-page form where
// "and" is glued to the first name ("Mara Quinnand" / "Tom Ealing").

import { findOutletByName } from "./known-outlets";

const NAME_WORD = "(?:[\\p{Lu}][\\p{L}'’.-]*|(?:de|da|del|der|van|von|la|le|al|el|bin|ibn|du|dos)(?=\\s))";
const NAME = `${NAME_WORD}(?:\\s+${NAME_WORD}){1,4}`;
const NAME_LINE = new RegExp(`^(?:[Bb]y\\s+)?(${NAME})(?:\\s*,?\\s*and)?\\s*,?$`, "u");
const BY_LINE = /^by\s+(.+)$/i;
const ROLE_WORDS =
  /\b(?:correspondent|editor|reporter|writer|journalist|staff|producer|analyst|contributor|presenter|in [\p{Lu}][\p{L}]+)\b/iu;

/** Words that start capitalised lines but never names, so "Recommended Stories" is not a byline. */
const NOT_NAME_WORDS = new Set([
  "the",
  "a",
  "an",
  "this",
  "that",
  "watch",
  "share",
  "save",
  "recommended",
  "stories",
  "story",
  "news",
  "source",
  "link",
  "live",
  "more",
  "related",
  "advertisement",
  "image",
  "photo",
  "map",
  "video",
  "topics",
  "president",
  "minister",
  "reuters",
  "afp",
  "getty",
  "images",
  "published",
  "updated",
  "read",
  "list",
  "end",
  "breaking",
  "analysis",
  "opinion",
  "comment",
  "explainer",
  "war",
  "latest",
  "home",
  "world",
  "politics",
  "business",
]);

/** The names on one byline-looking line, or null when the line is not a byline. */
export function readBylineLine(line: string, nextLine: string | undefined): string[] | null {
  const text = line.trim().replace(/\s+/g, " ");
  if (text.length === 0 || text.length > 160) return null;

  const by = BY_LINE.exec(text);
  if (by?.[1]) {
    const names = splitAuthorNames(
      by[1].replace(/\s*[|,–—-]\s*(?:[\p{Lu}][\p{L}]*\s?){1,3}$/u, stripOutletSuffix),
    );
    return names.length > 0 ? names : null;
  }

  const match = NAME_LINE.exec(text);
  const candidate = match?.[1];
  if (!candidate || !isPlausibleName(candidate)) {
    // "Mara Quinn and Tom Ealing" or "Mara Quinn, Tom Ealing" on one line.
    if (/\band\b|,/.test(text) && !/[.!?:;]$/.test(text)) {
      const names = splitAuthorNames(text);
      if (names.length >= 2 && names.every((name) => NAME_LINE.test(name) && isPlausibleName(name)))
        return names;
    }
    return null;
  }
  return [stripGluedAnd(candidate, text, nextLine)];
}

/** Names from "A, B and C", "A & B", arrays, "By A" — deduplicated, in order. */
export function splitAuthorNames(value: string | readonly string[]): string[] {
  const parts = typeof value === "string" ? [value] : value;
  const names: string[] = [];
  for (const part of parts) {
    for (const piece of part.replace(/^\s*by\s+/i, "").split(/\s*(?:,|;|&|\band\b|\n)\s*/i)) {
      const name = piece.trim().replace(/\s+/g, " ");
      if (name.length > 1 && !ROLE_WORDS.test(name) && !findOutletByName(name) && !names.includes(name))
        names.push(name);
    }
  }
  return names;
}

function stripOutletSuffix(suffix: string): string {
  const name = suffix.replace(/^\s*[|,–—-]\s*/, "");
  return findOutletByName(name) ? "" : suffix;
}

function isPlausibleName(candidate: string): boolean {
  const words = candidate.split(/\s+/);
  if (words.some((word) => NOT_NAME_WORDS.has(word.toLowerCase()))) return false;
  if (findOutletByName(candidate)) return false;
  // All-caps lines are headings or credits, not bylines.
  return candidate !== candidate.toUpperCase();
}

/**
 * "Mara Quinnand" followed by another name line: the "and" joining two names lost its space
 * when the page was copied. Only strip it when another name follows, so "Rand" stays.
 */
function stripGluedAnd(name: string, line: string, nextLine: string | undefined): string {
  const lineEndsWithAnd = /and\s*,?$/i.test(line);
  if (!lineEndsWithAnd) return name;
  if (/\s+and$/i.test(line.trim())) return name;
  const next = nextLine?.trim() ?? "";
  const nextIsName = NAME_LINE.test(next) && isPlausibleName(next.replace(/^[Bb]y\s+/, ""));
  if (!nextIsName) return name;
  const stripped = name.replace(/and$/, "");
  return /[\p{L}]{2,}$/u.test(stripped) ? stripped : name;
}
