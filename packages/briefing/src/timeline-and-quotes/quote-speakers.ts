// Who said a quote. Reads the attribution around it the way a reader does: after the quote
// ("…,” Osei said / said Osei / he said / according to X), before it (X said: “…”; X said
// the plan was “…”; …, adding: “…”), and for a quote standing alone, the neighbouring
// sentences (a quote continued from the sentence before, "Those were the words of X", a
// speaker introduced just before). The phrase found is resolved to a story entity when it
// names one (a name, a pronoun, a role the story gives someone — "the president" after
// "President Donald Trump"), and otherwise kept as written ("officials", "a Kremlin
// spokesman"): a source that says who is never reported as unattributed.
import type { EntityIndex, ResolvedMention } from "../entities/entity-registry";
import type { PreparedStory } from "../text/prepared-stories";

export interface Speaker {
  entityId: string | null;
  name: string;
}

const VERBS =
  "said|says|say|added|adds|warned|warns|told|tells|wrote|writes|asked|asks|argued|argues|explained|noted|notes|stated|insisted|insists|tweeted|posted|announced|claimed|claims|replied|responded|urged|urges|admitted|conceded|acknowledged|recalled|declared|stressed|cautioned|predicted|promised|vowed|pledged|complained|remarked|commented|suggested|observed|continued|concluded|reiterated|confirmed|denied|answered|underlined|emphasised|emphasized|quipped|joked|boasted|maintained|countered|repeated|insist|insisted|warn|add|tell|write";
const PARTICIPLES =
  "saying|telling|adding|warning|writing|noting|arguing|insisting|stressing|declaring|urging|explaining|calling";
// Verbs that introduce a partial quote as their object ("called the ruling “a victory”").
const CHARACTERIZING = "called|calls|described|describes|branded|brands|dubbed|labelled|labeled|termed";
const ADVERBS =
  "(?:has\\s+|had\\s+|have\\s+|also\\s+|later\\s+|then\\s+|previously\\s+|earlier\\s+|again\\s+|once\\s+|simply\\s+|only\\s+|recently\\s+)*";
const SPEECH_VERB = new RegExp(`\\b(?:${VERBS})\\b`, "i");
const ANY_SPEECH = new RegExp(`\\b(?:${VERBS}|${PARTICIPLES}|${CHARACTERIZING})\\b`, "gi");
const FINITE_VERB = new RegExp(`^(?:${VERBS}|${CHARACTERIZING})$`, "i");
const PARTICIPLE = new RegExp(`^(?:${PARTICIPLES})$`, "i");
// Text after a closing quote: the punctuation that ends the quote, then the attribution.
const QUOTE_TAIL = /^[\s,.!?…]*[”"’»]?[\s,;—–-]*/u;
const AFTER_ACCORDING = /^according\s+to\s+/i;
const AFTER_VERB_FIRST = new RegExp(`^(?:${VERBS})\\s+`, "i");
const AFTER_SUBJECT_FIRST = new RegExp(`^([^“”"«».!?;:]{1,90}?)\\s+${ADVERBS}(?:${VERBS})\\b`, "i");
const BEFORE_ACCORDING = /according\s+to\s+([^“”"«»]{2,80}?),?\s*$/i;
// "Those were the words of X", "That was the message from X".
const WORDS_OF =
  /^(?:those|these|that|this|such)\s+(?:were|was|are|is)\s+(?:the\s+)?(?:words|message|verdict|view|warning|assessment|reply|answer)\s+(?:of|from)\s+/i;
const PRONOUN = /^(?:he|she)$/i;
// Words that open a clause of their own: what follows them is not the quote's speaker.
const CLAUSE_OPENER =
  /^(?:and|but|or|after|before|while|when|as|because|since|if|although|though|until|which|who|that|where|so)\b/i;
const DELEGATE =
  /^(his|her|their|its)\s+((?:chief\s+|senior\s+|press\s+)?(?:spokesman|spokeswoman|spokesperson|aide|adviser|advisor|office|lawyer|representative|secretary))$/i;
// A forward phrase ("said Margit Solberg, who lives…") ends at punctuation or a clause word.
const PHRASE_END =
  /[,.;:!?“”"«»()]|\s(?:who|which|that|as|when|while|after|before|during|because|on|in|to|from|outside|inside|at\s+(?:a|an|the)\s)\b/i;
const DETERMINER = /^(?:the|a|an|one|two|three|several|some|many|other|another|his|her|their|its|our)\s+/i;
const GROUP_NOUNS = new Set([
  "police",
  "people",
  "staff",
  "crew",
  "military",
  "media",
  "public",
  "personnel",
  "clergy",
  "youth",
  "management",
  "leadership",
]);
// Generic words for a company: "the company said" names the organisation the story is about.
const COMPANY_NOUNS = new Set([
  "company",
  "firm",
  "group",
  "carmaker",
  "automaker",
  "airline",
  "bank",
  "retailer",
  "operator",
  "business",
  "club",
  "insurer",
  "lender",
  "broadcaster",
  "publisher",
  "charity",
  "organisation",
  "organization",
  "manufacturer",
  "supplier",
  "developer",
  "startup",
]);

interface StoryContext {
  story: PreparedStory;
  entities: EntityIndex;
  /** Person and organisation mentions of the story, in text order. */
  mentions: ResolvedMention[];
  /** Speakers already found, keyed by sentence index, for quotes continued in the next sentence. */
  lastSpeakerOf: Map<number, Speaker | null>;
}

export function createSpeakerContext(story: PreparedStory, entities: EntityIndex): StoryContext {
  const mentions: ResolvedMention[] = [];
  for (const sentence of story.sentences) {
    for (const m of entities.bySentence.get(`${story.id}#${sentence.index}`) ?? []) {
      if (m.kind === "person" || m.kind === "organization") mentions.push(m);
    }
  }
  mentions.sort((a, b) => a.start - b.start);
  return { story, entities, mentions, lastSpeakerOf: new Map() };
}

/** The speaker of the quote at `span` (offsets in the sentence text) of sentence `sentenceIndex`. */
export function findSpeaker(
  ctx: StoryContext,
  sentenceIndex: number,
  span: { start: number; end: number },
): Speaker | null {
  const sentence = ctx.story.sentences[sentenceIndex];
  if (!sentence) return null;
  const speaker =
    findSpeakerInSentence(ctx, sentenceIndex, span) ?? findSpeakerAround(ctx, sentenceIndex, span);
  // Quotes are visited in text order: the last one of a sentence carries into the next.
  ctx.lastSpeakerOf.set(sentenceIndex, speaker);
  return speaker;
}

function findSpeakerInSentence(
  ctx: StoryContext,
  sentenceIndex: number,
  span: { start: number; end: number },
): Speaker | null {
  const sentence = ctx.story.sentences[sentenceIndex];
  if (!sentence) return null;
  const text = sentence.text;
  const base = sentence.start;

  // After the quote.
  const closing = text.slice(span.end);
  const tail = QUOTE_TAIL.exec(closing)?.[0].length ?? 0;
  const afterOffset = span.end + tail;
  const after = text.slice(afterOffset);
  const according = AFTER_ACCORDING.exec(after);
  if (according) {
    const found = resolveForwardPhrase(ctx, sentenceIndex, base + afterOffset + according[0].length);
    if (found) return found;
  }
  const verbFirst = AFTER_VERB_FIRST.exec(after);
  if (verbFirst) {
    const found = resolveForwardPhrase(ctx, sentenceIndex, base + afterOffset + verbFirst[0].length);
    if (found) return found;
  }
  const subjectFirst = AFTER_SUBJECT_FIRST.exec(after);
  if (
    subjectFirst?.[1] &&
    subjectFirst[1].split(/\s+/).length <= 10 &&
    !CLAUSE_OPENER.test(subjectFirst[1])
  ) {
    const phrase = subjectFirst[1];
    const found = resolvePhrase(ctx, sentenceIndex, base + afterOffset, base + afterOffset + phrase.length);
    if (found) return found;
  }

  // Before the quote, in the same sentence.
  const openAt = Math.max(0, span.start - 1);
  const before = text.slice(0, openAt);
  const accordingBefore = BEFORE_ACCORDING.exec(before);
  if (accordingBefore?.[1]) {
    const start = accordingBefore.index + accordingBefore[0].indexOf(accordingBefore[1]);
    const found = resolvePhrase(ctx, sentenceIndex, base + start, base + start + accordingBefore[1].length);
    if (found) return found;
  }
  return findSubjectOfVerbBefore(ctx, sentenceIndex, before, before.length);
}

// "X said (that …) “…”", "X called it “…”", "…, adding: “…”" (the subject of the clause the
// participle hangs on). `limit` is the offset in the sentence before which the verb must be.
function findSubjectOfVerbBefore(
  ctx: StoryContext,
  sentenceIndex: number,
  before: string,
  limit: number,
): Speaker | null {
  const sentence = ctx.story.sentences[sentenceIndex];
  if (!sentence) return null;
  const verbs = [...before.slice(0, limit).matchAll(ANY_SPEECH)];
  const lastQuoteMark = Math.max(before.lastIndexOf("”"), before.lastIndexOf("“"), before.lastIndexOf('"'));
  for (let i = verbs.length - 1; i >= 0; i--) {
    const verb = verbs[i];
    if (!verb) continue;
    const word = verb[0];
    // Only the clause that leads into the quote: a verb before another quote is that quote's.
    if (i === verbs.length - 1 && verb.index < lastQuoteMark && !PARTICIPLE.test(word)) return null;
    if (
      PARTICIPLE.test(word) &&
      /,\s*(?:and\s+)?$|\bwith\s+$|^\s*$/.test(before.slice(0, verb.index).replace(/\s+$/, " ").slice(-12))
    ) {
      // A participle continuing a clause: the speaker is that clause's subject.
      const prior = verbs.slice(0, i).some((v) => FINITE_VERB.test(v[0]));
      if (prior) continue;
      return findRecentSpeaker(ctx, sentenceIndex, sentence.start + verb.index);
    }
    if (
      /^(?:called|calls|described|describes|branded|brands|dubbed|labelled|labeled|termed)$/i.test(word) &&
      limit - verb.index > 60
    )
      continue;
    // “…,” said Dina Haas, “…”: the speaker follows the verb.
    if (/[”"»][\s,]*$/.test(before.slice(0, verb.index))) {
      const found = resolveForwardPhrase(ctx, sentenceIndex, sentence.start + verb.index + word.length + 1);
      if (found) return found;
    }
    let subjectStart = Math.max(0, verb.index - 140);
    const area = before.slice(subjectStart, verb.index);
    const cut = Math.max(
      area.lastIndexOf("”"),
      area.lastIndexOf("“"),
      area.lastIndexOf('"'),
      area.lastIndexOf(";"),
      area.lastIndexOf(":"),
    );
    subjectStart += cut + 1;
    const subject = before.slice(subjectStart, verb.index).replace(new RegExp(`\\s+${ADVERBS}$`, "i"), " ");
    const trimmed = subject.replace(/[\s,]+$/, "");
    // "…“not easy”, but added, “…”": a second verb of the same subject; the first one names it.
    if (/^[\s,]*(?:(?:and|but|or|then)\s*)?$/i.test(trimmed)) continue;
    const found = resolveSubject(ctx, sentenceIndex, sentence.start + subjectStart, trimmed);
    if (found) return found;
  }
  return null;
}

// The subject before a verb: the last clause, with an apposition joined to its name
// ("The airport's planning director, Marcus Thorne," / "Lorraine Kettering, the chief executive,").
function resolveSubject(
  ctx: StoryContext,
  sentenceIndex: number,
  absStart: number,
  subject: string,
): Speaker | null {
  const clauses = subject.split(/,\s+/);
  const last = clauses[clauses.length - 1] ?? "";
  const lastStart = absStart + subject.length - last.length;
  const direct = resolvePhrase(ctx, sentenceIndex, lastStart, lastStart + last.length, {
    resolveRoles: false,
  });
  if (direct && direct.entityId !== null) return direct;
  if (clauses.length >= 2) {
    const previous = clauses[clauses.length - 2] ?? "";
    const prevStart = lastStart - 2 - previous.length;
    const person = personIn(ctx, prevStart, prevStart + previous.length);
    // "Kettering, the regulator's chief executive, said": a role right after a name is that name's.
    if (person && looksLikeRole(last) && ctx.story.body.slice(person.end, lastStart).trim() === ",")
      return toSpeaker(ctx, person);
  }
  if (/^who\b/i.test(last.trim()) && clauses.length >= 2) {
    // "regional governor Oleksandr Tkachyk, who said …": the person the clause is about.
    const person = ctx.mentions
      .filter((m) => m.kind === "person" && m.end <= lastStart && m.start >= absStart)
      .pop();
    if (person) return toSpeaker(ctx, person);
  }
  const phrase = resolvePhrase(ctx, sentenceIndex, lastStart, lastStart + last.length);
  if (phrase) return phrase;
  // "Ruth Amundsen, the state mediator, declined to comment but said …": the clause's
  // subject, a person named at its start.
  const first = ctx.mentions.find(
    (m) => m.kind === "person" && m.start >= absStart && m.end <= absStart + subject.length,
  );
  if (
    first &&
    ctx.story.body
      .slice(absStart, first.start)
      .split(/\s+/)
      .filter((w) => w !== "").length <= 6
  ) {
    return toSpeaker(ctx, first);
  }
  return null;
}

function resolveForwardPhrase(ctx: StoryContext, sentenceIndex: number, absStart: number): Speaker | null {
  const sentence = ctx.story.sentences[sentenceIndex];
  if (!sentence) return null;
  const rest = ctx.story.body.slice(absStart, sentence.end);
  const end = PHRASE_END.exec(rest)?.index ?? rest.length;
  const phrase = rest.slice(0, end).trim();
  if (phrase === "" || phrase.split(/\s+/).length > 10) return null;
  const found = resolvePhrase(ctx, sentenceIndex, absStart, absStart + phrase.length);
  // "said the Qatari mediator, Khalid al-Mansouri": the name in apposition wins over the role.
  if (found && found.entityId === null && rest[end] === ",") {
    const next = rest.slice(end + 1);
    const nextEnd = PHRASE_END.exec(next)?.index ?? next.length;
    const person = personIn(ctx, absStart + end + 1, absStart + end + 1 + nextEnd);
    if (person) return toSpeaker(ctx, person);
  }
  return found;
}

interface PhraseOptions {
  resolveRoles?: boolean;
}

/** Resolves the speaker phrase at body offsets [start, end). */
function resolvePhrase(
  ctx: StoryContext,
  sentenceIndex: number,
  start: number,
  end: number,
  options: PhraseOptions = {},
): Speaker | null {
  const raw = ctx.story.body.slice(start, end);
  const lead = raw.length - raw.trimStart().length;
  const LEADING = /^(?:(?:and|but|while|as|so|yet|then|with)\s+)+/i;
  const phrase = raw
    .trim()
    .replace(LEADING, "")
    .replace(/[\s,]+$/, "");
  const phraseStart = start + lead + (raw.trim().length - raw.trim().replace(LEADING, "").length);
  const phraseEnd = phraseStart + phrase.length;
  if (phrase === "" || /[“”"«»]/.test(phrase) || CLAUSE_OPENER.test(phrase)) return null;
  if (SPEECH_VERB.test(phrase)) return null;
  const words = phrase.split(/\s+/);
  if (words.length > 10) return null;

  if (PRONOUN.test(phrase)) return findRecentSpeaker(ctx, sentenceIndex, phraseStart);
  if (/^(?:they|it|we|i|you)$/i.test(phrase)) return null;
  // "A spokesman for Henrietta Vale": the aide speaks, not the person named.
  const aideFor =
    /^(?:a|an|the)\s+((?:chief\s+|senior\s+)?(?:spokesman|spokeswoman|spokesperson|lawyer|aide|adviser|advisor|representative))\s+for\s+/i.exec(
      phrase,
    );
  if (aideFor?.[1]) {
    const owner = personIn(ctx, phraseStart + aideFor[0].length, phraseEnd);
    const ownerName = owner ? toSpeaker(ctx, owner)?.name : undefined;
    if (ownerName) return { entityId: null, name: `${ownerName}’s ${aideFor[1].toLowerCase()}` };
    return { entityId: null, name: phrase };
  }
  const delegate = DELEGATE.exec(phrase);
  if (delegate) {
    const owner = findRecentSpeaker(ctx, sentenceIndex, phraseStart);
    const role = (delegate[2] ?? "spokesperson").toLowerCase();
    return { entityId: null, name: owner ? `${owner.name}’s ${role}` : phrase };
  }

  const head = findHead(phrase);
  const startsLower = /^[a-z]/.test(phrase);
  if (startsLower && isPlural(head)) return { entityId: null, name: phrase };

  const person = personIn(ctx, phraseStart, phraseEnd);
  if (person) return toSpeaker(ctx, person);
  // An organisation speaks when it is the whole phrase ("the Environment Agency"), not a
  // modifier ("a Kremlin spokesman", "analysts at Barwick Bank").
  const org = ctx.mentions.find(
    (m) =>
      m.kind === "organization" &&
      m.start >= phraseStart &&
      m.end === phraseEnd &&
      ctx.story.body.slice(phraseStart, m.start).replace(DETERMINER, "").trim() === "",
  );
  if (org) return toSpeaker(ctx, org);
  if (isPlural(head)) return { entityId: null, name: phrase };
  if (!looksLikeSpeakerPhrase(phrase)) return null;
  if (options.resolveRoles === false && startsLower) return null;
  // "Eastgate resident Tunde Afolabi": a role in lower case, then a name the entity rules missed.
  const trailingName = /\s\p{Ll}+\s+([A-Z][\p{Ll}'’-]+(?:\s+[A-Z][\p{Ll}'’-]+){1,2})$/u.exec(phrase);
  if (trailingName?.[1]) return { entityId: null, name: trailingName[1] };
  if (startsLower || /^(?:The|A|An|One)\s/.test(phrase)) {
    const holder = findRoleHolder(ctx, phrase, phraseStart);
    if (holder) return holder;
    return { entityId: null, name: phrase };
  }
  // A capitalised name the entity rules did not keep: say it as written, a surname with the
  // first name the story gave it earlier ("Marchetti" after "Odette Marchetti").
  if (!/^(?:[A-Z][\p{L}'’.-]*)(?:\s+(?:[A-Z][\p{L}'’.-]*|al-[\p{L}]+|de|van|von|bin))*$/u.test(phrase))
    return null;
  if (!/\s/.test(phrase)) {
    const full = new RegExp(`\\b([A-Z][\\p{L}'’-]+)\\s+${escapeRegExp(phrase)}\\b`, "u").exec(
      ctx.story.body.slice(0, phraseStart),
    );
    if (full?.[1] && !/^(?:The|A|An|Mr|Mrs|Ms|Dr)$/.test(full[1]))
      return { entityId: null, name: `${full[1]} ${phrase}` };
  }
  return { entityId: null, name: phrase };
}

function findHead(phrase: string): string {
  const core =
    phrase.replace(DETERMINER, "").split(/\s+(?:at|of|from|for|with|close|familiar|in|on)\s+/i)[0] ?? phrase;
  const words = core.split(/\s+/);
  return words[words.length - 1] ?? "";
}

// A lower-case plural head ("officials", "residents"); "Police" at the start of a sentence too.
function isPlural(word: string): boolean {
  if (GROUP_NOUNS.has(word.toLowerCase())) return true;
  return /^[a-z]{3,}s$/.test(word) && !/(?:ss|us|is|'s|’s)$/.test(word);
}

function looksLikeRole(phrase: string): boolean {
  return /^(?:the|a|an)\s/i.test(phrase) && !/[A-Z]\p{L}+\s+[A-Z]\p{L}+$/u.test(phrase);
}

// Speaker phrases are short noun phrases; anything with a finite verb or a clause is not one.
function looksLikeSpeakerPhrase(phrase: string): boolean {
  if (phrase.split(/\s+/).length > 7) return false;
  if (/\s(?:and|but|or|to|of|in|on|at|for|with|by)$/i.test(phrase)) return false;
  return !/\b(?:is|are|was|were|be|been|has|have|had|will|would|could|should|can|may|might|not|did|does|do|it|this|that|there|which|who|to|but)\b/i.test(
    phrase,
  );
}

function personIn(ctx: StoryContext, start: number, end: number): ResolvedMention | undefined {
  return ctx.mentions.find((m) => m.kind === "person" && m.start >= start && m.end <= end);
}

function toSpeaker(ctx: StoryContext, m: ResolvedMention): Speaker | null {
  const entity = ctx.entities.byId.get(m.entityId);
  return entity ? { entityId: entity.id, name: entity.name } : null;
}

// "the president", "the board chairman", "the ministry": the person the story gave that role
// (a title before the name, an apposition after it), or the organisation the noun names,
// nearest before the quote.
function findRoleHolder(ctx: StoryContext, phrase: string, before: number): Speaker | null {
  const words = phrase
    .replace(DETERMINER, "")
    .split(/\s+/)
    .filter((w) => !/['’]s$/.test(w) && !/^(?:senior|top|former|local|new)$/i.test(w))
    .map((w) => w.toLowerCase().replace(/[^\p{L}-]/gu, ""))
    .filter((w) => w !== "");
  if (words.length === 0 || words.length > 4) return null;
  const head = words[words.length - 1] ?? "";
  const body = ctx.story.body;
  const candidates = ctx.mentions.filter((m) => m.start < before).reverse();
  for (const m of candidates) {
    if (m.kind !== "person") continue;
    const entity = ctx.entities.byId.get(m.entityId);
    const context = `${entity?.roles.join(" ") ?? ""} ${readRoleContext(body, m)}`.toLowerCase();
    if (words.every((w) => new RegExp(`(?:^|[^\\p{L}])${escapeRegExp(w)}(?:$|[^\\p{L}])`, "u").test(context)))
      return toSpeaker(ctx, m);
  }
  for (const m of candidates) {
    if (m.kind !== "organization") continue;
    const entity = ctx.entities.byId.get(m.entityId);
    if (!entity) continue;
    const name = entity.name.toLowerCase();
    if (words.length === 1 && (name.split(/\s+/).includes(head) || COMPANY_NOUNS.has(head)))
      return { entityId: entity.id, name: entity.name };
  }
  return null;
}

// The words around a name that say what the person is: a title before it in the same
// clause ("Board chairman Viktor Holm", "The mayor of Ankara, Mansur Yavas") and an apposition after it.
function readRoleContext(body: string, m: ResolvedMention): string {
  const beforeText = body.slice(Math.max(0, m.start - 50), m.start);
  const cut = Math.max(...[".", ";", ":", "“", "”", '"', "\n"].map((c) => beforeText.lastIndexOf(c)));
  const afterText = body.slice(m.end, m.end + 70);
  const apposition = /^,\s*([^,.;“”"]+)/.exec(afterText)?.[1] ?? "";
  return `${beforeText.slice(cut + 1)} ${apposition}`;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

// "he said" takes the person who spoke or was the subject most recently: a person followed
// by a speech verb in this or the previous three sentences, else the first person named.
function findRecentSpeaker(ctx: StoryContext, sentenceIndex: number, before: number): Speaker | null {
  const { story, entities } = ctx;
  for (let i = sentenceIndex; i >= Math.max(0, sentenceIndex - 3); i--) {
    const sentence = story.sentences[i];
    if (!sentence) continue;
    const people = (entities.bySentence.get(`${story.id}#${i}`) ?? [])
      .filter((m) => m.kind === "person" && (i < sentenceIndex || m.end <= before))
      .sort((a, b) => a.start - b.start);
    if (people.length === 0) {
      const subject = findUnlistedSubject(sentence.text);
      if (subject) return { entityId: null, name: subject };
      continue;
    }
    const speaking = people.find((m) =>
      new RegExp(`^\\W{0,3}(?:\\s\\S+){0,2}?\\s*(?:${VERBS}|${PARTICIPLES})\\b`, "i").test(
        story.body.slice(m.end, m.end + 40),
      ),
    );
    const chosen = speaking ?? people[0];
    if (chosen) return toSpeaker(ctx, chosen);
  }
  return null;
}

// A quote standing alone as its sentence: carried on from the quote before it, named in
// the next sentence ("Those were the words of X"; "X said …"), or the person the sentence
// before was about.
function findSpeakerAround(
  ctx: StoryContext,
  sentenceIndex: number,
  span: { start: number; end: number },
): Speaker | null {
  const { story } = ctx;
  const sentence = story.sentences[sentenceIndex];
  if (!sentence) return null;
  const outside = sentence.text.slice(0, Math.max(0, span.start - 1)) + sentence.text.slice(span.end + 1);
  if (/[\p{L}\p{N}]/u.test(outside)) return null;

  const previous = story.sentences[sentenceIndex - 1];
  if (
    previous &&
    ctx.lastSpeakerOf.has(previous.index) &&
    /[”"»]\s*\p{L}[^“”"]*$|[”"»]\W*$/u.test(previous.text)
  ) {
    const carried = ctx.lastSpeakerOf.get(previous.index);
    if (carried) return carried;
  }

  const next = story.sentences[sentenceIndex + 1];
  if (next && !/[“”"«»]/.test(next.text)) {
    const wordsOf = WORDS_OF.exec(next.text);
    if (wordsOf) {
      const found = resolveForwardPhrase(ctx, next.index, next.start + wordsOf[0].length);
      if (found) return found;
    }
    const verb = SPEECH_VERB.exec(next.text);
    if (verb && verb.index <= 70) {
      const subject = next.text
        .slice(0, verb.index)
        .replace(new RegExp(`\\s+${ADVERBS}$`, "i"), " ")
        .replace(/[\s,]+$/, "");
      if (subject !== "" && !/,/.test(subject.replace(/,\s*[^,]+,$/, ""))) {
        const found = resolveSubject(ctx, next.index, next.start, subject);
        if (found && found.entityId !== null) return found;
      }
    }
  }

  if (previous) {
    const people = (ctx.entities.bySentence.get(`${story.id}#${previous.index}`) ?? [])
      .filter((m) => m.kind === "person")
      .sort((a, b) => a.start - b.start);
    const subject = people[0];
    if (!subject) {
      const unlisted = findUnlistedSubject(previous.text);
      if (unlisted) return { entityId: null, name: unlisted };
    } else {
      const lead = story.body.slice(previous.start, subject.start);
      // The person is the subject: only a title or a role comes before the name.
      if (
        lead.split(/\s+/).filter((w) => w !== "").length <= 4 &&
        !/\b(?:was|were|is|are|of|to|by|with|for|from|and|as|on|in|at|the words)\b/i.test(lead)
      ) {
        return toSpeaker(ctx, subject);
      }
    }
  }
  return null;
}

// A sentence whose subject is a full name the entity rules did not list ("Transport minister
// Gideon Marsh defended…"): at most three words of title before two or three capitalised
// words, then the verb.
function findUnlistedSubject(text: string): string | null {
  const m =
    /^(?:(?:[A-Z][\p{Ll}-]+|[\p{Ll}-]+)\s+){0,3}?([A-Z][\p{Ll}'’-]+(?:\s+[A-Z][\p{Ll}'’-]+){1,2})\s+(?:has\s+|had\s+|also\s+)?\p{Ll}+ed\b/u.exec(
      text,
    );
  return m?.[1] ?? null;
}
