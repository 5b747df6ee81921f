// The name lexicon: compromise's word tags and its organisation and place head words, with
// our additions, asked by span finding and classification ("is this a first name?").
import nlp from "compromise";
import { lookupKnownName } from "./canonical-names";
import { STOPWORDS } from "../text/text-tokens";

type LexiconValue = string | string[];
interface CompromiseModel {
  one: { lexicon: Record<string, LexiconValue> };
  two: { orgWords: Record<string, unknown>; placeWords: Record<string, unknown> };
}


const model = nlp.model() as unknown as CompromiseModel;
const LEXICON = model.one.lexicon;
export const ORG_WORDS = new Set([
  ...Object.keys(model.two.orgWords),
  "party", "ministry", "government", "parliament", "police", "council", "forces", "army", "navy",
  "news", "times", "post", "journal", "agency", "court", "assembly", "senate", "congress",
  "alliance", "coalition", "movement", "front", "dialogue", "summit", "administration",
]);
export const PLACE_WORDS = new Set([...Object.keys(model.two.placeWords), "city", "county", "province", "region", "district", "state", "republic", "square", "street"]);
// First words that make a place name of what follows ("Port Elling", "Lake Vara").
export const PLACE_PREFIXES = new Set(["port", "fort", "mount", "lake", "cape", "saint", "san", "santa", "sao", "isle", "upper", "lower", "north", "south", "east", "west"]);
export const PROPER_TAGS = new Set(["Country", "City", "Region", "Place", "Organization", "SportsTeam", "Person", "FirstName", "MaleName", "FemaleName", "LastName", "ProperNoun"]);
export const CONNECTORS = new Set(["of", "de", "da", "di", "del", "della", "van", "von", "der", "den", "bin", "ibn", "al", "la", "le", "du", "dos", "das", "for", "&"]);

export function readLexicon(key: string): string[] {
  const value = LEXICON[key];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

export function isCommonWord(word: string): boolean {
  if (/^\p{Lu}{2,}$/u.test(word) && lookupKnownName(word) !== null) return false;
  const lower = word.toLowerCase();
  if (STOPWORDS.has(lower)) return true;
  const tags = readLexicon(lower);
  return tags.length > 0 && !tags.some((t) => PROPER_TAGS.has(t));
}

export function isDateWord(word: string): boolean {
  const tags = readLexicon(word.toLowerCase());
  return tags.includes("WeekDay") || tags.includes("Month");
}
export function isFirstName(word: string): boolean {
  return readLexicon(word.toLowerCase()).some((t) => t === "MaleName" || t === "FemaleName" || t === "FirstName");
}

export function isDemonym(word: string): boolean {
  return readLexicon(word.toLowerCase()).includes("Demonym") || /^(?:pro|anti)-/i.test(word);
}
