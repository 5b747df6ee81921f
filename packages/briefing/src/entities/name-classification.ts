// Classification of one candidate name: a person, organisation or place from titles, known
// names, the lexicon, head words ("… Council", "Port …") and the words around it; null when
// the rules cannot tell (the tagger fallback may try later).
import {
  PERSON_TITLES,
  foldName,
  isTitleWord,
  lookupKnownName,
  normalizeTitleToken,
  stripTitles,
} from "./canonical-names";
import {
  ORG_WORDS,
  PLACE_PREFIXES,
  PLACE_WORDS,
  isCommonWord,
  isDemonym,
  isFirstName,
  isMonthName,
  isPersonName,
  readLexicon,
} from "./name-lexicon";
import { lookupPlace } from "./gazetteer";
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
  `^,\\s+(?:the |a |an |his |her |its |their |[\\p{Lu}][\\p{L}\\-]*['’]s )?(?:[\\p{L}.\\-'’]+ ){0,4}?(?:${TITLE_LIST})\\b[^,.;:]{0,40}`,
  "iu",
);
const LAST_WORD = /([\p{L}.\-]+)[\s,]{0,3}$/u;

const ORG_NOUNS =
  "group|company|firm|charity|union|campaign|organi[sz]ation|agency|regulator|watchdog|broadcaster|newspaper|station|network|party|bank|insurer|lender|retailer|airline|operator|start-?up|association|committee|board|club|outlet|publisher|developer|contractor|consortium|alliance|movement|brand|chain|manufacturer|platform|app|website|coalition";
const ORG_BEFORE = new RegExp(
  `\\b(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|rival|local)\\s+(?:[\\p{Ll}-]+\\s+){0,2}?(?:${ORG_NOUNS})\\s+$`,
  "u",
);
// After a comma only nouns no person is called ("Lise Hammar, a crane operator" is a person).
const ORG_APPOSITION_NOUNS =
  "group|company|firm|charity|union|campaign|organi[sz]ation|agency|regulator|watchdog|broadcaster|newspaper|station|network|party|bank|insurer|lender|airline|start-?up|association|committee|board|club|outlet|consortium|alliance|movement|brand|chain|platform|app|website|coalition";
const ORG_AFTER = new RegExp(
  `^(?:,\\s+(?:the|a|an)\\s+(?:[\\p{Ll}-]+\\s+){0,3}?(?:${ORG_APPOSITION_NOUNS})(?=[,.;:]|\\s+(?:that|which|whose|behind|representing|based|founded|run|owned)\\b)|\\s+(?:chief executive|ceo|spokesman|spokeswoman|spokesperson|chairman|chairwoman|boss|shareholders|employees|headquarters)\\b|['’]s\\s+(?:chief executive|ceo|board|shares|shareholders|customers|users|staff|employees|headquarters|spokesman|spokeswoman|spokesperson|servers?|app|website|systems?)\\b)`,
  "u",
);
const PLACE_BEFORE =
  /\b(?:city|town|village|port|harbou?r|county|region|province|district|island|state|capital|suburb|municipality|valley|outskirts|streets|centre|center|mayor|residents|heart|north|south|east|west|northern|southern|eastern|western)\s+of\s+(?:the\s+)?$/iu;
const PLACE_AFTER =
  /^(?:[-‑](?:based|born)\b|['’]s?\s+(?:(?:new|former|deputy|acting)\s+)?(?:mayor|city council|town council|council|town hall|city hall|port|harbou?r|streets|residents|old town|low town|suburbs|outskirts|city centre|waterfront|airport|hospitals?|schools?)\b|,\s+(?:a|the)\s+(?:[\p{Ll}-]+\s+){0,2}?(?:city|town|village|port|county|region|province|district|suburb|island|capital)\b)/iu;
const PLACE_BEFORE_WEAK =
  /\b(?:in|near|outside|across|around|throughout|beyond|into)\s+(?:central\s+|northern\s+|southern\s+|eastern\s+|western\s+|downtown\s+)?$/u;

// "US-Russia" (as in "US-Russia investments") names a relationship, not an entity.
function isPlaceCompound(tokens: readonly string[]): boolean {
  if (tokens.length !== 1) return false;
  const parts = (tokens[0] ?? "").split(/[-‑]/u);
  if (parts.length < 2) return false;
  return parts.every(
    (p) =>
      lookupKnownName(p)?.kind === "place" ||
      readLexicon(p.toLowerCase()).some((t) => t === "Country" || t === "City"),
  );
}

/** Types one span; `outlets` maps folded names of the briefed stories' sources to their names. */
export function classifySpan(
  text: string,
  span: Token[],
  outlets?: ReadonlyMap<string, string>,
): SpanMention | null {
  const first = span[0];
  const last = span[span.length - 1];
  if (!first || !last) return null;
  const words = span.map((t) => t.text);
  const stripped = stripTitles(words);
  const strippedLast = (stripped.tokens[stripped.tokens.length - 1] ?? "").toLowerCase();
  // "United Nations General Assembly" holds a title word but names a body, not a person.
  const titleIsPartOfName =
    stripped.hadTitle && (ORG_WORDS.has(strippedLast) || PLACE_WORDS.has(strippedLast));
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
  if (
    nameTokens.length === 1 &&
    lookupKnownName(name) === null &&
    (isDemonym(name) || isCommonWord(name) || name.length < 2)
  )
    return null;
  if (
    lookupKnownName(name) === null &&
    nameTokens.every((t) => isTitleWord(t) || STOPWORDS.has(t.toLowerCase()))
  )
    return null;
  const base = { start, end, tokens: nameTokens, knownName: null as string | null };
  if (stripped.hadTitle) return { ...base, role: stripped.role, kind: "person", strong: true };

  const known = lookupKnownName(name);
  if (known) return { ...base, knownName: known.name, role: null, kind: known.kind, strong: true };
  const outlet = outlets?.get(foldName(nameTokens));
  if (outlet) return { ...base, knownName: outlet, role: null, kind: "organization", strong: true };
  const firstWord = (nameTokens[0] ?? "").toLowerCase();
  const lastWord = (nameTokens[nameTokens.length - 1] ?? "").toLowerCase();
  // A head word alone ("Union members…", "the Council") is a reference, not a name.
  if (nameTokens.length === 1 && (ORG_WORDS.has(lastWord) || PLACE_WORDS.has(lastWord))) return null;

  const before = text.slice(Math.max(0, start - 60), start);
  const after = text.slice(end, end + 80);
  const apposition = after.startsWith(",") ? APPOSITION_AFTER.exec(after) : null;
  const role = apposition ? apposition[0].replace(/^,\s+/, "").trim() : null;
  const wordBefore = LAST_WORD.exec(before)?.[1] ?? "";
  const titleBefore = PERSON_TITLES.has(normalizeTitleToken(wordBefore));
  // "Odile Farrant from Hesk said": the place after "from" is not the speaker.
  const speaks = SPEECH_AFTER.test(after) && !/\b(?:from|in|of|at|on|near)\s+$/u.test(before);
  // "Kerry from Eastgate said": a personal name introduced by where the person lives.
  const introducedFrom =
    isPersonName(name) && /^\s+from\s+\p{Lu}[^,.;]{0,40}\b(?:said|says|told)\b/u.test(after);

  const place = lookupPlace(name);
  if (place && !(place.alsoPersonName && (titleBefore || apposition !== null || speaks || introducedFrom))) {
    return { ...base, role: null, kind: "place", strong: !place.alsoPersonName };
  }
  const lower = name.toLowerCase().replace(/[-‑]/g, " ");
  const tags = readLexicon(lower);
  if (tags.some((t) => t === "Country" || t === "City" || t === "Region" || t === "Place"))
    return { ...base, role: null, kind: "place", strong: true };
  if (tags.some((t) => t === "Organization" || t === "SportsTeam"))
    return { ...base, role: null, kind: "organization", strong: true };

  // "University of Saltmere", "Port of Saltmere": the head word comes first.
  if (nameTokens.length >= 3 && (nameTokens[1] ?? "").toLowerCase() === "of") {
    if (ORG_WORDS.has(firstWord)) return { ...base, role: null, kind: "organization", strong: true };
    if (PLACE_WORDS.has(firstWord) || PLACE_PREFIXES.has(firstWord))
      return { ...base, role: null, kind: "place", strong: true };
  }
  if (nameTokens.length === 2 && PLACE_PREFIXES.has(firstWord) && !ORG_WORDS.has(lastWord)) {
    return { ...base, role: null, kind: "place", strong: true };
  }
  if (nameTokens.length > 1 && ORG_WORDS.has(lastWord))
    return { ...base, role: null, kind: "organization", strong: true };
  if (nameTokens.length > 1 && PLACE_WORDS.has(lastWord))
    return { ...base, role: null, kind: "place", strong: true };
  if (/^\p{Lu}{2,6}$/u.test(name) || /^(?:\p{Lu}\.){2,}$/u.test(name))
    return { ...base, role: null, kind: "organization", strong: false };

  if (nameTokens.length > 1 && nameTokens.length <= 4 && isFirstName(nameTokens[0] ?? "")) {
    return { ...base, role, kind: "person", strong: true };
  }
  // Invented or unlisted names are typed by the words around them: "the consumer group
  // Fairpay North", "Saltmere's mayor", "the town of Harrowby".
  if (introducedFrom) return { ...base, role: null, kind: "person", strong: false };
  if (ORG_BEFORE.test(before) || (apposition === null && ORG_AFTER.test(after)))
    return { ...base, role: null, kind: "organization", strong: true };
  if (PLACE_BEFORE.test(before) || PLACE_AFTER.test(after))
    return { ...base, role: null, kind: "place", strong: true };
  if (nameTokens.length > 1 && nameTokens.length <= 4 && readLexicon(lastWord).includes("LastName")) {
    return { ...base, role, kind: "person", strong: true };
  }
  if (nameTokens.length <= 4 && (titleBefore || apposition)) {
    const precedingTitle = titleBefore ? wordBefore : null;
    return { ...base, role: role ?? precedingTitle, kind: "person", strong: nameTokens.length > 1 };
  }
  // "Eriksen said": a name the text gives only as one word is still that person.
  if (nameTokens.length <= 3 && speaks) return { ...base, role: null, kind: "person", strong: false };
  if (nameTokens.length <= 2 && !isMonthName(name) && PLACE_BEFORE_WEAK.test(before))
    return { ...base, role: null, kind: "place", strong: false };
  return { ...base, role: null, kind: null, strong: false };
}
