// Turns ranked sentences into points without repeating a fact: a sentence and the
// near-duplicates other outlets wrote become one point citing all of them. Near-duplicates
// are found through an inverted index over rare terms, so only the top candidates of a
// storyline are compared, never every sentence with every other.
import type { ScoredSentence } from "./scoring";
import { compareScored } from "./scoring";
import { dotProduct } from "./sparse-vectors";
import type { Citation } from "./types";

export interface DraftPoint {
  lead: ScoredSentence;
  support: ScoredSentence[];
  score: number;
  sourceKeys: string[];
}

/** Cosine at which a sentence in another story is taken to report the same fact. */
export const SUPPORT_THRESHOLD = 0.3;
/** Cosine at which a candidate repeats a point already chosen and is skipped. */
const DUPLICATE_THRESHOLD = 0.45;
const MIN_SHARED_TERMS = 3;
const SUPPORT_BOOST = 0.35;

export function selectPoints(ranked: readonly ScoredSentence[], limit: number): DraftPoint[] {
  const candidateCount = Math.min(ranked.length, Math.max(20, limit * 6));
  const candidates = ranked.slice(0, candidateCount);
  const postings = new Map<string, ScoredSentence[]>();
  for (const item of ranked) {
    for (const t of item.vector.keys()) {
      const list = postings.get(t) ?? [];
      list.push(item);
      postings.set(t, list);
    }
  }
  // Terms in a large share of sentences say nothing about which fact a sentence reports.
  const maxPosting = Math.max(8, Math.ceil(ranked.length * 0.15));

  const findSupport = (item: ScoredSentence): ScoredSentence[] => {
    const shared = new Map<ScoredSentence, number>();
    for (const t of item.vector.keys()) {
      const list = postings.get(t);
      if (!list || list.length > maxPosting) continue;
      for (const other of list) {
        if (other.story.id === item.story.id) continue;
        shared.set(other, (shared.get(other) ?? 0) + 1);
      }
    }
    const bestPerStory = new Map<string, { item: ScoredSentence; sim: number }>();
    for (const [other, count] of shared) {
      if (count < MIN_SHARED_TERMS) continue;
      const sim = dotProduct(item.vector, other.vector);
      if (sim < SUPPORT_THRESHOLD) continue;
      const best = bestPerStory.get(other.story.id);
      if (!best || sim > best.sim || (sim === best.sim && other.sentence.index < best.item.sentence.index)) {
        bestPerStory.set(other.story.id, { item: other, sim });
      }
    }
    return [...bestPerStory.values()].map((b) => b.item).sort(compareByPosition);
  };

  const supportOf = new Map<ScoredSentence, ScoredSentence[]>();
  const boosted = candidates.map((item) => {
    const support = findSupport(item);
    supportOf.set(item, support);
    const sources = new Set([item.story.sourceKey, ...support.map((s) => s.story.sourceKey)]);
    return { item, score: item.score * (1 + SUPPORT_BOOST * (sources.size - 1)) };
  });
  boosted.sort((a, b) => b.score - a.score || compareScored(a.item, b.item));

  const used = new Set<ScoredSentence>();
  const points: DraftPoint[] = [];
  for (const { item, score } of boosted) {
    if (points.length >= limit) break;
    if (used.has(item)) continue;
    if (points.some((p) => dotProduct(p.lead.vector, item.vector) >= DUPLICATE_THRESHOLD)) continue;
    const support = (supportOf.get(item) ?? []).filter((s) => !used.has(s));
    used.add(item);
    for (const s of support) used.add(s);
    const sourceKeys = [...new Set([item.story.sourceKey, ...support.map((s) => s.story.sourceKey)])].sort();
    points.push({ lead: item, support, score, sourceKeys });
  }
  return points;
}

function compareByPosition(a: ScoredSentence, b: ScoredSentence): number {
  return (a.story.id < b.story.id ? -1 : a.story.id > b.story.id ? 1 : 0) || a.sentence.index - b.sentence.index;
}

export function citeSentence(item: ScoredSentence): Citation {
  return { storyId: item.story.id, sentenceIndex: item.sentence.index, start: item.sentence.start, end: item.sentence.end };
}

/** Citations of a point: the lead sentence and its supporters, in story order. */
export function citePoint(point: DraftPoint): Citation[] {
  return [point.lead, ...point.support].sort(compareByPosition).map(citeSentence);
}
