// Word tokens and Porter stems shared by scoring, clustering, redundancy and the eval
// script, so every stage compares sentences on the same terms.
import { stemmer } from "stemmer";

// Function words plus newsroom filler ("said", "told") that carry no topic.
const STOPWORD_LIST =
  "a about above after again against all also am an and any are aren't as at be because been before being below between both but by can can't cannot could couldn't did didn't do does doesn't doing don't down during each few for from further had hadn't has hasn't have haven't having he he'd he'll he's her here here's hers herself him himself his how how's i i'd i'll i'm i've if in into is isn't it it's its itself let's me more most mustn't my myself no nor not of off on once only or other ought our ours ourselves out over own same shan't she she'd she'll she's should shouldn't so some such than that that's the their theirs them themselves then there there's these they they'd they'll they're they've this those through to too under until up very was wasn't we we'd we'll we're we've were weren't what what's when when's where where's which while who who's whom why why's with won't would wouldn't you you'd you'll you're you've your yours yourself yourselves " +
  "said says say saying told tell according added adding just will also would could may might must shall one two three new like get got us mr mrs ms year years week weeks day days time last first since still even well much many back made make way going according people per cent percent around including yet however though although another every whether already";

export const STOPWORDS: ReadonlySet<string> = new Set(STOPWORD_LIST.split(/\s+/).filter(Boolean));

const WORD_RE = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

/** Lowercased word tokens (letters and digits; inner apostrophes kept). */
export function tokenizeWords(text: string): string[] {
  const out: string[] = [];
  let lower = text.toLowerCase();
  if (lower.includes("’")) lower = lower.replace(/’/g, "'");
  // exec over the shared pattern rather than matchAll, which copies the pattern on every call.
  WORD_RE.lastIndex = 0;
  for (let m = WORD_RE.exec(lower); m !== null; m = WORD_RE.exec(lower)) out.push(m[0]);
  return out;
}

const stemCache = new Map<string, string>();

/** Porter stem for English words; other scripts and numbers pass through unchanged. */
export function stemWord(word: string): string {
  const cached = stemCache.get(word);
  if (cached !== undefined) return cached;
  const base = word.replace(/'s$/, "");
  const stem = /^[a-z]+$/.test(base) ? stemmer(base) : base;
  if (stemCache.size < 200_000) stemCache.set(word, stem);
  return stem;
}

/** Stems of the content words (no stopwords, no one-letter tokens). */
export function getContentStems(text: string): string[] {
  const out: string[] = [];
  for (const w of tokenizeWords(text)) {
    if (w.length < 2 || STOPWORDS.has(w)) continue;
    out.push(stemWord(w));
  }
  return out;
}

/** Runs of non-space characters (what /\S+/g would match), counted without building matches. */
export function countWords(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = isSpaceCode(text.charCodeAt(i));
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

// Exactly the characters of a regular expression's \s.
function isSpaceCode(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Share of tokens that are common English function words; low values suggest another language. */
export function measureEnglishShare(text: string): number {
  const words = tokenizeWords(text.slice(0, 5000));
  if (words.length === 0) return 0;
  let hits = 0;
  for (const w of words) if (ENGLISH_MARKERS.has(w)) hits++;
  return hits / words.length;
}

const ENGLISH_MARKERS = new Set([
  "the",
  "of",
  "and",
  "to",
  "in",
  "a",
  "is",
  "that",
  "for",
  "on",
  "was",
  "with",
  "he",
  "it",
  "as",
  "at",
  "by",
  "said",
  "from",
  "has",
  "are",
  "be",
  "his",
  "have",
  "not",
  "this",
  "but",
  "they",
  "were",
  "an",
]);
