// Headline-style compression, as a sub-editor would write it: from the storyline's most
// central, most supported lead sentence, keep the main clause (subject, verb, object), drop
// attributions, datelines, appositions, subordinate clauses and times, and put the verb in
// headline tense ("Trump will host…" → "Trump to host…", "has opened" → "opens").
import nlp from "compromise";
import { findSentenceMentions } from "../entities/entity-mentions";
import { BoundedCache } from "../text/bounded-cache";
import type { PreparedSentence, PreparedStory } from "../text/prepared-stories";
import { STOPWORDS, getContentStems } from "../text/text-tokens";

export interface CompressedHeadline {
  text: string;
  storyId: string;
}

const WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday";
const MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December";
const TIME_PHRASE = new RegExp(
  `(?:^|\\s+)(?:(?:[Ee]arly|[Ll]ate|[Ss]hortly)\\s+)?(?:(?:[Oo]n|[Bb]y|[Ff]rom|[Uu]ntil|[Ss]ince|[Bb]efore|[Aa]fter)\\s+)?(?:(?:${WEEKDAYS})(?:\\s+(?:night|morning|evening|afternoon))?|\\d{1,2}\\s+(?:${MONTHS})(?:\\s+\\d{4})?|(?:${MONTHS})\\s+\\d{1,2}(?:,?\\s+\\d{4})?|(?:last|this|next)\\s+(?:week|month|year|night|morning|evening)|overnight|yesterday|today|tonight|this morning|last night|midnight|noon|dawn)\\b(?![’']s)`,
  "gu",
);
// Where the main clause ends: what follows is circumstance, not the news.
const CLAUSE_BREAK =
  /\s+(?:after|as|while|because|when|before|since|following|amid|despite|although|though|in what|saying|bringing|leaving|forcing|focusing|including|according to|so that|but|and then)\s+/u;
const LEADING_ADVERBIAL =
  /^(?:(?:early |late |shortly )?(?:on|by|in|at|after|before|late on|early on|earlier|overnight|last|this)\b[^,]{0,40},\s*)/iu;
const LEADING_PARTICIPLE = /^\p{Lu}\p{Ll}+ing\b[^,]{0,80},\s*/u;
const OPENS_WITH_REFERENCE =
  /^(?:That|This|These|Those|It|Its|He|She|They|His|Her|Their|But|And|So|Yet|Also|Meanwhile|However)\b/u;
const REPORTED =
  /^(.{2,70}?)\s+(?:said|says|announced|confirmed|reported|revealed|disclosed)\s+(?:(?:on|late on|early on)\s+\p{Lu}\p{L}+\s+)?(?:that\s+)?(.{12,})$/u;
const SHORT_NAMES: Array<[RegExp, string]> = [
  [/\bUnited States\b/gu, "US"],
  [/\bUnited Kingdom\b/gu, "UK"],
  [/\bUnited Nations\b/gu, "UN"],
  [/\bEuropean Union\b/gu, "EU"],
];

// The same lead sentences are compressed for the labels and the headline of every rebuild.
const HEADLINE_CACHE = new BoundedCache<{ headline: string | null }>(5_000);

/** Compresses one sentence to a headline of at most `maxWords` words, or null when it cannot be. */
export function compressToHeadline(sentence: string, maxWords = 10): string | null {
  const key = `${maxWords}\u0000${sentence}`;
  let cached = HEADLINE_CACHE.get(key);
  if (cached === undefined) {
    cached = { headline: compress(sentence, maxWords) };
    HEADLINE_CACHE.set(key, cached);
  }
  return cached.headline;
}

function compress(sentence: string, maxWords: number): string | null {
  let s = sentence.trim().replace(/\s+/g, " ");
  // A quotation, a sentence in the first or second person, or one that leans on an earlier
  // sentence ("That's…", "It…") is not a fact that stands as a headline.
  if (/^["“‘']/u.test(s) || OPENS_WITH_REFERENCE.test(s)) return null;
  if (/\b(?:I|we|We|you|You|our|Our)\b/u.test(s.replace(/[“"][^”"]*[”"]/gu, ""))) return null;
  s = s.replace(/^\p{Lu}[\p{Lu} .,'’-]{2,}(?:\([^)]*\))?\s*[—–-]\s*/u, "");
  s = s.replace(/\s*\([^)]*\)/gu, "");
  s = s.replace(/[.!?]+["”’]?$/u, "");
  s = s.replace(LEADING_ADVERBIAL, "").replace(LEADING_PARTICIPLE, "");
  s = s.replace(/,?\s+according to [^,]+/gu, "");
  // Appositions and non-restrictive clauses: "Corvane, the company behind Tallypod, said…".
  s = s.replace(
    /,\s+(?:the|a|an|his|her|its|their|who|which|whose|where|\p{Ll}{2,}(?:ed|ing)|\p{Ll}{3,}en)\b[^,]*,/gu,
    "",
  );
  // "X said (that) Y" → Y, and "X said it would…" → "X would…".
  const reported = REPORTED.exec(s);
  if (reported?.[1] && reported[2] && !/[,“"]/u.test(reported[1])) {
    const subject = reported[1];
    const rest = reported[2];
    s = /^(?:it|they|he|she)\s/u.test(rest) ? `${subject} ${rest.replace(/^\S+\s/u, "")}` : rest;
  }
  s = s.replace(/,\s+(?:[^,]{1,60}?)\s+(?:said|says|told\s[^,]+|announced|added)(?:\s+[^,]*)?$/u, "");
  s = cutAtClausePunctuation(s);
  // Times go, except a time that is the subject ("Tuesday saw a flurry of talks").
  s = s
    .replace(TIME_PHRASE, (match, offset: number) =>
      offset === 0 && !/^(?:on|by|from|until|since|before|after|early|late|shortly)\s/iu.test(match)
        ? match
        : "",
    )
    .trim();
  s = shortenPeople(s);
  for (const [pattern, short] of SHORT_NAMES) s = s.replace(pattern, short);
  s = s.replace(/(^|\s)the\s+(?=US\b|UK\b|UN\b|EU\b)/gu, "$1");

  const verb = findMainVerb(s);
  if (!verb) return null;
  let subject = dropArticles(s.slice(0, verb.at).trim(), true);
  const predicate = toHeadlineTense(verb, isPluralSubject(subject));
  let rest = dropArticles(s.slice(verb.at + verb.text.length).trim(), false);
  // A long subject loses its trailing modifiers: "Negotiators for … in Saltmere resume talks".
  if (countWordsIn(subject) > 4 && countWordsIn(`${subject} ${predicate} ${rest}`) > maxWords) {
    subject = /^(.+?)\s+(?:for|of|at|from|in|on|with|by)\s/u.exec(subject)?.[1] ?? subject;
  }
  rest = limitWords(rest, Math.max(maxWords - countWordsIn(subject) - countWordsIn(predicate), 1));
  let out = `${subject} ${predicate}${rest ? ` ${rest}` : ""}`.replace(/[\s,;:—–-]+$/u, "").trim();
  out = out.replace(/(?:\s+(?:and|or|but|of|to|for|in|at|on|by|with|from|\p{Ll}+ly))+$/u, "");
  const words = countWordsIn(out);
  if (words < 3 || words > maxWords) return null;
  return out.charAt(0).toUpperCase() + out.slice(1);
}

/**
 * The storyline's headline: lead sentences ranked by how much of the other stories' titles and
 * leads they carry (support across outlets, centrality); the best few are compressed, and the
 * headline whose own words the titles carry most, favouring the latest reports, wins.
 */
export function writeStorylineHeadline(
  stories: readonly PreparedStory[],
  maxWords = 10,
  skip: ReadonlySet<string> = new Set(),
): CompressedHeadline | null {
  const ranked = rankLeadSentences(stories);
  const summaries = summarizeStories(stories);
  const recency = weighRecency(stories);
  const titlesOnly = summaries.map((summary) => ({
    ...summary,
    lead: new Set<string>(),
    titleAndLead: summary.title,
  }));
  let best: { text: string; storyId: string; score: number } | null = null;
  let tried = 0;
  for (const { story, sentence } of ranked) {
    // Compression costs a tagger call or two: the best few candidates are enough.
    if (tried >= HEADLINE_CANDIDATES && best) break;
    const text = compressToHeadline(sentence.text, maxWords);
    tried++;
    if (!text || skip.has(text.toLowerCase())) continue;
    // What "should", "could" or "may" happen is weaker news than what did.
    const hedged = /\b(?:should|could|may|might)\b/u.test(text) ? 0.7 : 1;
    // The compressed line is judged by the titles: does it say what the sub-editors said?
    const score =
      measureSupport(new Set(getContentStems(text)), titlesOnly, "") *
      (recency.get(story.id) ?? 1) *
      (sentence.proseRank === 0 ? 1.1 : 1) *
      hedged;
    if (!best || score > best.score) best = { text, storyId: story.id, score };
  }
  // Fallback: when the best sentence carries much less of the storyline than a story's own
  // title does ("Two crew members are in hospital" beside "Container ship hits harbour
  // ferry"), the sub-editor's title is the better line.
  const title = chooseTitle(stories, titlesOnly, recency, maxWords, skip);
  if (title && (!best || best.score < TITLE_FALLBACK_RATIO * title.score))
    return { text: title.text, storyId: title.storyId };
  return best ? { text: best.text, storyId: best.storyId } : null;
}

const TITLE_FALLBACK_RATIO = 0.3;

function chooseTitle(
  stories: readonly PreparedStory[],
  summaries: readonly StorySummary[],
  recency: ReadonlyMap<string, number>,
  maxWords: number,
  skip: ReadonlySet<string>,
): { text: string; storyId: string; score: number } | null {
  let best: { text: string; storyId: string; score: number } | null = null;
  for (const story of stories) {
    const text = story.title.replace(/\s+[|–—]\s+[^|–—]{1,60}$/u, "").trim();
    // A title that quotes, asks or teases ("Three options for Line 4, and why…") is not a headline of fact.
    if (
      text === "" ||
      countWordsIn(text) > maxWords + 2 ||
      /[:?“"‘]|\bwhy\b|\bwhat\b|\bhow\b/iu.test(text) ||
      skip.has(text.toLowerCase())
    )
      continue;
    // A title does not vouch for itself: only the other stories' titles count.
    const others = summaries.filter((summary) => summary.storyId !== story.id);
    const score = measureSupport(new Set(story.titleStems), others, story.id) * (recency.get(story.id) ?? 1);
    if (!best || score > best.score || (score === best.score && story.id < best.storyId))
      best = { text, storyId: story.id, score };
  }
  return best;
}

/** Lead-zone sentences (the first two prose sentences of each story), most central first. */
export function rankLeadSentences(
  stories: readonly PreparedStory[],
): Array<{ story: PreparedStory; sentence: PreparedSentence; score: number }> {
  const summaries = summarizeStories(stories);
  const out: Array<{ story: PreparedStory; sentence: PreparedSentence; score: number }> = [];
  for (const story of stories) {
    for (const sentence of story.sentences) {
      if (sentence.proseRank < 0 || sentence.proseRank > 1) continue;
      const stems = new Set(sentence.stems);
      if (stems.size === 0) continue;
      const score = measureSupport(stems, summaries, story.id) * (sentence.proseRank === 0 ? 1.1 : 1);
      out.push({ story, sentence, score });
    }
  }
  return out.sort(
    (a, b) =>
      b.score - a.score ||
      (a.story.id < b.story.id ? -1 : a.story.id > b.story.id ? 1 : a.sentence.index - b.sentence.index),
  );
}

const HEADLINE_CANDIDATES = 10;

interface StorySummary {
  storyId: string;
  title: Set<string>;
  lead: Set<string>;
  /** Title and lead together, made once rather than per sentence compared. */
  titleAndLead: Set<string>;
}

function summarizeStories(stories: readonly PreparedStory[]): StorySummary[] {
  return stories.map((story) => {
    const title = new Set(story.titleStems);
    const lead = new Set(story.sentences.find((s) => s.proseRank === 0)?.stems ?? []);
    return { storyId: story.id, title, lead, titleAndLead: new Set([...title, ...lead]) };
  });
}

// How much of every story's title (and of the other stories' leads) these words carry; a
// sentence's own lead does not vouch for it.
function measureSupport(
  stems: ReadonlySet<string>,
  summaries: readonly StorySummary[],
  ownStoryId: string,
): number {
  if (stems.size === 0) return 0;
  let support = 0;
  for (const summary of summaries) {
    const words =
      summary.storyId === ownStoryId || summary.lead.size === 0 ? summary.title : summary.titleAndLead;
    if (words.size === 0) continue;
    let shared = 0;
    for (const stem of stems) if (words.has(stem)) shared++;
    support += shared / Math.sqrt(words.size);
  }
  return support / Math.sqrt(stems.size);
}

// The latest reports carry the news (the strike has ended, not begun): with dates on every
// story, weight grows with time from 0.2 for the oldest to 1 for the newest.
function weighRecency(stories: readonly PreparedStory[]): Map<string, number> {
  const weights = new Map<string, number>();
  const times = stories.map((s) => s.reference?.getTime() ?? Number.NaN);
  if (stories.length < 2 || times.some((t) => Number.isNaN(t))) return weights;
  const first = Math.min(...times);
  const span = Math.max(...times) - first;
  if (span <= 0) return weights;
  stories.forEach((story, i) => weights.set(story.id, 0.2 + (0.8 * ((times[i] ?? first) - first)) / span));
  return weights;
}

function cutAtClausePunctuation(s: string): string {
  const m = /,(?!\d)|;|:(?!\d)|\s[—–-]\s/u.exec(s);
  return m ? s.slice(0, m.index) : s;
}

function countWordsIn(s: string): number {
  return s.split(/\s+/u).filter(Boolean).length;
}

// Headlines drop articles; "Option A" keeps its letter, so capitals go only at the start.
function dropArticles(s: string, atStart: boolean): string {
  let out = s.replace(/(^|\s)(?:the|a|an)\s+(?=\S)/gu, "$1");
  if (atStart) out = out.replace(/^(?:The|A|An)\s+(?=\S)/u, "");
  return out;
}

// "US President Donald Trump" → "Trump", "Mayor Ilse Brandvold" → "Brandvold".
function shortenPeople(s: string): string {
  const people = findSentenceMentions(s).filter(
    (m) => m.kind === "person" && m.strong && m.tokens.length >= 2,
  );
  let out = s;
  for (const m of people.sort((a, b) => b.start - a.start)) {
    let from = m.start;
    if (m.role) {
      const at = out.lastIndexOf(m.role, m.start);
      if (at >= 0 && out.slice(at + m.role.length, m.start).trim() === "") from = at;
      // Capitalised words that qualify the title go with it ("Harbour Minister …").
      const qualifiers = /(?:^|\s)((?:\p{Lu}[\p{L}.’'-]*\s+)+)$/u.exec(out.slice(0, from));
      if (qualifiers?.[1] && from === at) from -= qualifiers[1].length;
    }
    out = out.slice(0, from) + (m.tokens[m.tokens.length - 1] ?? "") + out.slice(m.end);
  }
  return out;
}

interface MainVerb {
  at: number;
  /** The verb group as written: "has opened", "will host", "walked". */
  text: string;
  /** Auxiliary ("will", "has been", "was") or "" for a simple verb. */
  auxiliary: string;
  /** The lexical verb: "opened", "host", "walked". */
  main: string;
}

interface VerbTransforms {
  toInfinitive: (word: string, model: unknown, tense: string) => string;
  conjugate: (infinitive: string, model: unknown) => { PresentTense?: string };
}

// compromise's conjugation rules and lexicon, without its tagger (~15 ms a call): the verb
// is found by the lexicon and word shape, which is enough for a clause already cut short.
const MODEL = nlp.model();
const VERB = (nlp as unknown as { methods: () => { two: { transform: { verb: VerbTransforms } } } }).methods()
  .two.transform.verb;
const AUXILIARY = /^(?:will|would|shall|is|are|was|were|has|have|had|can|could|may|might|should|must)$/u;
const NOT_VERB_BEFORE =
  /^(?:the|a|an|its|their|his|her|this|these|those|our|my|your|of|to|for|by|with|from|\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|some|many|several|all|both|most|few)$/iu;

function readTags(word: string): string[] {
  const value = (MODEL as unknown as { one: { lexicon: Record<string, string | string[]> } }).one.lexicon[
    word
  ];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

function isPastForm(word: string): boolean {
  const tags = readTags(word);
  if (tags.includes("PastTense") || tags.includes("Participle")) return true;
  if (tags.length > 0 && !tags.some((t) => t === "Verb")) return false;
  return /^\p{Ll}{3,}ed$/u.test(word);
}

// The finite verb of the main clause: not a participle used as an adjective ("Brackenfield's
// planned line"), not inside a relative clause ("the strike that emptied…").
function findMainVerb(s: string): MainVerb | null {
  const words = [...s.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’.%€$£-]*/gu)].map((m) => ({
    text: m[0].replace(/[.]+$/u, ""),
    at: m.index,
  }));
  for (let i = 1; i < words.length; i++) {
    const word = words[i];
    const previous = words[i - 1];
    if (!word || !previous) continue;
    const lower = word.text.toLowerCase();
    if (/^(?:that|who|which|whose)$/u.test(lower)) return null;
    if (
      /^\p{Lu}/u.test(word.text) ||
      NOT_VERB_BEFORE.test(previous.text.toLowerCase()) ||
      /['’]s$/u.test(previous.text)
    )
      continue;
    if (AUXILIARY.test(lower)) {
      // "has been exposed", "will be", "is set to host"
      let j = i + 1;
      while (
        words[j] &&
        /^(?:been|be|being|not|set|due|to|also|now)$/u.test(words[j]?.text.toLowerCase() ?? "")
      )
        j++;
      const main = words[j];
      const aux = s.slice(word.at, main ? main.at : word.at + word.text.length).trim();
      const mainIsVerb =
        main &&
        !/^\p{Lu}/u.test(main.text) &&
        !/^\d/u.test(main.text) &&
        (/^(?:will|would|shall|can|could|may|might|should|must)$/u.test(lower) ||
          isPastForm(main.text.toLowerCase()) ||
          /\p{Ll}{2,}(?:ed|en)$/u.test(main.text) ||
          readTags(main.text.toLowerCase()).some(
            (t) => t === "Infinitive" || t === "Gerund" || t === "Verb",
          ));
      // "have in front", "were full": the auxiliary is the verb.
      if (!main || !mainIsVerb) return { at: word.at, text: word.text, auxiliary: "", main: word.text };
      return {
        at: word.at,
        text: s.slice(word.at, main.at + main.text.length),
        auxiliary: aux,
        main: main.text,
      };
    }
    const tags = readTags(lower);
    // "supports" (the lexicon lists "support"), or a plural subject's "use".
    const thirdPerson =
      /[^s]s$/u.test(lower) &&
      [lower.slice(0, -1), lower.replace(/es$/u, "")].some((stem) => readTags(stem).includes("Infinitive"));
    const present =
      tags.includes("PresentTense") ||
      thirdPerson ||
      (tags.includes("Infinitive") && /[^s]s$/u.test(previous.text));
    // "US firms added…", "customer accounts had been…": a noun right before a verb is the
    // subject's head, not the verb.
    const next = words[i + 1]?.text.toLowerCase() ?? "";
    if (AUXILIARY.test(next) || (isPastForm(next) && !isPastForm(lower))) continue;
    if (isPastForm(lower) || present) return { at: word.at, text: word.text, auxiliary: "", main: word.text };
  }
  return null;
}

// Headline tense: future and "would" → "to", passive → participle, past and perfect → present.
function toHeadlineTense(verb: MainVerb, plural: boolean): string {
  const aux = verb.auxiliary.toLowerCase();
  const main = verb.main;
  if (/^(?:will|would|shall)\b|^(?:is|are)\s+(?:set\s+|due\s+)?to\b/u.test(aux))
    return `to ${/^(?:will|would|shall)\s+be$/u.test(aux) ? "be " : ""}${main}`.replace(
      /^to be be /u,
      "to be ",
    );
  if (/\bbeen$/u.test(aux) || (/^(?:was|were|is|are)$/u.test(aux) && isPastForm(main.toLowerCase())))
    return main;
  if (aux === "" && /^(?:was|were)$/u.test(main.toLowerCase())) return plural ? "are" : "is";
  if (aux === "" && /^(?:has|have|had)$/u.test(main.toLowerCase())) return plural ? "have" : "has";
  const perfect = /^(?:has|have|had)$/u.test(aux);
  if (aux !== "" && !perfect) return verb.text;
  if (!perfect && !isPastForm(main.toLowerCase())) return verb.text;
  const tense = readTags(main.toLowerCase()).includes("Participle") ? "Participle" : "PastTense";
  let infinitive = VERB.toInfinitive(main.toLowerCase(), MODEL, tense);
  if (!infinitive) return verb.text;
  // British doubling: "totalled" → "total", not "totall".
  if (
    /(\p{L})\1$/u.test(infinitive) &&
    readTags(infinitive).length === 0 &&
    readTags(infinitive.slice(0, -1)).length > 0
  )
    infinitive = infinitive.slice(0, -1);
  if (plural) return infinitive;
  return VERB.conjugate(infinitive, MODEL).PresentTense ?? infinitive;
}

// "Negotiators", "Tallypod users", "people" are plural; "Corvane", "The council" are not.
function isPluralSubject(subject: string): boolean {
  const words = subject
    .replace(/\s+(?:of|at|from|for|in|on|by|with|to|over|into|under|among)\s.*$/u, "")
    .replace(/(?:\s+(?:now|still|also|already|\p{Ll}+ly))+$/u, "")
    .split(/\s+/u);
  const head = words[words.length - 1] ?? "";
  if (/^(?:people|police|children|men|women|staff|crew)$/iu.test(head)) return true;
  if (words.length > 1 && /^\p{Lu}/u.test(head)) return false;
  return /[^su]s$/u.test(head) && !STOPWORDS.has(head.toLowerCase());
}

// Over the budget, the trailing clause goes first, then trailing prepositional phrases.
function limitWords(rest: string, budget: number): string {
  let out = rest;
  // Subordinate clauses go whatever the length: "walk off job (after talks collapsed)".
  const clause = CLAUSE_BREAK.exec(out);
  if (clause && countWordsIn(out.slice(0, clause.index)) >= 1) out = out.slice(0, clause.index);
  if (countWordsIn(out) <= budget) return out;
  // "… in hospital and a fuel slick is being contained": a second clause goes whole.
  const second = /\s+and\s+(?=(?:\S+\s+){1,4}(?:is|are|was|were|has|have|had)\s)/u.exec(out);
  if (second) out = out.slice(0, second.index);
  const breakAt = CLAUSE_BREAK.exec(out);
  if (breakAt && countWordsIn(out.slice(0, breakAt.index)) >= 1) out = out.slice(0, breakAt.index);
  let trimmed = false;
  while (countWordsIn(out) > budget) {
    const m = [...out.matchAll(/\s+(?:to|for|in|at|on|from|with|of|through|over|under|into|by)\s+/gu)].pop();
    if (!m || m.index === undefined || countWordsIn(out.slice(0, m.index)) < 1) break;
    out = out.slice(0, m.index);
    trimmed = true;
  }
  // "review into collapse" once "of Millbrook embankment" went: a bare noun left dangling goes too.
  // A participle left hanging ("in sale forced", "compared") goes with it.
  for (let k = 0; trimmed && k < 2; k++) {
    out = out
      .replace(/\s+\p{Ll}{3,}ed$/u, "")
      .replace(/\s+(?:to|for|in|at|on|from|with|of|through|over|under|into|by)\s+\p{Ll}+$/u, "");
  }
  return out;
}
