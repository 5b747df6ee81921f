// Makes a chosen sentence read alone, as a point is shown: drops a leading connective, puts
// the name a pronoun stands for in square brackets (the newsroom convention, "[Ada Krol] said
// he would…"), or joins the short sentence it leans on. When none of these works the sentence
// is not used as a point. Every shown character outside the brackets is cited source text.
import nlp from "compromise";
import type { EntityIndex, ResolvedMention } from "../entities/entity-registry";
import type { PreparedSentence, PreparedStory } from "../text/prepared-stories";
import type { Entity } from "../types";
import { type ContextNeed, readContext, trimConnective } from "./standalone";

export interface CitedSpan {
  sentence: PreparedSentence;
  /** Body offsets: the sentence, or its tail once a connective is dropped. */
  start: number;
  end: number;
}

export interface StandaloneText {
  text: string;
  /** The spans of the story the text shows, in order (two when a sentence is joined on). */
  spans: CitedSpan[];
  context: "resolved" | "joined" | null;
}

// A sentence joined on must be short, so the point stays a point.
const MAX_JOINED_WORDS = 35;
const MAX_POINT_WORDS = 80;
// How far back a pronoun's antecedent is looked for.
const LOOKBACK = 3;

type Gender = "male" | "female";
interface CompromiseModel {
  one: { lexicon: Record<string, string | string[]> };
}
const LEXICON = (nlp.model() as unknown as CompromiseModel).one.lexicon;
const FEMALE_ROLE =
  /\b(?:chairwoman|spokeswoman|businesswoman|congresswoman|councilwoman|queen|princess|duchess|countess|empress|mrs|ms|miss|madam|lady|dame|sister|mother|wife|daughter|actress|widow|grandmother)\b/i;
const MALE_ROLE =
  /\b(?:chairman|spokesman|businessman|congressman|councilman|king|prince|duke|count|emperor|mr|sir|lord|brother|father|husband|son|actor|widower|grandfather)\b/i;

/**
 * The sentence as a point that reads alone, or null when it leans on context that can be
 * neither resolved nor joined. `isFree(index)` says whether a sentence of the same story may
 * still be joined on (not already shown in another point).
 */
export function shapeStandalone(
  story: PreparedStory,
  sentence: PreparedSentence,
  entities: EntityIndex | null,
  isFree: (index: number) => boolean,
): StandaloneText | null {
  const people = personMentions(story, sentence.index, entities);
  const reading = readContext(sentence.text, {
    personSpans: entities
      ? people.map((m) => ({ start: m.start - sentence.start, end: m.end - sentence.start }))
      : undefined,
  });
  const spans = [{ sentence, start: sentence.start + reading.trim, end: sentence.end }];
  if (reading.needs.length === 0)
    return { text: trimConnective(sentence.text, reading.trim), spans, context: null };

  const resolved = resolvePronouns(story, sentence, reading.needs, entities);
  if (resolved && resolved.rest.length === 0)
    return { text: trimConnective(resolved.text, reading.trim), spans, context: "resolved" };

  const previous = story.sentences[sentence.index - 1];
  if (
    previous &&
    previous.prose &&
    isFree(previous.index) &&
    previous.words <= MAX_JOINED_WORDS &&
    previous.words + sentence.words <= MAX_POINT_WORDS &&
    /^\s*$/.test(story.body.slice(previous.end, sentence.start))
  ) {
    const before = readContext(previous.text, {
      personSpans: entities
        ? personMentions(story, previous.index, entities).map((m) => ({
            start: m.start - previous.start,
            end: m.end - previous.start,
          }))
        : undefined,
    });
    // The sentence before may itself need its pronoun resolved ("[Ada Varga] met… The meeting…").
    const resolvedBefore =
      before.needs.length === 0
        ? { text: previous.text, rest: [] }
        : resolvePronouns(story, previous, before.needs, entities);
    if (resolvedBefore && resolvedBefore.rest.length === 0) {
      return {
        text: `${trimConnective(resolvedBefore.text, before.trim)} ${sentence.text}`,
        spans: [
          { sentence: previous, start: previous.start + before.trim, end: previous.end },
          { sentence, start: sentence.start, end: sentence.end },
        ],
        context: "joined",
      };
    }
  }
  return null;
}

function personMentions(
  story: PreparedStory,
  index: number,
  entities: EntityIndex | null,
): ResolvedMention[] {
  if (!entities) return [];
  return (entities.bySentence.get(`${story.id}#${index}`) ?? [])
    .filter((m) => m.kind === "person")
    .sort((a, b) => a.start - b.start);
}

// Replaces he/she/his/her needs with the bracketed name when one person is meant; the other
// needs ("also", "the meeting") are returned as `rest`.
function resolvePronouns(
  story: PreparedStory,
  sentence: PreparedSentence,
  needs: readonly ContextNeed[],
  entities: EntityIndex | null,
): { text: string; rest: ContextNeed[] } | null {
  if (!entities) return null;
  const pronouns = needs.filter((n) => n.kind === "pronoun" || n.kind === "possessive");
  if (pronouns.length === 0) return null;
  const genders = new Set(pronouns.map((n) => genderOfPronoun(n.word)));
  if (genders.has(null) || genders.size !== 1) return null;
  const gender = [...genders][0] ?? null;
  if (gender === null) return null;
  const person = findAntecedent(story, sentence.index, gender, entities);
  if (!person) return null;
  const shown = displayName(person, story);
  let text = sentence.text;
  for (const n of [...pronouns].sort((a, b) => b.start - a.start)) {
    const name = n.kind === "possessive" ? `[${shown}’s]` : `[${shown}]`;
    text = text.slice(0, n.start) + name + text.slice(n.end);
  }
  return { text, rest: needs.filter((n) => !pronouns.includes(n)) };
}

// The canonical name, unless it is a long one ("Clarissa Theresa … Dickson Wright"): then
// the fullest way this story writes it.
function displayName(person: Entity, story: PreparedStory): string {
  if (person.name.split(/\s+/).length <= 3) return person.name;
  const forms = [person.name, ...person.aliases].filter(
    (f) => f.split(/\s+/).length >= 2 && f.split(/\s+/).length <= 3 && story.body.includes(f),
  );
  return forms.sort((a, b) => b.length - a.length || (a < b ? -1 : 1))[0] ?? person.name;
}

function genderOfPronoun(word: string): Gender | null {
  const w = word.toLowerCase();
  if (w === "he" || w === "his") return "male";
  if (w === "she" || w === "her") return "female";
  return null;
}

/**
 * The person a he/she refers to: the only person of a matching gender in the nearest earlier
 * sentence that names people. Never a guess: two candidates, or a sentence between that may
 * name someone by role only ("The pilot said…"), give null.
 */
function findAntecedent(
  story: PreparedStory,
  index: number,
  gender: Gender,
  entities: EntityIndex,
): Entity | null {
  for (let j = index - 1; j >= Math.max(0, index - LOOKBACK); j--) {
    const sentence = story.sentences[j];
    if (!sentence) return null;
    const mentions = personMentions(story, j, entities).filter((m) => !isInsideQuote(sentence, m));
    if (mentions.length === 0) {
      // A quote or a sentence with the same pronoun first keeps the same speaker in view.
      const pronounFirst = /^(?:he|she|his|her)\b/i.exec(sentence.text)?.[0];
      if (
        /^[“"‘']/.test(sentence.text) ||
        (pronounFirst !== undefined && genderOfPronoun(pronounFirst) === gender)
      )
        continue;
      return null;
    }
    // Each person's gender from the name's lexicon, the roles seen, or an honorific right before.
    const genders = new Map<string, Set<Gender | null>>();
    for (const m of mentions) {
      const entity = entities.byId.get(m.entityId);
      if (!entity) continue;
      const set = genders.get(entity.id) ?? new Set<Gender | null>();
      set.add(guessGender(entity));
      set.add(readHonorific(story.body.slice(Math.max(0, m.start - 6), m.start)));
      genders.set(entity.id, set);
    }
    const candidates = [...genders.entries()]
      .filter(([, set]) => !set.has(opposite(gender)))
      .map(([id]) => entities.byId.get(id));
    // Two who could be meant is a guess, even when one is the subject: joining is safer.
    if (candidates.length === 1) return candidates[0] ?? null;
    if (candidates.length > 1) return null;
  }
  return null;
}

function readHonorific(before: string): Gender | null {
  if (/\b(?:Mrs|Ms|Miss|Dame|Lady)\.?\s+$/.test(before)) return "female";
  if (/\b(?:Mr|Sir|Lord)\.?\s+$/.test(before)) return "male";
  return null;
}

function opposite(gender: Gender): Gender {
  return gender === "male" ? "female" : "male";
}

function isInsideQuote(sentence: PreparedSentence, mention: ResolvedMention): boolean {
  const before = sentence.text.slice(0, Math.max(0, mention.start - sentence.start));
  const opens = (before.match(/[“]/g) ?? []).length;
  const closes = (before.match(/[”]/g) ?? []).length;
  const straight = (before.match(/"/g) ?? []).length;
  return opens > closes || straight % 2 === 1;
}

function guessGender(entity: Entity): Gender | null {
  const first = entity.name.split(/\s+/)[0]?.toLowerCase() ?? "";
  const tags = LEXICON[first];
  const list = tags === undefined ? [] : Array.isArray(tags) ? tags : [tags];
  const byName = list.includes("FemaleName") ? "female" : list.includes("MaleName") ? "male" : null;
  const roles = entity.roles.join(" ");
  const byRole = FEMALE_ROLE.test(roles) ? "female" : MALE_ROLE.test(roles) ? "male" : null;
  if (byName && byRole && byName !== byRole) return null;
  return byName ?? byRole;
}
