// Finds mentions of people, organisations and places in prose sentences. Capitalised spans
// are found (name-spans) and classified by our own rules (name-classification) in linear
// time; only names the rules cannot place go through the tagger fallback, on a bounded
// number of sentences.
import { foldName, foldNameToken } from "./canonical-names";
import { type SpanMention, classifySpan } from "./name-classification";
import { CONNECTORS, CORPORATE_SUFFIXES } from "./name-lexicon";
import { findCapitalizedSpans } from "./name-spans";
import { classifyWithTagger } from "./tagger-fallback";
import { BoundedCache } from "../text/bounded-cache";
import type { PreparedStory } from "../text/prepared-stories";
import type { EntityKind } from "../types";

/** A classified name in a story; unlike SpanMention, `start`/`end` are body offsets. */
export interface EntityMention extends SpanMention {
  storyId: string;
  sentenceIndex: number;
  /** Sentence text between this name and the next name in the sentence (alias links). */
  between: string | null;
}

/** Extracts and classifies every name mention in the prose sentences of the stories. */
export function extractMentions(
  stories: readonly PreparedStory[],
  nerSentenceBudget: number,
): { mentions: EntityMention[]; budgetExhausted: boolean } {
  const mentions: EntityMention[] = [];
  // The outlets being briefed are organisations wherever the text names them.
  const outlets = new Map<string, string>();
  for (const story of stories) {
    const source = story.source?.trim();
    if (source) outlets.set(foldName(source.replace(/^the\s+/i, "").split(/\s+/)), source);
  }
  for (const story of stories) {
    for (const sentence of story.sentences) {
      if (!sentence.prose) continue;
      // Read from the cache as is: each mention is copied into a new object below.
      const local = readSentenceMentions(sentence.text, outlets);
      local.forEach((mention, i) => {
        const next = local[i + 1];
        const between =
          next && next.start - mention.end < 60 ? sentence.text.slice(mention.end, next.start) : null;
        mentions.push({
          ...mention,
          between,
          storyId: story.id,
          sentenceIndex: sentence.index,
          start: sentence.start + mention.start,
          end: sentence.start + mention.end,
        });
      });
    }
  }
  resolveByKnownPeople(mentions);
  joinCompanyShortNames(mentions);
  shareKinds(mentions);
  const budgetExhausted = classifyWithTagger(stories, mentions, nerSentenceBudget);
  resolveByKnownPeople(mentions);
  const common = findCommonWords(stories);
  const bodyOf = new Map(stories.map((s) => [s.id, s.body]));
  return {
    mentions: mentions.filter(
      (m) => m.kind !== null && !isCommonWordOpener(m, bodyOf.get(m.storyId) ?? "", common),
    ),
    budgetExhausted,
  };
}

// "Growers said…": a capitalised word that opens a sentence and that the same topic's text
// also writes in lower case ("apple growers") is a common word, not a one-word name.
function findCommonWords(stories: readonly PreparedStory[]): Set<string> {
  const words = new Set<string>();
  for (const story of stories)
    for (const word of story.body.match(/(?<![\p{L}'’-])\p{Ll}[\p{Ll}'’-]*/gu) ?? []) words.add(word);
  return words;
}

function isCommonWordOpener(m: EntityMention, body: string, common: ReadonlySet<string>): boolean {
  if (m.tokens.length !== 1) return false;
  const token = m.tokens[0] ?? "";
  if (!common.has(token.toLowerCase())) return false;
  const before = body.slice(Math.max(0, m.start - 3), m.start);
  return m.start === 0 || /(?:^|[.!?:]["”’]?\s+|\n\s*|["“‘]\s*)$/u.test(before) || before.trim() === "";
}

// A sentence's mentions depend only on its text and the outlets being briefed, so a topic
// rebuilt with one new story classifies only that story's sentences again.
const MENTION_CACHE = new BoundedCache<readonly SpanMention[]>(50_000);
const outletKeys = new WeakMap<ReadonlyMap<string, string>, string>();

function keyOfOutlets(outlets: ReadonlyMap<string, string> | undefined): string {
  if (!outlets) return "";
  let key = outletKeys.get(outlets);
  if (key === undefined) {
    key = [...outlets.entries()]
      .map(([folded, name]) => `${folded}\u0001${name}`)
      .sort()
      .join("\u0002");
    outletKeys.set(outlets, key);
  }
  return key;
}

/** Name mentions in one sentence, offsets relative to the sentence (fresh objects the caller may change). */
export function findSentenceMentions(text: string, outlets?: ReadonlyMap<string, string>): SpanMention[] {
  return readSentenceMentions(text, outlets).map((m) => ({ ...m }));
}

/** The cached mentions themselves: the caller must not change them. */
function readSentenceMentions(text: string, outlets?: ReadonlyMap<string, string>): readonly SpanMention[] {
  const key = `${keyOfOutlets(outlets)}\u0000${text}`;
  let found = MENTION_CACHE.get(key);
  if (found === undefined) {
    found = classifySentence(text, outlets);
    MENTION_CACHE.set(key, found);
  }
  return found;
}

function classifySentence(text: string, outlets?: ReadonlyMap<string, string>): SpanMention[] {
  const out: SpanMention[] = [];
  for (const span of findCapitalizedSpans(text)) {
    const mention = classifySpan(text, span, outlets);
    if (!mention) continue;
    // "Washington, DC": a state or district code after a place is part of that place.
    const previous = out[out.length - 1];
    if (
      previous?.kind === "place" &&
      mention.tokens.length === 1 &&
      /^(?:\p{Lu}{2}|(?:\p{Lu}\.){2})$/u.test(mention.tokens[0] ?? "") &&
      /^,?[ \u00a0]$/u.test(text.slice(previous.end, mention.start))
    ) {
      previous.tokens = [...previous.tokens, ...mention.tokens];
      previous.end = mention.end;
      continue;
    }
    out.push(mention);
  }
  return out;
}

// "Corvane" after "Corvane Technologies" is the company: the short name takes the full one
// as its canonical name, so both count as one organisation.
function joinCompanyShortNames(mentions: EntityMention[]): void {
  const full = new Map<string, string>();
  for (const m of mentions) {
    const rest = m.tokens.slice(1);
    if (
      m.kind !== "organization" ||
      rest.length === 0 ||
      !rest.every((t) => CORPORATE_SUFFIXES.has(t.toLowerCase()))
    )
      continue;
    const key = foldNameToken(m.tokens[0] ?? "");
    if (!full.has(key)) full.set(key, m.knownName ?? m.tokens.join(" "));
  }
  for (const m of mentions) {
    if (m.tokens.length !== 1 || (m.kind !== null && m.kind !== "organization" && m.strong)) continue;
    const name = full.get(foldNameToken(m.tokens[0] ?? ""));
    if (!name) continue;
    m.kind = "organization";
    m.knownName = name;
  }
}

// A name typed in one sentence ("the town of Harrowby") is the same kind where the words
// around it say nothing ("Harrowby was evacuated"), before any tagger guess.
function shareKinds(mentions: EntityMention[]): void {
  const votes = new Map<string, Map<EntityKind, number>>();
  for (const m of mentions) {
    if (m.kind === null) continue;
    const key = foldName(m.tokens);
    const v = votes.get(key) ?? new Map<EntityKind, number>();
    v.set(m.kind, (v.get(m.kind) ?? 0) + (m.strong ? 3 : 1));
    votes.set(key, v);
  }
  for (const m of mentions) {
    if (m.kind !== null) continue;
    const v = votes.get(foldName(m.tokens));
    if (!v) continue;
    let best: EntityKind | null = null;
    for (const kind of ["person", "organization", "place"] as const) {
      if ((v.get(kind) ?? 0) > (best ? (v.get(best) ?? 0) : 0)) best = kind;
    }
    m.kind = best;
  }
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
  const surnamesByStory = new Map<string, Set<string>>();
  for (const m of mentions) {
    if (m.kind !== "person" || m.tokens.length < 2) continue;
    const set = surnamesByStory.get(m.storyId) ?? new Set<string>();
    set.add(foldNameToken(m.tokens[m.tokens.length - 1] ?? ""));
    surnamesByStory.set(m.storyId, set);
  }
  for (const m of mentions) {
    // "Jackson" weakly typed as a city, in a story about Ketanji Brown Jackson, is her.
    if (
      m.kind !== null &&
      m.kind !== "person" &&
      !m.strong &&
      m.tokens.length === 1 &&
      surnamesByStory.get(m.storyId)?.has(foldNameToken(m.tokens[0] ?? ""))
    ) {
      m.kind = "person";
      continue;
    }
    if (m.kind !== null) continue;
    const keys = m.tokens.map(foldNameToken);
    const local = byStory.get(m.storyId);
    const last = keys[keys.length - 1] ?? "";
    if (
      keys.every((k) => local?.has(k) ?? false) ||
      keys.every((k) => global.has(k)) ||
      (keys.length >= 2 && keys.length <= 4 && last.length >= 3 && surnames.has(last))
    ) {
      m.kind = "person";
    }
  }
}
