// Splits a story body into sentences with character offsets into the body, so a citation
// can highlight the exact passage. Linear scan; rules for abbreviations, initials, decimals,
// quotes that run over several sentences, bullets and soft-wrapped lines.

export interface SentenceSpan {
  text: string;
  start: number;
  end: number;
}

// Abbreviations that are never the end of a sentence (a name or number follows).
const TITLE_ABBREVIATIONS = new Set([
  "mr",
  "mrs",
  "ms",
  "mx",
  "dr",
  "prof",
  "sr",
  "jr",
  "st",
  "gen",
  "col",
  "lt",
  "sgt",
  "capt",
  "cmdr",
  "adm",
  "maj",
  "gov",
  "sen",
  "rep",
  "rev",
  "hon",
  "pres",
  "supt",
  "insp",
  "det",
  "fr",
  "messrs",
  "mme",
  "mlle",
  "no",
  "nos",
  "vs",
  "v",
  "fig",
  "vol",
  "pp",
  "p",
  "ft",
  "mt",
  "ave",
  "approx",
  "cf",
  "e.g",
  "i.e",
  "dept",
  "est",
  "univ",
  "assn",
  "cpl",
  "pvt",
  "brig",
]);

// Abbreviations that may end a sentence; they do only when a typical sentence opener follows.
const MAYBE_FINAL_ABBREVIATIONS = new Set([
  "inc",
  "ltd",
  "co",
  "corp",
  "bros",
  "plc",
  "llc",
  "etc",
  "jan",
  "feb",
  "mar",
  "apr",
  "jun",
  "jul",
  "aug",
  "sep",
  "sept",
  "oct",
  "nov",
  "dec",
  "mon",
  "tue",
  "tues",
  "wed",
  "thu",
  "thur",
  "thurs",
  "fri",
  "sat",
  "sun",
  "a.m",
  "p.m",
  "am",
  "pm",
]);

const SENTENCE_OPENERS = new Set([
  "the",
  "a",
  "an",
  "he",
  "she",
  "it",
  "they",
  "we",
  "i",
  "you",
  "but",
  "and",
  "in",
  "on",
  "at",
  "this",
  "that",
  "these",
  "those",
  "his",
  "her",
  "their",
  "its",
  "our",
  "there",
  "meanwhile",
  "however",
  "after",
  "before",
  "when",
  "while",
  "since",
  "if",
  "as",
  "so",
  "then",
  "now",
  "still",
  "yet",
  "also",
  "some",
  "many",
  "most",
  "one",
  "two",
  "both",
  "all",
  "for",
  "from",
  "what",
  "who",
  "why",
  "how",
  "where",
  "officials",
  "police",
]);

const OPEN_QUOTES = new Set(["“", "«", "„"]);
const CLOSE_QUOTES = new Set(["”", "»"]);
const CLOSERS = new Set(['"', "”", "’", "'", ")", "]", "»", "」", "』"]);
const TERMINATORS = new Set([".", "!", "?", "…"]);
const WIDE_TERMINATORS = new Set(["。", "！", "？"]);
const BULLET = /^(?:[-*•·–—▪●◦]|\d{1,2}[.)]|[a-z][)])\s+/u;
const MAX_SENTENCE_CHARS = 1200;
// A quote that stays open longer than this is treated as unclosed (a multi-paragraph quote).
const MAX_QUOTE_SPAN = 700;

interface Block {
  start: number;
  end: number;
}

/** Splits `text` into sentences; each `text` equals `body.slice(start, end)` exactly. */
export function splitSentences(text: string): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  for (const block of findBlocks(text)) splitBlock(text, block, out);
  return out;
}

// Lines are paragraphs, except soft-wrapped lines (no end punctuation, next starts lowercase).
function findBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  const lineRe = /[^\n\r]*(?:\r\n|\n|\r|$)/g;
  let current: Block | null = null;
  let previousLine = "";
  for (let m = lineRe.exec(text); m !== null && m[0] !== ""; m = lineRe.exec(text)) {
    const raw = m[0].replace(/[\r\n]+$/, "");
    const lineStart = m.index;
    const trimmed = raw.trim();
    if (trimmed === "") {
      if (current) blocks.push(current);
      current = null;
      previousLine = "";
      continue;
    }
    const leading = raw.length - raw.trimStart().length;
    const start = lineStart + leading;
    const end = lineStart + raw.trimEnd().length;
    const isSoftWrap =
      current !== null &&
      /^[a-z(]/u.test(trimmed) &&
      !BULLET.test(trimmed) &&
      !/[.!?:;"”’)\]]$/u.test(previousLine);
    if (current && isSoftWrap) {
      current.end = end;
    } else {
      if (current) blocks.push(current);
      current = { start, end };
    }
    previousLine = trimmed;
  }
  if (current) blocks.push(current);
  return blocks;
}

function splitBlock(text: string, block: Block, out: SentenceSpan[]): void {
  let start = block.start;
  const bullet = BULLET.exec(text.slice(start, Math.min(block.end, start + 8)));
  if (bullet && block.end - start > bullet[0].length) start += bullet[0].length;
  let quoteOpenAt = -1;
  let i = start;
  // Jump from one interesting character (terminator or quote mark) to the next.
  const interesting = /[.!?…。！？“”«»"]/g;
  while (i < block.end) {
    interesting.lastIndex = i;
    const hit = interesting.exec(text);
    if (hit === null || hit.index >= block.end) break;
    i = hit.index;
    const c = text[i] ?? "";
    if (OPEN_QUOTES.has(c)) quoteOpenAt = i;
    else if (CLOSE_QUOTES.has(c)) quoteOpenAt = -1;
    else if (c === '"') quoteOpenAt = quoteOpenAt >= 0 ? -1 : i;
    if (WIDE_TERMINATORS.has(c)) {
      let j = i + 1;
      while (j < block.end && CLOSERS.has(text[j] ?? "")) j++;
      pushSentence(text, start, j, out);
      start = j;
      i = j;
      continue;
    }
    if (!TERMINATORS.has(c)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < block.end && TERMINATORS.has(text[j] ?? "")) j++;
    let closedQuote = false;
    while (j < block.end && CLOSERS.has(text[j] ?? "")) {
      const closer = text[j] ?? "";
      if (closer === "”" || closer === "»" || (closer === '"' && quoteOpenAt >= 0)) {
        closedQuote = true;
      }
      j++;
    }
    if (closedQuote) quoteOpenAt = -1;
    if (j < block.end && !/\s/u.test(text[j] ?? "")) {
      i = j;
      continue;
    }
    if (j >= block.end) break;
    const isBoundary =
      startsLikeSentence(text, j, block.end) &&
      !isAbbreviationStop(text, start, i, j, block.end) &&
      !isInsideClosingQuote(text, quoteOpenAt, i, block.end);
    if (isBoundary) {
      pushSentence(text, start, j, out);
      start = j;
    }
    i = j;
  }
  pushSentence(text, start, block.end, out);
}

function startsLikeSentence(text: string, from: number, end: number): boolean {
  let k = from;
  while (k < end && /\s/u.test(text[k] ?? "")) k++;
  const next = text[k] ?? "";
  if (next === "") return false;
  if (/[\p{Lu}\p{N}“"‘'(\[«¿¡-]/u.test(next)) return true;
  // Scripts without case (CJK, Arabic...) cannot be judged by capitals.
  return /\p{L}/u.test(next) && next.toLowerCase() === next.toUpperCase();
}

function readNextWord(text: string, from: number, end: number): string {
  const m = /^\s*[“"‘'(]?([\p{L}]+)/u.exec(text.slice(from, Math.min(end, from + 40)));
  return m?.[1]?.toLowerCase() ?? "";
}

function isAbbreviationStop(
  text: string,
  sentenceStart: number,
  dot: number,
  after: number,
  end: number,
): boolean {
  if (text[dot] !== ".") return false;
  if (text[dot + 1] === ".") return false;
  let k = dot;
  while (k > sentenceStart && !/[\s(“"‘]/u.test(text[k - 1] ?? "")) k--;
  const word = text.slice(k, dot);
  const lower = word.toLowerCase();
  const opener = SENTENCE_OPENERS.has(readNextWord(text, after, end));
  if (TITLE_ABBREVIATIONS.has(lower)) return true;
  if (MAYBE_FINAL_ABBREVIATIONS.has(lower)) return !opener;
  // Initials ("J. K. Rowling") and dotted acronyms ("U.S.", "a.m.").
  if (/^\p{Lu}$/u.test(word)) return !opener;
  if (/^(?:\p{L}\.)+\p{L}$/u.test(word)) return !opener;
  return false;
}

// A sentence end inside a quotation that closes soon after stays within one sentence, so the
// quote and its attribution ("..., he said.") are cited together.
function isInsideClosingQuote(text: string, quoteOpenAt: number, at: number, end: number): boolean {
  if (quoteOpenAt < 0) return false;
  const limit = Math.min(end, at + MAX_QUOTE_SPAN);
  const opener = text[quoteOpenAt];
  for (let k = at + 1; k < limit; k++) {
    const c = text[k];
    if (opener === '"' ? c === '"' : c === "”" || c === "»") return true;
    if (c === "“" && opener !== '"') return false;
  }
  return false;
}

function pushSentence(text: string, from: number, to: number, out: SentenceSpan[]): void {
  let s = from;
  let e = to;
  while (s < e && /\s/u.test(text[s] ?? "")) s++;
  while (e > s && /\s/u.test(text[e - 1] ?? "")) e--;
  if (e <= s) return;
  // Very long runs without punctuation (tables, scraped junk) are cut at a space.
  while (e - s > MAX_SENTENCE_CHARS) {
    let cut = text.lastIndexOf(" ", s + MAX_SENTENCE_CHARS);
    if (cut <= s) cut = s + MAX_SENTENCE_CHARS;
    pushSentence(text, s, cut, out);
    s = cut;
    while (s < e && /\s/u.test(text[s] ?? "")) s++;
  }
  if (e > s) out.push({ text: text.slice(s, e), start: s, end: e });
}
