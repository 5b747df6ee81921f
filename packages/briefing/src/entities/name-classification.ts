// Classification of one candidate name: a person, organisation or place from titles, known
// names, the lexicon, head words ("… Council", "Port …") and the words around it; null when
// the rules cannot tell (the tagger fallback may try later).
import {
  PERSON_TITLES,
  isTitleWord,
  lookupKnownName,
  normalizeTitleToken,
  stripTitles,
} from "./canonical-names";
import { ORG_WORDS, PLACE_PREFIXES, PLACE_WORDS, isCommonWord, isDemonym, isFirstName, readLexicon } from "./name-lexicon";
import type { Token } from "./name-spans";
import { STOPWORDS } from "../text/text-tokens";
import type { EntityKind } from "../types";

/** A classified name in one sentence. */
export interface SpanMention {
  /** Offsets of the name (title and possessive excluded), relative to the sentence. */
  start: number;
  end: number;
  tokens: string[];
  role: string | null;
  kind: EntityKind | null;
  /** True when the kind came from strong evidence (title, first name, known list). */
  strong: boolean;
  /** Canonical name from the known-names table, when the name is one. */
  knownName: string | null;
}

const SPEECH_AFTER =
  /^\s+(?:has |had |also |later |then )?(?:said|says|told|added|warned|wrote|asked|argued|explained|noted|stated|insisted|tweeted|posted|announced|claimed|replied|responded|urged|admitted|conceded|acknowledged|recalled)\b/u;
const TITLE_LIST = [...PERSON_TITLES].join("|");
const APPOSITION_AFTER = new RegExp(
  `^,\\s+(?:the |a |an |his |her |its |their |[\\p{Lu}][\\p{L}\\-]*['’]s )?(?:[\\p{L}.\\-]+ ){0,4}?(?:${TITLE_LIST})\\b[^,.;:]{0,40}`,
  "iu",
);
const LAST_WORD = /([\p{L}.\-]+)[\s,]{0,3}$/u;

// "US-Russia" (as in "US-Russia investments") names a relationship, not an entity.
function isPlaceCompound(tokens: readonly string[]): boolean {
  if (tokens.length !== 1) return false;
  const parts = (tokens[0] ?? "").split(/[-‑]/u);
  if (parts.length < 2) return false;
  return parts.every((p) => lookupKnownName(p)?.kind === "place" || readLexicon(p.toLowerCase()).some((t) => t === "Country" || t === "City"));
}

export function classifySpan(text: string, span: Token[]): SpanMention | null {
  const first = span[0];
  const last = span[span.length - 1];
  if (!first || !last) return null;
  const words = span.map((t) => t.text);
  const stripped = stripTitles(words);
  const strippedLast = (stripped.tokens[stripped.tokens.length - 1] ?? "").toLowerCase();
  // "United Nations General Assembly" holds a title word but names a body, not a person.
  const titleIsPartOfName = stripped.hadTitle && (ORG_WORDS.has(strippedLast) || PLACE_WORDS.has(strippedLast));
  if (titleIsPartOfName) {
    stripped.tokens = words;
    stripped.hadTitle = false;
    stripped.role = null;
  }
  let offset = words.length - stripped.tokens.length;
  let nameTokens = stripped.tokens;
  // A nationality before a personal name is a description ("Ukrainian Andriy Yermak"), but it
  // is part of "Saudi Arabia" or "European Commission".
  while (nameTokens.length > 2 && isDemonym(nameTokens[0] ?? "") && isFirstName(nameTokens[1] ?? "")) {
    nameTokens = nameTokens.slice(1);
    offset++;
  }
  if (isPlaceCompound(nameTokens)) return null;
  while (nameTokens.length > 1 && (nameTokens[0] ?? "").toLowerCase() === "the") {
    nameTokens = nameTokens.slice(1);
    offset++;
  }
  if (nameTokens.length === 0) return null;
  const startToken = span[offset];
  if (!startToken) return null;
  const start = startToken.start;
  const end = last.end;
  const name = nameTokens.join(" ");
  if (nameTokens.length === 1 && lookupKnownName(name) === null && (isDemonym(name) || isCommonWord(name) || name.length < 2)) return null;
  if (lookupKnownName(name) === null && nameTokens.every((t) => isTitleWord(t) || STOPWORDS.has(t.toLowerCase()))) return null;
  const base = { start, end, tokens: nameTokens, knownName: null as string | null };
  if (stripped.hadTitle) return { ...base, role: stripped.role, kind: "person", strong: true };

  const known = lookupKnownName(name);
  if (known) return { ...base, knownName: known.name, role: null, kind: known.kind, strong: true };
  const lower = name.toLowerCase().replace(/[-‑]/g, " ");
  const tags = readLexicon(lower);
  if (tags.some((t) => t === "Country" || t === "City" || t === "Region" || t === "Place")) return { ...base, role: null, kind: "place", strong: true };
  if (tags.some((t) => t === "Organization" || t === "SportsTeam")) return { ...base, role: null, kind: "organization", strong: true };

  const lastWord = (nameTokens[nameTokens.length - 1] ?? "").toLowerCase();
  if (nameTokens.length === 2 && PLACE_PREFIXES.has((nameTokens[0] ?? "").toLowerCase()) && !ORG_WORDS.has(lastWord)) {
    return { ...base, role: null, kind: "place", strong: true };
  }
  if (nameTokens.length > 1 && ORG_WORDS.has(lastWord)) return { ...base, role: null, kind: "organization", strong: true };
  if (nameTokens.length > 1 && PLACE_WORDS.has(lastWord)) return { ...base, role: null, kind: "place", strong: true };
  if (/^\p{Lu}{2,6}$/u.test(name) || /^(?:\p{Lu}\.){2,}$/u.test(name)) return { ...base, role: null, kind: "organization", strong: false };

  const before = text.slice(Math.max(0, start - 40), start);
  const after = text.slice(end, end + 80);
  const lastTags = readLexicon(lastWord);
  const apposition = after.startsWith(",") ? APPOSITION_AFTER.exec(after) : null;
  const role = apposition ? apposition[0].replace(/^,\s+/, "").trim() : null;
  if (nameTokens.length > 1 && nameTokens.length <= 4 && (isFirstName(nameTokens[0] ?? "") || lastTags.includes("LastName"))) {
    return { ...base, role, kind: "person", strong: true };
  }
  const wordBefore = LAST_WORD.exec(before)?.[1] ?? "";
  const titleBefore = PERSON_TITLES.has(normalizeTitleToken(wordBefore));
  if (nameTokens.length <= 4 && (titleBefore || apposition)) {
    const precedingTitle = titleBefore ? wordBefore : null;
    return { ...base, role: role ?? precedingTitle, kind: "person", strong: nameTokens.length > 1 };
  }
  if (nameTokens.length >= 2 && nameTokens.length <= 3 && SPEECH_AFTER.test(after)) {
    return { ...base, role: null, kind: "person", strong: false };
  }
  return { ...base, role: null, kind: null, strong: false };
}
