// Direct quotes: the exact characters between quote marks, with the speaker found from the
// attribution around them (quote-speakers.ts), and the few best kept for the briefing.
import type { EntityIndex } from "../entities/entity-registry";
import type { PreparedStory } from "../text/prepared-stories";
import type { Quote } from "../types";
import { createSpeakerContext, findSpeaker } from "./quote-speakers";

export interface FoundQuote {
  storyId: string;
  sentenceIndex: number;
  start: number;
  end: number;
  text: string;
  speakerEntityId: string | null;
  speakerName: string | null;
}

const MIN_QUOTE_WORDS = 4;
// Partial quotes nobody is named for are kept only when they say something on their own.
const MIN_UNATTRIBUTED_WORDS = 8;

export function findQuotes(stories: readonly PreparedStory[], entities: EntityIndex): FoundQuote[] {
  const out: FoundQuote[] = [];
  for (const story of stories) {
    const speakers = createSpeakerContext(story, entities);
    for (const sentence of story.sentences) {
      if (!sentence.prose) continue;
      for (const span of findQuoteSpans(sentence.text)) {
        const start = sentence.start + span.start;
        const end = sentence.start + span.end;
        const text = story.body.slice(start, end);
        const words = text.trim().split(/\s+/).length;
        if (words < MIN_QUOTE_WORDS) continue;
        const speaker = findSpeaker(speakers, sentence.index, span);
        if (!speaker && words < MIN_UNATTRIBUTED_WORDS) continue;
        out.push({
          storyId: story.id,
          sentenceIndex: sentence.index,
          start,
          end,
          text,
          speakerEntityId: speaker?.entityId ?? null,
          speakerName: speaker?.name ?? null,
        });
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

export interface QuoteRanking {
  storylineOf: (storyId: string) => { id: string; rank: number };
  sentenceScore: (storyId: string, sentenceIndex: number) => number;
}

/** Keeps the best quotes: attributed ones first, one per speaker before a second, no repeats. */
export function selectQuotes(found: readonly FoundQuote[], ranking: QuoteRanking, limit: number): Quote[] {
  // The same words quoted by two outlets (or a shorter cut of them) are one quote: keep the
  // longest, attributed version. Containment is checked within a storyline only, where
  // repeats happen, so the cost stays small on large inputs.
  const normalized = found.map(
    (q) =>
      ` ${q.text
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, " ")
        .trim()} `,
  );
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
    return (
      ra - rb ||
      ranking.sentenceScore(b.storyId, b.sentenceIndex) - ranking.sentenceScore(a.storyId, a.sentenceIndex) ||
      (a.storyId < b.storyId ? -1 : a.storyId > b.storyId ? 1 : 0) ||
      a.start - b.start
    );
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
