// Direct quotes: the exact characters between quote marks, with the speaker found from the
// attribution around them ("…,” Lavrov warned; Barrack said: “…”; “…,” he said) and
// resolved to a canonical entity. Pronoun speakers take the person who last spoke or was
// the subject in the sentences just before.
import type { EntityIndex, ResolvedMention } from "../entities/entity-registry";
import type { PreparedStory } from "../text/prepared-stories";
import type { Quote } from "../types";

export interface FoundQuote {
  storyId: string;
  sentenceIndex: number;
  start: number;
  end: number;
  text: string;
  speakerEntityId: string | null;
  speakerName: string | null;
}

const SPEECH_VERB = "(?:said|says|say|added|adds|warned|warns|told|tells|wrote|writes|asked|asks|argued|explained|noted|stated|insisted|tweeted|posted|announced|claimed|replied|responded|urged|admitted|conceded|acknowledged|recalled|declared|saying|telling|adding|warning|writing)";
const AFTER_PRONOUN = new RegExp(`^[\\s,.!?]*[”"’]?[\\s,]*(he|she)\\s+(?:has\\s+|had\\s+|also\\s+|later\\s+)?${SPEECH_VERB}\\b`, "i");
const AFTER_VERB_FIRST = new RegExp(`^[\\s,.!?]*[”"’]?[\\s,]*${SPEECH_VERB}\\s+(?:the\\s+)?`, "i");
const AFTER_NAME = new RegExp(`^[\\s,.!?]*[”"’]?[\\s,]*[^\\s]{1,40}(?:\\s[^\\s]{1,40}){0,3}\\s+(?:has\\s+|had\\s+|also\\s+)?${SPEECH_VERB}\\b`, "i");
// "with his spokesman saying": the speaker is someone's aide, not the person named.
const DELEGATE_SUBJECT = /\b(his|her|their|its)\s+(spokesman|spokeswoman|spokesperson|aide|adviser|advisor|office|lawyer|representative)\s+$/i;
const SPEAKS_AFTER = new RegExp(`^\\W{0,3}(?:\\s\\S+){0,2}?\\s*${SPEECH_VERB}\\b`, "i");
const MIN_QUOTE_WORDS = 4;
// Partial quotes nobody is named for are kept only when they say something on their own.
const MIN_UNATTRIBUTED_WORDS = 8;

export function findQuotes(stories: readonly PreparedStory[], entities: EntityIndex): FoundQuote[] {
  const out: FoundQuote[] = [];
  for (const story of stories) {
    for (const sentence of story.sentences) {
      if (!sentence.prose) continue;
      for (const span of findQuoteSpans(sentence.text)) {
        const start = sentence.start + span.start;
        const end = sentence.start + span.end;
        const text = story.body.slice(start, end);
        const words = text.trim().split(/\s+/).length;
        if (words < MIN_QUOTE_WORDS) continue;
        const speaker = findSpeaker(story, sentence.index, sentence.start, sentence.text, span, entities);
        if (!speaker && words < MIN_UNATTRIBUTED_WORDS) continue;
        out.push({ storyId: story.id, sentenceIndex: sentence.index, start, end, text, speakerEntityId: speaker?.entityId ?? null, speakerName: speaker?.name ?? null });
      }
    }
  }
  return out;
}

/** Spans (relative to the text) of the characters inside matching quote marks. */
export function findQuoteSpans(text: string): Array<{ start: number; end: number }> {
  const spans: Array<{ start: number; end: number }> = [];
  for (const m of text.matchAll(/“([^“”]+)”|"([^"]+)"|«([^«»]+)»/g)) {
    const inner = m[1] ?? m[2] ?? m[3] ?? "";
    const start = m.index + 1;
    let s = start;
    let e = start + inner.length;
    while (s < e && /\s/.test(text[s] ?? "")) s++;
    // A trailing comma belongs to the attribution ("…,” he said), not to the words quoted.
    while (e > s && /[\s,]/.test(text[e - 1] ?? "")) e--;
    if (e > s) spans.push({ start: s, end: e });
  }
  return spans;
}

function findSpeaker(
  story: PreparedStory,
  sentenceIndex: number,
  sentenceStart: number,
  text: string,
  span: { start: number; end: number },
  entities: EntityIndex,
): { entityId: string | null; name: string } | null {
  const people = (entities.bySentence.get(`${story.id}#${sentenceIndex}`) ?? []).filter((m) => m.kind === "person");
  const outside = people.filter((m) => m.end - sentenceStart <= span.start - 1 || m.start - sentenceStart >= span.end + 1);
  const after = text.slice(span.end, span.end + 80);
  const before = text.slice(Math.max(0, span.start - 120), span.start);
  const asSpeaker = (m: ResolvedMention | undefined): { entityId: string; name: string } | null => {
    if (!m) return null;
    const entity = entities.byId.get(m.entityId);
    return entity ? { entityId: entity.id, name: entity.name } : null;
  };
  const afterStart = sentenceStart + span.end;
  const closeAfter = outside.filter((m) => m.start >= afterStart && m.start - afterStart < 50).sort((a, b) => a.start - b.start);

  if (AFTER_PRONOUN.test(after)) return findPronounReferent(story, sentenceIndex, sentenceStart + span.start, entities);
  if (AFTER_VERB_FIRST.test(after) || AFTER_NAME.test(after)) {
    const named = asSpeaker(closeAfter[0]);
    if (named) return named;
  }
  const beforeStart = sentenceStart + span.start;
  // "X said (that …) “…”": the last speech verb before the quote, in the same clause.
  const verbs = [...before.matchAll(new RegExp(`\\b${SPEECH_VERB}\\b`, "gi"))].filter((m) => !/[”"]/.test(before.slice(m.index)));
  const verb = verbs[verbs.length - 1];
  if (verb) {
    const verbAbs = beforeStart - before.length + verb.index;
    const subjectArea = before.slice(0, verb.index);
    const delegate = DELEGATE_SUBJECT.exec(subjectArea);
    if (delegate) {
      const owner = findPronounReferent(story, sentenceIndex, verbAbs, entities);
      const role = delegate[2]?.toLowerCase() ?? "spokesperson";
      return { entityId: null, name: owner ? `${owner.name}’s ${role}` : role };
    }
    if (/\b(?:he|she)\s+(?:has\s+|had\s+|also\s+|later\s+)?$/i.test(subjectArea)) {
      return findPronounReferent(story, sentenceIndex, verbAbs, entities);
    }
    const subject = outside.filter((m) => m.end <= verbAbs && verbAbs - m.end < 80).sort((a, b) => b.start - a.start)[0];
    const named = asSpeaker(subject);
    if (named) return named;
  }
  return null;
}

// "he said" takes the person who spoke or was the subject most recently: a person followed
// by a speech verb in this or the previous three sentences, else the first person named.
function findPronounReferent(story: PreparedStory, sentenceIndex: number, before: number, entities: EntityIndex): { entityId: string; name: string } | null {
  for (let i = sentenceIndex; i >= Math.max(0, sentenceIndex - 3); i--) {
    const sentence = story.sentences[i];
    if (!sentence) continue;
    const people = (entities.bySentence.get(`${story.id}#${i}`) ?? [])
      .filter((m) => m.kind === "person" && (i < sentenceIndex || m.end <= before))
      .sort((a, b) => a.start - b.start);
    if (people.length === 0) continue;
    const speaking = people.find((m) => SPEAKS_AFTER.test(story.body.slice(m.end, m.end + 40)));
    const chosen = speaking ?? people[0];
    const entity = chosen ? entities.byId.get(chosen.entityId) : undefined;
    if (entity) return { entityId: entity.id, name: entity.name };
  }
  return null;
}

export interface QuoteRanking {
  storylineOf: (storyId: string) => { id: string; rank: number };
  sentenceScore: (storyId: string, sentenceIndex: number) => number;
}

/** Keeps the best quotes: attributed ones first, one per speaker before a second, no repeats. */
export function selectQuotes(found: readonly FoundQuote[], ranking: QuoteRanking, limit: number): Quote[] {
  // The same words quoted by two outlets (or a shorter cut of them) are one quote: keep the
  // longest, attributed version. Containment is checked within a storyline only, where
  // repeats happen, so the cost stays small on large inputs.
  const normalized = found.map((q) => ` ${q.text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim()} `);
  const byStoryline = new Map<string, number[]>();
  found.forEach((q, i) => {
    const key = ranking.storylineOf(q.storyId).id;
    const list = byStoryline.get(key) ?? [];
    list.push(i);
    byStoryline.set(key, list);
  });
  const unique = found.filter((q, i) => {
    const mine = normalized[i] ?? "";
    const group = byStoryline.get(ranking.storylineOf(q.storyId).id) ?? [];
    return !group.some((j) => {
      if (j === i) return false;
      const other = found[j];
      const theirs = normalized[j] ?? "";
      if (!other || theirs.length < mine.length || !theirs.includes(mine)) return false;
      if (theirs.length !== mine.length) return true;
      const better = Number(other.speakerEntityId !== null) - Number(q.speakerEntityId !== null);
      return better > 0 || (better === 0 && j < i);
    });
  });
  const ordered = [...unique].sort((a, b) => {
    const attributed = Number(b.speakerEntityId !== null) - Number(a.speakerEntityId !== null);
    if (attributed !== 0) return attributed;
    const ra = ranking.storylineOf(a.storyId).rank;
    const rb = ranking.storylineOf(b.storyId).rank;
    return ra - rb || ranking.sentenceScore(b.storyId, b.sentenceIndex) - ranking.sentenceScore(a.storyId, a.sentenceIndex) || (a.storyId < b.storyId ? -1 : a.storyId > b.storyId ? 1 : 0) || a.start - b.start;
  });
  const bySpeaker = new Map<string, number>();
  const firstPass: FoundQuote[] = [];
  const rest: FoundQuote[] = [];
  for (const q of ordered) {
    const key = q.speakerEntityId ?? `anon:${q.storyId}:${q.start}`;
    const n = bySpeaker.get(key) ?? 0;
    bySpeaker.set(key, n + 1);
    (n === 0 ? firstPass : rest).push(q);
  }
  return [...firstPass, ...rest].slice(0, limit).map((q) => ({
    id: `quote-${q.storyId}-${q.start}`,
    text: q.text,
    speaker: q.speakerName !== null ? { entityId: q.speakerEntityId, name: q.speakerName } : null,
    storylineId: ranking.storylineOf(q.storyId).id,
    citation: { storyId: q.storyId, sentenceIndex: q.sentenceIndex, start: q.start, end: q.end },
  }));
}
