// Exact-duplicate key for a story: sha256 of its normalized body, so the same article uploaded
// twice (re-wrapped, re-cased, re-punctuated, or re-headlined) gets the same hash.

import { createHash } from "node:crypto";

/** Below this many words a body does not identify an article by itself ("More to follow."). */
export const MIN_WORDS_FOR_BODY_ONLY_HASH = 40;

/**
 * Lower case, Unicode-compatibility folded, punctuation and symbols removed, whitespace
 * collapsed: what is left is the words in order, which is what makes two articles the same.
 */
export function normalizeForHash(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\p{P}\p{S}]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * Keyed on the body because outlets re-headline the same copy (the BBC corpus has 35 such
 * pairs); the title joins the key only when the body is too short to stand on its own.
 */
export function computeContentHash(story: { title: string; body: string }): string {
  const body = normalizeForHash(story.body);
  const hash = createHash("sha256");
  if (countWords(body) < MIN_WORDS_FOR_BODY_ONLY_HASH)
    hash.update(normalizeForHash(story.title)).update("\n");
  return hash.update(body).digest("hex");
}

function countWords(normalized: string): number {
  let words = normalized.length > 0 ? 1 : 0;
  for (let i = 0; i < normalized.length; i++) if (normalized.charCodeAt(i) === 32) words++;
  return words;
}
