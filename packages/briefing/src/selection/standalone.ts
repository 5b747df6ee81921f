// Does a sentence read correctly with nothing before it? A point is shown alone, so this finds
// what a sentence leans on: a leading connective ("However,"), a pronoun or demonstrative
// subject, a definite reference to something it does not introduce ("The meeting was…"),
// "also"/"too", and time words that point back ("later on", "the next day").
// Pure text rules; the selection stage decides what to do about each (trim, resolve, join, skip).
import { BoundedCache } from "../text/bounded-cache";
import { splitSentences } from "../text/sentences";

export type ContextNeedKind = "pronoun" | "possessive" | "reference" | "also" | "time" | "quote";

export interface ContextNeed {
  kind: ContextNeedKind;
  /** Offsets in the sentence as given (before any trim). */
  start: number;
  end: number;
  word: string;
}

export interface ContextReading {
  /** Characters of leading connectives (with their commas and spaces) to drop. */
  trim: number;
  /** What the sentence still needs an earlier sentence for, once trimmed. */
  needs: ContextNeed[];
}

export interface ReadContextOptions {
  /** Where the sentence names people (offsets in the sentence); without them any capitalised word may be one. */
  personSpans?: ReadonlyArray<{ start: number; end: number }>;
}

// Connectives that only link to what came before; a comma must follow unless marked bare.
const COMMA_CONNECTIVES = [
  "however",
  "separately",
  "in addition",
  "additionally",
  "moreover",
  "furthermore",
  "still",
  "instead",
  "nevertheless",
  "nonetheless",
  "likewise",
  "similarly",
  "indeed",
  "in turn",
  "by contrast",
  "in contrast",
  "on the other hand",
  "even so",
  "regardless",
  "otherwise",
  "thus",
  "therefore",
  "hence",
  "consequently",
  "accordingly",
  "as a result",
  "further",
  "elsewhere",
  "at the same time",
  "in the meantime",
  "meanwhile",
  "earlier",
  "later",
  "previously",
  "besides",
  "of course",
  "in fact",
  "after all",
  "then",
  "also",
  "yet",
  "too",
  "as well",
  "again",
  "finally",
  "lastly",
  "first",
  "second",
  "third",
  "in any case",
  "at any rate",
  "all the same",
  "that said",
  "having said that",
  "what is more",
  "what's more",
];
// "So" only before a clause ("So the council…"), not in "So many came that…".
const BARE_CONNECTIVES = [
  "but",
  "and",
  "yet",
  "so(?=,|\\s+(?:the|a|an|he|she|it|they|we|i|this|that|there|what|if|when|now)\\b)",
  "plus",
  "or",
  "also",
  "meanwhile",
  "separately",
  "then",
  "nevertheless",
  "nonetheless",
  "moreover",
  "furthermore",
  "additionally",
];
const CONNECTIVE_RE = new RegExp(
  `^(?:(?:${COMMA_CONNECTIVES.map(escapeRegExp).join("|")})\\s*,|(?:${BARE_CONNECTIVES.join("|")})\\b(?![-‑’'])(?!\\s+(?:far|long|called|known|much|as|to|that)\\b)\\s*,?)\\s*`,
  "i",
);

// Nouns that, bare after "the" as a subject, point back to something the reader was told about.
const ANAPHORIC_NOUNS = [
  "meeting",
  "meetings",
  "talks",
  "call",
  "calls",
  "visit",
  "trip",
  "deal",
  "agreement",
  "accord",
  "pact",
  "plan",
  "plans",
  "proposal",
  "proposals",
  "claim",
  "claims",
  "move",
  "decision",
  "announcement",
  "statement",
  "remarks",
  "comments",
  "comment",
  "report",
  "letter",
  "bill",
  "vote",
  "measure",
  "measures",
  "ruling",
  "order",
  "lawsuit",
  "case",
  "incident",
  "event",
  "conference",
  "interview",
  "speech",
  "hearing",
  "session",
  "scheme",
  "package",
  "offer",
  "request",
  "demand",
  "demands",
  "change",
  "changes",
  "document",
  "documents",
  "memo",
  "video",
  "post",
  "message",
  "transcript",
  "leak",
  "draft",
  "framework",
  "figure",
  "figures",
  "level",
  "total",
  "number",
  "amount",
  "sum",
  "step",
  "effort",
  "warning",
  "threat",
  "allegation",
  "allegations",
  "accusation",
  "accusations",
  "idea",
  "concept",
  "approach",
  "initiative",
  "bid",
  "sale",
  "purchase",
  "deadline",
  "episode",
  "development",
  "latter",
  "man",
  "men",
  "woman",
  "women",
  "pair",
  "couple",
  "duo",
  "trio",
  "two",
  "three",
  "leaders",
  "sides",
  "suspect",
  "suspects",
  "victim",
  "victims",
  "boy",
  "girl",
  "brothers",
  "sisters",
  "officer",
  "officers",
  "figure",
];
// Words after the noun that say which one is meant ("the meeting between…", "the plan to…").
const RESTRICTIVE = new Set([
  "of",
  "to",
  "for",
  "between",
  "with",
  "by",
  "on",
  "in",
  "at",
  "from",
  "against",
  "that",
  "which",
  "who",
  "whom",
  "whose",
  "over",
  "about",
  "among",
  "involving",
  "into",
  "under",
  "near",
  "after",
  "before",
  "announced",
  "proposed",
  "unveiled",
  "agreed",
  "signed",
  "reached",
  "held",
  "planned",
  "led",
  "backed",
  "brought",
  "filed",
  "published",
  "issued",
  "made",
  "put",
  "set",
  "struck",
  "outlined",
  "presented",
  "drawn",
  "known",
  "called",
  "and",
  "or",
  "behind",
  "where",
  "when",
  "aimed",
  "designed",
  "intended",
  "taking",
  "giving",
  "arrested",
  "charged",
  "named",
  "identified",
  "accused",
  "involved",
  "detained",
  "killed",
  "injured",
  "convicted",
]);
const TIME_NOUNS = new Set([
  "week",
  "month",
  "year",
  "morning",
  "afternoon",
  "evening",
  "night",
  "weekend",
  "summer",
  "spring",
  "autumn",
  "fall",
  "winter",
  "season",
  "decade",
  "century",
  "quarter",
  "term",
  "week's",
  "month's",
  "year's",
  "weekend's",
  "week’s",
  "month’s",
  "year’s",
  "weekend’s",
]);
const NUMBER_WORDS = new Set(["two", "three", "four", "five", "six", "both"]);
const PREPOSITIONS =
  "in|at|during|after|following|before|since|under|despite|throughout|from|with|on|of|amid|like|unlike|as part of|for";
const INTRO_PREPOSITION_RE = new RegExp(`^(?:${PREPOSITIONS})\\s+`, "i");
const WEEKDAYS_MONTHS =
  /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december)$/i;

const EXPLETIVE_IT =
  /^it(?:(?:['’]s|(?:\s+\p{L}+ly)?\s+(?:is|was|has been|had been|will be|would be|could be|may be|might be|remains|remained|seems|seemed|appears|appeared|became|becomes|is not|was not|isn['’]t|wasn['’]t))\s+(?:not\s+|also\s+|still\s+|now\s+|yet\s+)?(?:(?:[\p{L}-]+\s+){0,3}?(?:that|whether|if|to|how|when|why|what|who|for)\b|(?:\w+\s+)?(?:raining|snowing|sunny|cold|hot|warm|windy|dark|foggy|cloudy|freezing|wet|dry|late|early|unclear|clear|unknown|possible|impossible|likely|unlikely|expected|understood|thought|believed|reported|estimated|feared|hoped|said|claimed|alleged)\b)|\s+(?:rained|snowed|rains|snows|emerged|remains to be seen)\b|\s+(?:takes|took|cost|costs)\b[^.]*\bto\b)/iu;

const ALSO_RE =
  /\balso\b(?!\s+(?:known|called|referred|named|spelled|spelt|dubbed|nicknamed|styled)\b)(?!-)/giu;
const TOO_RE = /(?:,\s*too\b|\btoo(?=\s*[.!?;]?["”’]?\s*$))/giu;
// Every TIME_RE match holds one of these words (a cheap test before the scan).
const TIME_WORDS = [
  "later",
  "next",
  "following",
  "day",
  "previous",
  "night",
  "morning",
  "afternoon",
  "evening",
  "shortly",
  "after",
  "since",
];
const TIME_RE =
  /\b(?:later on|later that (?:day|night|morning|afternoon|evening|week|month|year)|the (?:next|following) (?:day|morning|afternoon|evening|night|week)|the day before|the previous (?:day|night|week)|(?:that|the same) (?:day|night|morning|afternoon|evening)|(?:minutes|hours|days|weeks|months) later|shortly (?:afterwards?|after that|thereafter)|soon (?:afterwards?|after that)|afterwards|thereafter|(?:has|have|had) since|since(?=\s*[.,;]))\b/giu;
// "there" as a place ("the record there"), not the "there is" that introduces something.
const EXISTENTIAL_RE =
  /^there\s+(?:is|are|was|were|has|have|had|will|would|could|can|may|might|must|should|seems?|seemed|appears?|appeared|remains?|remained|being|be|exists?|existed|came|comes|followed|follows|used|isn|wasn|aren|weren|hasn|haven|hadn|won|wouldn|couldn|did|does|do)\b|^there['’]s\b/iu;
const CLAUSE_OPENERS = new Set([
  "that",
  "and",
  "but",
  "because",
  "if",
  "when",
  "while",
  "as",
  "so",
  "since",
  "where",
  "although",
  "though",
  "whether",
  "unless",
  "until",
  "before",
  "after",
  "once",
  "then",
  "now",
  "yet",
  "or",
  "nor",
  "whereas",
  "how",
  "why",
  "what",
  "said",
  "says",
  "say",
  "added",
  "insisted",
  "argued",
  "suggested",
  "claimed",
  "admitted",
  "confirmed",
  "reported",
  "found",
  "showed",
  "shows",
  "likely",
  "unlikely",
  "clear",
  "sure",
  "hope",
  "hopes",
  "hoped",
  "expect",
  "expects",
  "expected",
  "fear",
  "fears",
  "feared",
  "warned",
  "think",
  "thinks",
  "thought",
  "believe",
  "believes",
  "believed",
  "know",
  "knew",
  "noted",
  "means",
  "meant",
  "ensure",
  "given",
  "whereby",
  "which",
  "who",
]);
const OPENING_TIME_RE =
  /^(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|a few|\d+)\s+(?:minute|minutes|hour|hours|day|days|week|weeks|month|months|year|years)\s+(?:earlier|later|before|after(?:wards)?)\b/i;

// The same sentences are read for points, timeline entries and disagreements, and again on
// every rebuild: a reading depends only on the text and the name spans given.
const READING_CACHE = new BoundedCache<ContextReading>(20_000);

/** Reads what a sentence leans on; offsets are in `text`. */
export function readContext(text: string, options: ReadContextOptions = {}): ContextReading {
  const spans = options.personSpans;
  const key = `${spans ? spans.map((s) => `${s.start},${s.end}`).join(";") : "-"}\u0000${text}`;
  let reading = READING_CACHE.get(key);
  if (reading === undefined) {
    reading = readSentence(text, options);
    READING_CACHE.set(key, reading);
  }
  return { trim: reading.trim, needs: reading.needs.map((n) => ({ ...n })) };
}

function readSentence(text: string, options: ReadContextOptions): ContextReading {
  let trim = 0;
  for (let i = 0; i < 4; i++) {
    const m = CONNECTIVE_RE.exec(text.slice(trim));
    if (!m || m[0].length === 0) break;
    // "But" before nothing (or punctuation only) is not an opener to drop.
    if (!/[\p{L}\p{N}“"‘']/u.test(text.slice(trim + m[0].length, trim + m[0].length + 1))) break;
    trim += m[0].length;
  }
  const rest = text.slice(trim);
  const needs: ContextNeed[] = [];
  const add = (kind: ContextNeedKind, start: number, word: string): void => {
    needs.push({ kind, start: trim + start, end: trim + start + word.length, word });
  };
  // Most sentences hold no quotation mark: nothing to mask then.
  const quoted = rest.includes("“") || rest.includes('"') ? maskQuotes(rest) : null;
  const outside = (index: number): boolean => quoted === null || !quoted[index];

  const quote = readOpeningQuote(rest);
  if (quote) {
    const after = rest.slice(quote.end);
    if (/^[\s,.;:!?—–-]*$/u.test(after)) add("quote", 0, rest.trim());
    const pronoun = /^([,.!?]?["”’]?\s*[—–-]?\s*)(he|she|they|we)\b(?=\s+\p{Ll})/iu.exec(after);
    if (pronoun?.[2]) add("pronoun", quote.end + (pronoun[1]?.length ?? 0), pronoun[2]);
  } else {
    readOpener(
      rest,
      options.personSpans?.map((s) => ({ start: s.start - trim, end: s.end - trim })) ?? null,
      add,
    );
  }
  // Each scan below runs only when a word it needs is in the sentence. The scans ignore case
  // the Unicode way, which reads "ſ" (long s) as "s": a sentence holding one is always scanned.
  const lower = rest.toLowerCase();
  const folds = rest.includes("ſ");
  const mayHold = (...words: string[]): boolean => folds || words.some((w) => lower.includes(w));
  if (mayHold("also"))
    for (const m of rest.matchAll(ALSO_RE)) {
      // "but also", "and also" join two things the sentence itself says.
      if (!outside(m.index) || /\b(?:but|and)\s+$/i.test(rest.slice(Math.max(0, m.index - 5), m.index)))
        continue;
      add("also", m.index, m[0]);
    }
  if (mayHold("too")) for (const m of rest.matchAll(TOO_RE)) if (outside(m.index)) add("also", m.index, m[0]);
  if (mayHold(...TIME_WORDS))
    for (const m of rest.matchAll(TIME_RE)) if (outside(m.index)) add("time", m.index, m[0]);
  if (mayHold("there"))
    for (const m of rest.matchAll(/\bthere\b/giu)) {
      const before = /([\p{L}’']+)[\s,]*$/u.exec(rest.slice(0, m.index))?.[1]?.toLowerCase();
      const existential =
        before === undefined || /,\s*$/.test(rest.slice(0, m.index)) || CLAUSE_OPENERS.has(before);
      if (outside(m.index) && !(existential && EXISTENTIAL_RE.test(rest.slice(m.index))))
        add("reference", m.index, m[0]);
    }
  const opening = OPENING_TIME_RE.exec(rest);
  if (opening) add("time", 0, opening[0]);
  needs.sort((a, b) => a.start - b.start || a.end - b.end);
  return { trim, needs };
}

/**
 * Does a shown sentence (a point or overview sentence as the reader sees it) lean on context?
 * Bracketed words are ours and already resolve what they replace. Only the first sentence is
 * judged: a joined point's second sentence leans on its first, which is the point of the join.
 */
export function leansOnContext(shown: string): boolean {
  const first = splitSentences(shown)[0]?.text ?? shown;
  const reading = readContext(first);
  return reading.trim > 0 || reading.needs.length > 0;
}

/** The sentence with its leading connective dropped and the new first letter capitalised. */
export function trimConnective(text: string, trim: number): string {
  const rest = text.slice(trim);
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}

/**
 * Is `shown` exactly `source`, apart from words in square brackets that stand in for a few
 * source characters (the newsroom convention: "[Trump] said…" for "He said…") and the case of
 * the first letter (a trimmed connective leaves a lowercase start)? Brackets present in the
 * source itself still match, as their own text.
 */
export function isFaithfulExcerpt(shown: string, source: string): boolean {
  if (shown === source) return true;
  const pieces = shown.split(/\[[^\]\n]{1,80}\]/u);
  if (pieces.length === 1)
    return (
      shown.length === source.length &&
      shown.slice(1) === source.slice(1) &&
      shown.charAt(0).toLowerCase() === source.charAt(0).toLowerCase()
    );
  const first = pieces[0] ?? "";
  const firstPattern =
    first === ""
      ? ""
      : `[${escapeClass(first.charAt(0).toLowerCase())}${escapeClass(first.charAt(0).toUpperCase())}]${escapeRegExp(first.slice(1))}`;
  const pattern = [firstPattern, ...pieces.slice(1).map(escapeRegExp)].join("[^]{1,40}?");
  return new RegExp(`^${pattern}$`, "u").test(source);
}

type AddNeed = (kind: ContextNeedKind, start: number, word: string) => void;

function readOpener(
  rest: string,
  personSpans: ReadonlyArray<{ start: number; end: number }> | null,
  add: AddNeed,
): void {
  // "He’s", "It's": the pronoun is the part before the apostrophe.
  const first = /^[\p{L}]+/u.exec(rest)?.[0] ?? "";
  const lower = first.toLowerCase();
  const next = /^[\p{L}’']+\s+([\p{L}\p{N}’'-]+)/u.exec(rest)?.[1] ?? "";
  if (/^(?:he|she|they|we)$/.test(lower)) return add("pronoun", 0, first);
  if (lower === "it") {
    if (!EXPLETIVE_IT.test(rest)) add("pronoun", 0, first);
    return;
  }
  if (/^(?:his|her|their|its)$/.test(lower)) return add("possessive", 0, first);
  if (/^(?:this|that|these|those)$/.test(lower)) {
    if (!TIME_NOUNS.has(next.toLowerCase())) add("reference", 0, first);
    return;
  }
  if (/^(?:such|another)$/.test(lower)) return add("reference", 0, first);
  if (lower === "both" && /^\p{Ll}/u.test(next)) return add("reference", 0, `${first} ${next}`);

  const definite = readDefiniteReference(rest);
  if (definite) return add("reference", definite.start, definite.word);
  const intro = INTRO_PREPOSITION_RE.exec(rest);
  if (intro) {
    const inner = readDefiniteReference(rest.slice(intro[0].length));
    if (inner && inner.start === 0) return add("reference", intro[0].length, inner.word);
  }

  // A demonstrative after a preposition in the opening phrase: "Building on that sense of momentum, …".
  const lowerRest = rest.toLowerCase();
  const demonstrative =
    !rest.includes("ſ") && !["this", "that", "these", "those"].some((w) => lowerRest.includes(w))
      ? null
      : /^[^,“”"]{0,80}?\b(?:on|in|at|of|by|after|with|for|from|despite|during|under|amid|following|before|since|to)\s+(this|that|these|those)\s+([\p{Ll}][\p{L}’'-]*)/iu.exec(
          rest,
        );
  if (
    demonstrative?.[1] !== undefined &&
    demonstrative[2] !== undefined &&
    !TIME_NOUNS.has(demonstrative[2].toLowerCase()) &&
    !/^(?:the|a|an|he|she|it|they|we|his|her|their|its|there|is|was)$/i.test(demonstrative[2])
  ) {
    const at = demonstrative[0].length - demonstrative[2].length - 1 - demonstrative[1].length;
    return add("reference", at, demonstrative[1]);
  }

  // An introductory phrase, then a pronoun subject: "Taking to his platform later on, he said…".
  const lead = /^([^,“”"]{2,120}?),\s+(?:[—–-]\s*)?(he|she|they|it)\b(?=\s+\p{Ll})/iu.exec(rest);
  if (lead?.[1] !== undefined && lead[2] !== undefined) {
    const introText = lead[1];
    const pronounAt = lead[0].length - lead[2].length;
    if (lead[2].toLowerCase() === "it" && EXPLETIVE_IT.test(rest.slice(pronounAt))) return;
    if (!namesSomeone(introText, personSpans)) add("pronoun", pronounAt, lead[2]);
  }
}

// "The meeting was…", "The video meeting, on…", "The two men…", "The plan’s critics…".
function readDefiniteReference(text: string): { start: number; word: string } | null {
  const m = /^[Tt]he\s+([\p{Ll}][\p{Ll}-]*)(?:\s+([\p{Ll}]+))?/u.exec(text);
  if (!m?.[1]) return null;
  const w1 = m[1];
  const w2 = m[2];
  // Either "the NOUN …" or "the MODIFIER NOUN …" (one lowercase word, no digits: not "the 40-year-old driver").
  const parses: Array<{ modifier: string | null; noun: string }> = [{ modifier: null, noun: w1 }];
  if (w2 !== undefined) parses.push({ modifier: w1, noun: w2 });
  for (const { modifier, noun } of parses) {
    // "The two met…", "The two countries…": a counted group the reader was told about.
    const counted = modifier !== null ? NUMBER_WORDS.has(modifier) : NUMBER_WORDS.has(noun);
    if (!ANAPHORIC_NOUNS.includes(noun) && !counted) continue;
    if (modifier !== null && !counted && RESTRICTIVE.has(modifier)) continue;
    const headEnd =
      text.indexOf(noun, modifier === null ? 4 : text.indexOf(modifier) + modifier.length) + noun.length;
    const head = text.slice(0, headEnd);
    const after = text.slice(headEnd);
    if (/^\p{L}/u.test(after)) continue;
    if (/^['’]s\b/u.test(after)) return { start: 0, word: head };
    if (/^\s*(?:,|[–—]|-\s|$)/u.test(after)) return { start: 0, word: head };
    const followingWord = /^\s+([\p{L}’']+)/u.exec(after)?.[1] ?? "";
    // "The gypsy woman Maleva…": the name that follows says who.
    if (/^\p{Lu}/u.test(followingWord)) return null;
    const following = followingWord.toLowerCase();
    if (following === "" || !RESTRICTIVE.has(following)) {
      // A noun followed by another noun is a modifier ("the plan vote"): try the longer parse.
      if (modifier === null && w2 !== undefined && ANAPHORIC_NOUNS.includes(w2)) continue;
      return { start: 0, word: head };
    }
    return null;
  }
  return null;
}

function namesSomeone(
  intro: string,
  personSpans: ReadonlyArray<{ start: number; end: number }> | null,
): boolean {
  if (personSpans) return personSpans.some((s) => s.start >= 0 && s.start < intro.length);
  // Without name spans, any capitalised word past the first that is not a day, a month or
  // a name owned by a pronoun ("his Truth Social platform") may name the antecedent.
  const words = [...intro.matchAll(/[\p{L}’'-]+/gu)];
  for (let i = 1; i < words.length; i++) {
    const w = words[i]?.[0] ?? "";
    if (!/^\p{Lu}/u.test(w) || WEEKDAYS_MONTHS.test(w)) continue;
    const before = words[i - 1]?.[0] ?? "";
    // Owned or placed names ("his Truth Social platform", "in Kellsford") are not people;
    // the later words of a name were judged with its first.
    if (
      /^(?:his|her|their|its|the|a|an|in|at|from|to|near|across|outside|inside|of|on)$/i.test(before) ||
      (i > 1 && /^\p{Lu}/u.test(before))
    )
      continue;
    return true;
  }
  return false;
}

// Marks characters inside quotation marks (the speaker's words, not the writer's).
function maskQuotes(text: string): boolean[] {
  const mask = new Array<boolean>(text.length).fill(false);
  let open: number | null = null;
  let straight = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (open === null && (c === "“" || (c === '"' && !straight))) {
      open = i;
      straight = c === '"';
    } else if (open !== null && ((c === "”" && !straight) || (c === '"' && straight))) {
      for (let j = open; j <= i; j++) mask[j] = true;
      open = null;
      straight = false;
    }
  }
  return mask;
}

function readOpeningQuote(text: string): { end: number } | null {
  const c = text.charAt(0);
  if (c === "“") {
    const end = text.indexOf("”", 1);
    return end > 0 ? { end: end + 1 } : null;
  }
  if (c === '"') {
    const end = text.indexOf('"', 1);
    return end > 0 ? { end: end + 1 } : null;
  }
  if (c === "‘" || c === "'") {
    const close = c === "‘" ? "’" : "'";
    for (let i = text.indexOf(close, 1); i > 0; i = text.indexOf(close, i + 1)) {
      if (/^(?:[\s,.;:!?]|$)/u.test(text.slice(i + 1, i + 2))) return { end: i + 1 };
    }
  }
  return null;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function escapeClass(s: string): string {
  return s.replace(/[\]\\^-]/g, "\\$&");
}
