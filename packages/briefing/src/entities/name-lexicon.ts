// The name lexicon: compromise's word tags and its organisation and place head words, with
// our additions, asked by span finding and classification ("is this a first name?").
import nlp from "compromise";
import { lookupKnownName } from "./canonical-names";
import { STOPWORDS } from "../text/text-tokens";
import { memoizeByString } from "../text/bounded-cache";

type LexiconValue = string | string[];
interface CompromiseModel {
  one: { lexicon: Record<string, LexiconValue> };
  two: { orgWords: Record<string, unknown>; placeWords: Record<string, unknown> };
}

const model = nlp.model() as unknown as CompromiseModel;
const LEXICON = model.one.lexicon;
export const ORG_WORDS = new Set([
  ...Object.keys(model.two.orgWords),
  "party",
  "ministry",
  "government",
  "parliament",
  "police",
  "council",
  "forces",
  "army",
  "navy",
  "news",
  "times",
  "post",
  "journal",
  "agency",
  "court",
  "assembly",
  "senate",
  "congress",
  "alliance",
  "coalition",
  "movement",
  "front",
  "dialogue",
  "summit",
  "administration",
  // Outlets and bodies a newsroom names with a head word: "Coastline Radio", "… Transit".
  "tribune",
  "observer",
  "courier",
  "examiner",
  "ledger",
  "wire",
  "bulletin",
  "broadcasting",
  "transit",
  "technologies",
  "campaign",
  "trust",
  "network",
  "initiative",
  "taskforce",
]);
/** Head words that end a company's name ("Corvane Technologies"), so "Corvane" alone is it too. */
export const CORPORATE_SUFFIXES = new Set([
  "technologies",
  "group",
  "inc",
  "ltd",
  "plc",
  "corp",
  "corporation",
  "holdings",
  "company",
  "co",
  "limited",
  "llc",
  "systems",
  "industries",
]);
export const PLACE_WORDS = new Set([
  ...Object.keys(model.two.placeWords),
  "city",
  "county",
  "province",
  "region",
  "district",
  "state",
  "republic",
  "square",
  "street",
]);
// First words that make a place name of what follows ("Port Elling", "Lake Vara").
export const PLACE_PREFIXES = new Set([
  "port",
  "fort",
  "mount",
  "lake",
  "cape",
  "saint",
  "san",
  "santa",
  "sao",
  "isle",
  "upper",
  "lower",
  "north",
  "south",
  "east",
  "west",
]);
export const PROPER_TAGS = new Set([
  "Country",
  "City",
  "Region",
  "Place",
  "Organization",
  "SportsTeam",
  "Person",
  "FirstName",
  "MaleName",
  "FemaleName",
  "LastName",
  "ProperNoun",
]);
export const CONNECTORS = new Set([
  "of",
  "de",
  "da",
  "di",
  "del",
  "della",
  "van",
  "von",
  "der",
  "den",
  "bin",
  "ibn",
  "al",
  "la",
  "le",
  "du",
  "dos",
  "das",
  "for",
  "&",
]);

// Every word of every sentence asks these questions, many times over: each answer is kept
// (the lexicon object is large, so a lookup by a fresh string is slow), and callers only read it.
export const readLexicon: (key: string) => readonly string[] = memoizeByString((key) => {
  const value = LEXICON[key];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
});

export const isCommonWord: (word: string) => boolean = memoizeByString(computeIsCommonWord);

function computeIsCommonWord(word: string): boolean {
  if (/^\p{Lu}{2,}$/u.test(word) && lookupKnownName(word) !== null) return false;
  const lower = word.toLowerCase();
  if (STOPWORDS.has(lower)) return true;
  const tags = readLexicon(lower);
  if (tags.length > 0) return !tags.some((t) => PROPER_TAGS.has(t));
  // Plurals the lexicon lists only in the singular ("Members of the union…").
  const singular = /s$/u.test(lower) && lower.length > 4 ? readLexicon(lower.slice(0, -1)) : [];
  return singular.length > 0 && !singular.some((t) => PROPER_TAGS.has(t));
}

const MONTHS = /^(?:january|february|march|april|may|june|july|august|september|october|november|december)$/u;

export const isDateWord: (word: string) => boolean = memoizeByString((word) => {
  const tags = readLexicon(word.toLowerCase());
  return tags.includes("WeekDay") || tags.includes("Month");
});

/** Month names, some of which are also names ("Theresa May"), so only context rules ask. */
export function isMonthName(word: string): boolean {
  return MONTHS.test(word.toLowerCase());
}
export const isFirstName: (word: string) => boolean = memoizeByString((word) =>
  readLexicon(word.toLowerCase()).some((t) => t === "MaleName" || t === "FemaleName" || t === "FirstName"),
);

export const isDemonym: (word: string) => boolean = memoizeByString(
  (word) => readLexicon(word.toLowerCase()).includes("Demonym") || /^(?:pro|anti)-/i.test(word),
);

/** A personal name in the lexicon (first or last), so a place of that name yields to people context. */
export const isPersonName: (word: string) => boolean = memoizeByString((word) =>
  readLexicon(word.toLowerCase()).some(
    (t) => t === "Person" || t === "FirstName" || t === "MaleName" || t === "FemaleName" || t === "LastName",
  ),
);
