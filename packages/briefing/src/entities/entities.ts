// Finds mentions of people, organisations and places in prose sentences. Capitalised spans
// are found and classified by our own rules (titles, appositions, speech verbs, compromise's
// lexicon) in linear time; only names the rules cannot place go through compromise's full
// tagger, on a bounded number of sentences, because the tagger costs ~15 ms per story.
import nlp from "compromise";
import {
  PERSON_TITLES,
  foldName,
  foldNameToken,
  isTitleWord,
  lookupKnownName,
  normalizeTitleToken,
  stripTitles,
} from "./canonical-names";
import { BoundedCache } from "../text/bounded-cache";
import type { PreparedStory } from "../text/prepared-stories";
import { STOPWORDS } from "../text/text-tokens";
import type { EntityKind } from "../types";

export interface EntityMention {
  storyId: string;
  sentenceIndex: number;
  /** Body offsets of the name (title and possessive excluded). */
  start: number;
  end: number;
  tokens: string[];
  role: string | null;
  kind: EntityKind | null;
  /** True when the kind came from strong evidence (title, first name, known list). */
  strong: boolean;
  /** Canonical name from the known-names table, when the name is one. */
  knownName: string | null;
  /** Sentence text between this name and the next name in the sentence (alias links). */
  between: string | null;
}

interface Token {
  text: string;
  start: number;
  end: number;
  possessive: boolean;
}

type LexiconValue = string | string[];
interface CompromiseModel {
  one: { lexicon: Record<string, LexiconValue> };
  two: { orgWords: Record<string, unknown>; placeWords: Record<string, unknown> };
}

const model = nlp.model() as unknown as CompromiseModel;
const LEXICON = model.one.lexicon;
const ORG_WORDS = new Set([
  ...Object.keys(model.two.orgWords),
  "party", "ministry", "government", "parliament", "police", "council", "forces", "army", "navy",
  "news", "times", "post", "journal", "agency", "court", "assembly", "senate", "congress",
  "alliance", "coalition", "movement", "front", "dialogue", "summit", "administration",
]);
const PLACE_WORDS = new Set([...Object.keys(model.two.placeWords), "city", "county", "province", "region", "district", "state", "republic", "square", "street"]);
// First words that make a place name of what follows ("Port Elling", "Lake Vara").
const PLACE_PREFIXES = new Set(["port", "fort", "mount", "lake", "cape", "saint", "san", "santa", "sao", "isle", "upper", "lower", "north", "south", "east", "west"]);
const PROPER_TAGS = new Set(["Country", "City", "Region", "Place", "Organization", "SportsTeam", "Person", "FirstName", "MaleName", "FemaleName", "LastName", "ProperNoun"]);
const CONNECTORS = new Set(["of", "de", "da", "di", "del", "della", "van", "von", "der", "den", "bin", "ibn", "al", "la", "le", "du", "dos", "das", "for", "&"]);
const SPEECH_AFTER =
  /^\s+(?:has |had |also |later |then )?(?:said|says|told|added|warned|wrote|asked|argued|explained|noted|stated|insisted|tweeted|posted|announced|claimed|replied|responded|urged|admitted|conceded|acknowledged|recalled)\b/u;
const TITLE_LIST = [...PERSON_TITLES].join("|");
const APPOSITION_AFTER = new RegExp(
  `^,\\s+(?:the |a |an |his |her |its |their |[\\p{Lu}][\\p{L}\\-]*['’]s )?(?:[\\p{L}.\\-]+ ){0,4}?(?:${TITLE_LIST})\\b[^,.;:]{0,40}`,
  "iu",
);
const LAST_WORD = /([\p{L}.\-]+)[\s,]{0,3}$/u;

function readLexicon(key: string): string[] {
  const value = LEXICON[key];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** Extracts and classifies every name mention in the prose sentences of the stories. */
export function extractMentions(stories: readonly PreparedStory[], nerSentenceBudget: number): { mentions: EntityMention[]; budgetExhausted: boolean } {
  const mentions: EntityMention[] = [];
  for (const story of stories) {
    for (const sentence of story.sentences) {
      if (!sentence.prose) continue;
      const local = findSentenceMentions(sentence.text);
      local.forEach((mention, i) => {
        const next = local[i + 1];
        const between = next && next.start - mention.end < 60 ? sentence.text.slice(mention.end, next.start) : null;
        mentions.push({ ...mention, between, storyId: story.id, sentenceIndex: sentence.index, start: sentence.start + mention.start, end: sentence.start + mention.end });
      });
    }
  }
  resolveByKnownPeople(mentions);
  const budgetExhausted = classifyWithTagger(stories, mentions, nerSentenceBudget);
  resolveByKnownPeople(mentions);
  return { mentions: mentions.filter((m) => m.kind !== null), budgetExhausted };
}

type LocalMention = Omit<EntityMention, "storyId" | "sentenceIndex" | "between">;

/** Name mentions in one sentence, offsets relative to the sentence. */
export function findSentenceMentions(text: string): LocalMention[] {
  const out: LocalMention[] = [];
  for (const span of findCapitalizedSpans(text)) {
    const mention = classifySpan(text, span);
    if (mention) out.push(mention);
  }
  return out;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}][\p{L}\p{M}\p{N}'’.&\-‑]*/gu)) {
    let word = m[0];
    const start = m.index;
    let possessive = false;
    if (/^(?:\p{L}\.){2,}$/u.test(word)) {
      // Dotted acronym such as "U.S." keeps its dots.
    } else if (/\.$/.test(word) && isTitleWord(word)) {
      word = word.replace(/\.+$/, "");
    } else {
      word = word.replace(/[.\-‑]+$/, "");
    }
    if (/['’]s$/u.test(word)) {
      word = word.slice(0, -2);
      possessive = true;
    } else if (/s['’]$/u.test(word)) {
      word = word.slice(0, -1);
      possessive = true;
    } else {
      word = word.replace(/['’]+$/u, "");
    }
    if (word === "") continue;
    tokens.push({ text: word, start, end: start + word.length, possessive });
  }
  return tokens;
}

function isCapitalized(word: string): boolean {
  const c = word.charAt(0);
  if (c !== c.toLowerCase()) return c === c.toUpperCase();
  // Arabic article prefixes ("al-Sharaa") are written lowercase inside names.
  return (c === "a" || c === "e" || c === "u") && /^(?:al|el|ad|as|ash|at|az|ul)-\p{L}{2}/u.test(word);
}

function isSentenceInitial(text: string, at: number): boolean {
  return /^[\s"“‘'(\[—–-]*$/u.test(text.slice(0, at)) || /[:;—–]\s*[“"‘']?\s*$/u.test(text.slice(Math.max(0, at - 4), at));
}

function isCommonWord(word: string): boolean {
  if (/^\p{Lu}{2,}$/u.test(word) && lookupKnownName(word) !== null) return false;
  const lower = word.toLowerCase();
  if (STOPWORDS.has(lower)) return true;
  const tags = readLexicon(lower);
  return tags.length > 0 && !tags.some((t) => PROPER_TAGS.has(t));
}

function isDateWord(word: string): boolean {
  const tags = readLexicon(word.toLowerCase());
  return tags.includes("WeekDay") || tags.includes("Month");
}

// "US-Russia" (as in "US-Russia investments") names a relationship, not an entity.
function isPlaceCompound(tokens: readonly string[]): boolean {
  if (tokens.length !== 1) return false;
  const parts = (tokens[0] ?? "").split(/[-‑]/u);
  if (parts.length < 2) return false;
  return parts.every((p) => lookupKnownName(p)?.kind === "place" || readLexicon(p.toLowerCase()).some((t) => t === "Country" || t === "City"));
}

function isFirstName(word: string): boolean {
  return readLexicon(word.toLowerCase()).some((t) => t === "MaleName" || t === "FemaleName" || t === "FirstName");
}

function isDemonym(word: string): boolean {
  return readLexicon(word.toLowerCase()).includes("Demonym") || /^(?:pro|anti)-/i.test(word);
}

// "United States", "New Zealand": a common first word that opens a known multi-word name.
function startsKnownName(token: Token, next: Token | undefined): boolean {
  if (!next || !isCapitalized(next.text) || STOPWORDS.has(token.text.toLowerCase())) return false;
  if (PLACE_PREFIXES.has(token.text.toLowerCase())) return true;
  const pair = `${token.text} ${next.text}`;
  return lookupKnownName(pair) !== null || readLexicon(pair.toLowerCase()).some((t) => PROPER_TAGS.has(t));
}

function findCapitalizedSpans(text: string): Token[][] {
  const tokens = tokenize(text);
  const spans: Token[][] = [];
  let current: Token[] = [];
  const flush = (): void => {
    while (current.length > 0 && CONNECTORS.has((current[current.length - 1]?.text ?? "").toLowerCase())) current.pop();
    if (current.length > 0) spans.push(current);
    current = [];
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (!token) continue;
    const previous = current[current.length - 1];
    const joined = previous !== undefined && !previous.possessive && /^[ \u00a0]$/u.test(text.slice(previous.end, token.start));
    if (!joined) flush();
    const lower = token.text.toLowerCase();
    if (isCapitalized(token.text) && !isDateWord(token.text) && !/^\p{N}/u.test(token.text)) {
      if (current.length === 0 && isSentenceInitial(text, token.start) && isCommonWord(token.text) && !isTitleWord(token.text) && !startsKnownName(token, tokens[i + 1])) continue;
      current.push(token);
    } else if (current.length > 0 && (CONNECTORS.has(lower) || (lower === "the" && previous?.text.toLowerCase() === "of"))) {
      const next = tokens[i + 1];
      const afterNext = tokens[i + 2];
      const plainGap = (a: Token, b: Token): boolean => /^[ \u00a0]$/u.test(text.slice(a.end, b.start));
      const continues =
        next !== undefined &&
        plainGap(token, next) &&
        (isCapitalized(next.text) ||
          (lower === "of" && next.text === "the" && afterNext !== undefined && isCapitalized(afterNext.text) && plainGap(next, afterNext)));
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

function classifySpan(text: string, span: Token[]): LocalMention | null {
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

// Surname-only and other unclassified mentions that match a person named in full elsewhere
// ("Lavrov said" after "Sergei Lavrov") are that person; the same story wins over others.
function resolveByKnownPeople(mentions: EntityMention[]): void {
  const byStory = new Map<string, Set<string>>();
  const global = new Set<string>();
  for (const m of mentions) {
    if (m.kind !== "person" || m.tokens.length < 2) continue;
    let set = byStory.get(m.storyId);
    if (!set) byStory.set(m.storyId, (set = new Set()));
    for (const t of m.tokens) {
      const key = foldNameToken(t);
      if (key.length < 3 || CONNECTORS.has(key)) continue;
      set.add(key);
      global.add(key);
    }
  }
  // And the reverse: "Bashar al-Assad" named once is the person already known as "Assad".
  const surnames = new Set<string>();
  for (const m of mentions) {
    if (m.kind === "person") surnames.add(foldNameToken(m.tokens[m.tokens.length - 1] ?? ""));
  }
  for (const m of mentions) {
    if (m.kind !== null) continue;
    const keys = m.tokens.map(foldNameToken);
    const local = byStory.get(m.storyId);
    const last = keys[keys.length - 1] ?? "";
    if (keys.every((k) => local?.has(k) ?? false) || keys.every((k) => global.has(k)) || (keys.length >= 2 && keys.length <= 4 && last.length >= 3 && surnames.has(last))) {
      m.kind = "person";
    }
  }
}

// Runs compromise once over short windows around the first mention of each still-unknown
// name, most frequent names first, up to the budget. Returns true when names were left
// unclassified for lack of budget.
function classifyWithTagger(stories: readonly PreparedStory[], mentions: EntityMention[], budget: number): boolean {
  const pending = new Map<string, EntityMention[]>();
  for (const m of mentions) {
    if (m.kind !== null) continue;
    const key = foldName(m.tokens);
    const list = pending.get(key);
    if (list) list.push(m);
    else pending.set(key, [m]);
  }
  if (pending.size === 0) return false;
  // Names seen once are rarely what a briefing lists, and the tagger costs ~30 µs a character:
  // only repeated names are worth it.
  const order = [...pending.entries()]
    .filter(([, group]) => group.length >= 2)
    .sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1));
  const chosen = order.slice(0, Math.max(0, budget));
  const storyById = new Map(stories.map((s) => [s.id, s]));
  // Windows of a few words around each name are enough context and keep the tagger cheap;
  // one tagger call over all windows avoids its per-call set-up cost.
  const windows: Array<{ group: EntityMention[]; first: EntityMention; bodyFrom: number }> = [];
  const parts: string[] = [];
  for (const [, group] of chosen) {
    const first = group[0];
    const story = first ? storyById.get(first.storyId) : undefined;
    const sentence = first ? story?.sentences[first.sentenceIndex] : undefined;
    if (!first || !story || !sentence) continue;
    const from = Math.max(sentence.start, story.body.lastIndexOf(" ", Math.max(sentence.start, first.start - TAGGER_WINDOW)));
    const toSpace = story.body.indexOf(" ", Math.min(sentence.end, first.end + TAGGER_WINDOW));
    const to = toSpace < 0 || toSpace > sentence.end ? sentence.end : toSpace;
    const text = story.body.slice(from, to).replace(/\n/g, " ");
    windows.push({ group, first, bodyFrom: from });
    parts.push(text);
  }
  // Windows tagged in an earlier build come from the cache; the rest go through one call.
  const hitsByWindow = windows.map((_, i) => TAGGER_CACHE.get(parts[i] ?? ""));
  const missing = windows.map((_, i) => i).filter((i) => hitsByWindow[i] === undefined);
  if (missing.length > 0) {
    const offsets: number[] = [];
    let at = 0;
    for (const i of missing) {
      offsets.push(at);
      at += (parts[i] ?? "").length + WINDOW_SEPARATOR.length;
    }
    const found = tagText(missing.map((i) => parts[i] ?? "").join(WINDOW_SEPARATOR));
    missing.forEach((i, k) => {
      const from = offsets[k] ?? 0;
      const length = (parts[i] ?? "").length;
      const hits = found.filter((h) => h.start >= from && h.end <= from + length).map((h) => ({ ...h, start: h.start - from, end: h.end - from }));
      hitsByWindow[i] = hits;
      TAGGER_CACHE.set(parts[i] ?? "", hits);
    });
  }
  windows.forEach((window, i) => {
    for (const hit of hitsByWindow[i] ?? []) {
      const start = window.bodyFrom + hit.start;
      const end = window.bodyFrom + hit.end;
      if (window.first.kind === null && start < window.first.end && window.first.start < end) {
        for (const m of window.group) m.kind = hit.kind;
      }
    }
  });
  return order.length > chosen.length;
}

const TAGGER_WINDOW = 30;
const TAGGER_CACHE = new BoundedCache<Array<{ start: number; end: number; kind: EntityKind }>>(20_000);
const WINDOW_SEPARATOR = "\n\n";

function tagText(text: string): Array<{ start: number; end: number; kind: EntityKind }> {
  const doc = nlp(text);
  const out: Array<{ start: number; end: number; kind: EntityKind }> = [];
  const collect = (items: unknown, kind: EntityKind): void => {
    if (!Array.isArray(items)) return;
    for (const item of items) {
      const offset = (item as { offset?: { start?: unknown; length?: unknown } }).offset;
      if (typeof offset?.start !== "number" || typeof offset.length !== "number") continue;
      out.push({ start: offset.start, end: offset.start + offset.length, kind });
    }
  };
  collect(doc.people().json({ offset: true }), "person");
  collect(doc.organizations().json({ offset: true }), "organization");
  collect(doc.places().json({ offset: true }), "place");
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

