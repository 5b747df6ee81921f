// Span finding: splits a sentence into word tokens (possessives and dotted acronyms kept
// apart) and groups runs of capitalised words, joined by "of", "al", "bin"…, into candidate names.
import { isTitleWord, lookupKnownName } from "./canonical-names";
import {
  CONNECTORS,
  ORG_WORDS,
  PLACE_PREFIXES,
  PROPER_TAGS,
  isCommonWord,
  isDateWord,
  readLexicon,
} from "./name-lexicon";
import { STOPWORDS } from "../text/text-tokens";

export interface Token {
  text: string;
  start: number;
  end: number;
  possessive: boolean;
}

const WORD_TOKEN = /[\p{L}\p{N}][\p{L}\p{M}\p{N}'’.&\-‑]*/gu;

/** One space (or no-break space) between two offsets: the words belong to one name. */
function isPlainGap(text: string, from: number, to: number): boolean {
  if (to - from !== 1) return false;
  const c = text.charCodeAt(from);
  return c === 0x20 || c === 0xa0;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  // exec over the shared pattern rather than matchAll, which copies the pattern on every call.
  WORD_TOKEN.lastIndex = 0;
  for (let m = WORD_TOKEN.exec(text); m !== null; m = WORD_TOKEN.exec(text)) {
    let word = m[0];
    const start = m.index;
    let possessive = false;
    // Most words are plain: the regular expressions run only when the characters they look for are there.
    const tail = word.charAt(word.length - 1);
    if (word.includes(".") || tail === "-" || tail === "‑") {
      if (/^(?:\p{L}\.){2,}$/u.test(word)) {
        // Dotted acronym such as "U.S." keeps its dots.
      } else if (/\.$/.test(word) && isTitleWord(word)) {
        word = word.replace(/\.+$/, "");
      } else {
        word = word.replace(/[.\-‑]+$/, "");
      }
    }
    // "Saltmere-based" names the place Saltmere; the suffix is context, not name.
    if (word.endsWith("based") || word.endsWith("born")) {
      const based = /^(\p{Lu}[\p{L}\p{M}'’.]*)[-‑](?:based|born)$/u.exec(word);
      if (based?.[1]) word = based[1];
    }
    const end = word.charAt(word.length - 1);
    if (end === "s" && /['’]s$/u.test(word)) {
      word = word.slice(0, -2);
      possessive = true;
    } else if (end === "'" || end === "’") {
      if (/s['’]$/u.test(word)) {
        word = word.slice(0, -1);
        possessive = true;
      } else {
        word = word.replace(/['’]+$/u, "");
      }
    }
    if (word === "") continue;
    tokens.push({ text: word, start, end: start + word.length, possessive });
  }
  // A possessive inside a body's name ("Saltmere Dockworkers' Union") keeps the name going.
  tokens.forEach((token, i) => {
    const next = tokens[i + 1];
    if (!token.possessive || !next || !ORG_WORDS.has(next.text.toLowerCase()) || !isCapitalized(next.text))
      return;
    const surface = /^[^\s]+/u.exec(text.slice(token.start, next.start))?.[0] ?? token.text;
    if (!isPlainGap(text, token.start + surface.length, next.start)) return;
    token.text = surface;
    token.end = token.start + surface.length;
    token.possessive = false;
  });
  return tokens;
}

export function isCapitalized(word: string): boolean {
  const c = word.charAt(0);
  if (c !== c.toLowerCase()) return c === c.toUpperCase();
  // Arabic article prefixes ("al-Sharaa") are written lowercase inside names.
  return (c === "a" || c === "e" || c === "u") && /^(?:al|el|ad|as|ash|at|az|ul)-\p{L}{2}/u.test(word);
}

function isSentenceInitial(text: string, at: number): boolean {
  return (
    /^[\s"“‘'(\[—–-]*$/u.test(text.slice(0, at)) ||
    /[:;—–]\s*[“"‘']?\s*$/u.test(text.slice(Math.max(0, at - 4), at))
  );
}

// "United States", "New Zealand": a common first word that opens a known multi-word name.
function startsKnownName(token: Token, next: Token | undefined): boolean {
  if (!next || !isCapitalized(next.text) || STOPWORDS.has(token.text.toLowerCase())) return false;
  if (PLACE_PREFIXES.has(token.text.toLowerCase())) return true;
  const pair = `${token.text} ${next.text}`;
  return lookupKnownName(pair) !== null || readLexicon(pair.toLowerCase()).some((t) => PROPER_TAGS.has(t));
}

export function findCapitalizedSpans(text: string): Token[][] {
  const tokens = tokenize(text);
  const spans: Token[][] = [];
  let current: Token[] = [];
  const flush = (): void => {
    while (current.length > 0 && CONNECTORS.has((current[current.length - 1]?.text ?? "").toLowerCase()))
      current.pop();
    if (current.length > 0) spans.push(current);
    current = [];
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (!token) continue;
    const previous = current[current.length - 1];
    const joined =
      previous !== undefined && !previous.possessive && isPlainGap(text, previous.end, token.start);
    if (!joined) flush();
    const lower = token.text.toLowerCase();
    if (isCapitalized(token.text) && !isDateWord(token.text) && !/^\p{N}/u.test(token.text)) {
      if (
        current.length === 0 &&
        isSentenceInitial(text, token.start) &&
        isCommonWord(token.text) &&
        !isTitleWord(token.text) &&
        !startsKnownName(token, tokens[i + 1])
      )
        continue;
      current.push(token);
    } else if (
      current.length > 0 &&
      (CONNECTORS.has(lower) || (lower === "the" && previous?.text.toLowerCase() === "of"))
    ) {
      const next = tokens[i + 1];
      const afterNext = tokens[i + 2];
      const plainGap = (a: Token, b: Token): boolean => isPlainGap(text, a.end, b.start);
      const continues =
        next !== undefined &&
        plainGap(token, next) &&
        (isCapitalized(next.text) ||
          (lower === "of" &&
            next.text === "the" &&
            afterNext !== undefined &&
            isCapitalized(afterNext.text) &&
            plainGap(next, afterNext)));
      if (continues) current.push(token);
      else flush();
    } else {
      flush();
    }
    if (token.possessive) flush();
  }
  flush();
  return spans;
}
