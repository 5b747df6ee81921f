// Turns ranked sentences into points without repeating a fact: a sentence and the
// near-duplicates other outlets wrote become one point citing all of them. Near-duplicates
// are found through an inverted index over rare terms, so only the top candidates of a
// storyline are compared, never every sentence with every other. A point must read alone:
// see standalone-points.ts for how a chosen sentence is trimmed, resolved or joined.
import type { EntityIndex } from "../entities/entity-registry";
import type { ScoredSentence } from "./scoring";
import { compareScored } from "./scoring";
import { dotProduct } from "../text/sparse-vectors";
import { PERSON_TITLES } from "../entities/canonical-names";
import { countWords, stemWord } from "../text/text-tokens";
import type { Citation } from "../types";
import { type CitedSpan, type StandaloneText, shapeStandalone } from "./standalone-points";
import { readContext, trimConnective } from "./standalone";

const ROLE_STEMS = new Set([...PERSON_TITLES].map((t) => stemWord(t)));

export interface DraftPoint {
  lead: ScoredSentence;
  support: ScoredSentence[];
  score: number;
  sourceKeys: string[];
  /** What the point shows: the lead sentence made to read alone. */
  text: string;
  /** The lead story's cited spans (the lead, its tail after a dropped connective, or the sentence before and the lead). */
  spans: CitedSpan[];
  context: "resolved" | "joined" | null;
}

/** Cosine at which a sentence in another story is taken to report the same fact. */
export const SUPPORT_THRESHOLD = 0.3;
/** Cosine at which a candidate repeats a point already chosen and is skipped. */
const DUPLICATE_THRESHOLD = 0.45;
// Same fact needs several shared units: each shared name counts once, and the words of
// names and titles do not count again ("Agriculture Minister Alan Pryce" in two sentences
// about different things is one unit, not four).
const MIN_SHARED_UNITS = 4;
const SUPPORT_BOOST = 0.8;
// Similar wording in another story raises a sentence's rank even when the shared-units rule
// says it is not quite the same fact (so it is not cited as support).
const ECHO_THRESHOLD = SUPPORT_THRESHOLD;
const NOVELTY_EXPONENT = 2;
// A point that takes on the next sentence (which leans on it) stays a point.
const MAX_HOSTED_WORDS = 80;
const MAX_SPANS = 2;

/**
 * Chooses up to `limit` points from a storyline's ranked sentences. `entities` lets a pronoun
 * be resolved to a bracketed name; without it such sentences are joined on or passed over.
 */
export function selectPoints(
  ranked: readonly ScoredSentence[],
  limit: number,
  entities: EntityIndex | null = null,
): DraftPoint[] {
  const candidateCount = Math.min(ranked.length, Math.max(20, limit * 4));
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

  const findSupport = (item: ScoredSentence): { support: ScoredSentence[]; echoSources: Set<string> } => {
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
    const echoSources = new Set<string>([item.story.sourceKey]);
    for (const [other, count] of shared) {
      if (count < 2) continue;
      const sim = dotProduct(item.vector, other.vector);
      // An echo (similar wording elsewhere) raises the rank; only a full match is cited.
      if (sim >= ECHO_THRESHOLD) echoSources.add(other.story.sourceKey);
      if (
        count < MIN_SHARED_UNITS ||
        sim < SUPPORT_THRESHOLD ||
        countSharedUnits(item, other) < MIN_SHARED_UNITS
      )
        continue;
      echoSources.add(other.story.sourceKey);
      const best = bestPerStory.get(other.story.id);
      if (!best || sim > best.sim || (sim === best.sim && other.sentence.index < best.item.sentence.index)) {
        bestPerStory.set(other.story.id, { item: other, sim });
      }
    }
    return { support: [...bestPerStory.values()].map((b) => b.item).sort(compareByPosition), echoSources };
  };

  const supportOf = new Map<ScoredSentence, ScoredSentence[]>();
  const boosted = candidates.map((item) => {
    const { support, echoSources } = findSupport(item);
    supportOf.set(item, support);
    return { item, score: item.score * (1 + SUPPORT_BOOST * (echoSources.size - 1)) };
  });
  boosted.sort((a, b) => b.score - a.score || compareScored(a.item, b.item));

  // Greedy selection with diminishing returns: a candidate is worth its score times the share
  // of its term weight that chosen points have not covered yet (SumBasic-style), so a
  // sentence that repeats half of an earlier point ranks below one with fresh content.
  // Sentences already shown (as a lead, a support or a joined sentence), by story and index.
  const used = new Set<string>();
  const keyOf = (story: { id: string }, index: number): string => `${story.id}#${index}`;
  const isUsed = (item: ScoredSentence): boolean => used.has(keyOf(item.story, item.sentence.index));
  const covered = new Set<string>();
  const novelty = new NoveltyMeter();
  const points: DraftPoint[] = [];
  const passedOver: Array<{ item: ScoredSentence; gain: number }> = [];
  const pool = [...boosted];
  while (points.length < limit && pool.length > 0) {
    let bestIndex = -1;
    let bestGain = -1;
    for (let i = 0; i < pool.length; i++) {
      const entry = pool[i];
      if (!entry || isUsed(entry.item)) continue;
      const gain = entry.score * Math.pow(novelty.measure(entry.item, covered), NOVELTY_EXPONENT);
      if (gain > bestGain) {
        bestGain = gain;
        bestIndex = i;
      }
    }
    if (bestIndex < 0) break;
    const [entry] = pool.splice(bestIndex, 1);
    if (!entry) break;
    const { item } = entry;
    if (points.some((p) => dotProduct(p.lead.vector, item.vector) >= DUPLICATE_THRESHOLD)) {
      used.add(keyOf(item.story, item.sentence.index));
      continue;
    }
    const candidates = (supportOf.get(item) ?? []).filter((s) => !isUsed(s));
    // The sentence as it would read alone; failing that, another outlet's telling of the same
    // fact that does; failing that, the sentence is passed over for the next candidate.
    let lead = item;
    let shaped = shapeFor(item);
    if (!shaped) {
      for (const other of [...candidates].sort(compareScored)) {
        shaped = shapeFor(other);
        if (shaped) {
          lead = other;
          break;
        }
      }
    }
    if (!shaped) {
      used.add(keyOf(item.story, item.sentence.index));
      // It leans on the sentence a chosen point ends with: that point goes on with it.
      const host = findHost(item);
      if (host) absorb(host, item);
      else passedOver.push({ item, gain: bestGain });
      continue;
    }
    const support = candidates.filter((s) => s !== lead);
    if (lead !== item) support.push(item);
    support.sort(compareByPosition);
    for (const s of [lead, ...support]) used.add(keyOf(s.story, s.sentence.index));
    for (const span of shaped.spans) used.add(keyOf(lead.story, span.sentence.index));
    for (const t of lead.vector.keys()) covered.add(t);
    if (lead !== item) for (const t of item.vector.keys()) covered.add(t);
    const sourceKeys = [...new Set([lead.story.sourceKey, ...support.map((s) => s.story.sourceKey)])].sort();
    const point: DraftPoint = {
      lead,
      support,
      score: roundScore(bestGain),
      sourceKeys,
      text: shaped.text,
      spans: shaped.spans,
      context: shaped.context,
    };
    points.push(point);
    // A sentence passed over because it leans on this point's last sentence goes on with it.
    for (
      let next = passedOver.find((p) => findHost(p.item) === point);
      next;
      next = passedOver.find((p) => findHost(p.item) === point)
    ) {
      passedOver.splice(passedOver.indexOf(next), 1);
      absorb(point, next.item);
    }
  }
  // A storyline whose every sentence leans on context still gets its best one (the checks count it).
  const fallback = passedOver[0];
  if (points.length === 0 && fallback) {
    const { item } = fallback;
    const trim = readContext(item.sentence.text).trim;
    points.push({
      lead: item,
      support: [],
      score: roundScore(fallback.gain),
      sourceKeys: [item.story.sourceKey],
      text: trimConnective(item.sentence.text, trim),
      spans: [{ sentence: item.sentence, start: item.sentence.start + trim, end: item.sentence.end }],
      context: null,
    });
  }
  return points;

  function absorb(host: DraftPoint, item: ScoredSentence): void {
    host.text = `${host.text} ${item.sentence.text}`;
    host.spans.push({ sentence: item.sentence, start: item.sentence.start, end: item.sentence.end });
    host.context = "joined";
    used.add(keyOf(item.story, item.sentence.index));
    for (const s of supportOf.get(item) ?? []) {
      if (isUsed(s) || host.support.some((h) => h.story.id === s.story.id)) continue;
      host.support.push(s);
      used.add(keyOf(s.story, s.sentence.index));
    }
    host.support.sort(compareByPosition);
    host.sourceKeys = [
      ...new Set([host.lead.story.sourceKey, ...host.support.map((h) => h.story.sourceKey)]),
    ].sort();
    for (const t of item.vector.keys()) covered.add(t);
  }

  function findHost(item: ScoredSentence): DraftPoint | null {
    const host = points.find(
      (p) =>
        p.lead.story.id === item.story.id &&
        p.spans[p.spans.length - 1]?.sentence.index === item.sentence.index - 1,
    );
    const last = host?.spans[host.spans.length - 1];
    // Two sentences at most: a point, not a paragraph.
    if (
      !host ||
      !last ||
      host.spans.length >= MAX_SPANS ||
      !/^\s*$/.test(item.story.body.slice(last.end, item.sentence.start))
    )
      return null;
    return countWords(host.text) + item.sentence.words <= MAX_HOSTED_WORDS ? host : null;
  }

  function shapeFor(candidate: ScoredSentence): StandaloneText | null {
    return shapeStandalone(
      candidate.story,
      candidate.sentence,
      entities,
      (index) => !used.has(keyOf(candidate.story, index)),
    );
  }
}

function countSharedUnits(a: ScoredSentence, b: ScoredSentence): number {
  let units = 0;
  for (const t of a.vector.keys()) {
    if (!b.vector.has(t)) continue;
    if (t.startsWith("@") || (!a.nameStems.has(t) && !b.nameStems.has(t) && !ROLE_STEMS.has(t))) units++;
  }
  return units;
}

/**
 * The share of a sentence's squared term weight that `covered` does not hold. Asked of every
 * candidate for every point chosen, so each sentence's terms and squared weights are read out
 * of its vector once (summed in the vector's order, as before).
 */
class NoveltyMeter {
  private readonly read = new Map<
    ScoredSentence,
    { terms: string[]; squares: Float64Array; total: number }
  >();

  measure(item: ScoredSentence, covered: ReadonlySet<string>): number {
    let entry = this.read.get(item);
    if (!entry) {
      const terms = [...item.vector.keys()];
      const squares = new Float64Array(terms.length);
      let total = 0;
      let k = 0;
      for (const w of item.vector.values()) {
        squares[k++] = w * w;
        total += w * w;
      }
      entry = { terms, squares, total };
      this.read.set(item, entry);
    }
    const { terms, squares, total } = entry;
    let fresh = 0;
    for (let k = 0; k < terms.length; k++) if (!covered.has(terms[k] ?? "")) fresh += squares[k] ?? 0;
    return total > 0 ? fresh / total : 0;
  }
}

function roundScore(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

function compareByPosition(a: ScoredSentence, b: ScoredSentence): number {
  return (
    (a.story.id < b.story.id ? -1 : a.story.id > b.story.id ? 1 : 0) || a.sentence.index - b.sentence.index
  );
}

export function citeSentence(item: ScoredSentence): Citation {
  return {
    storyId: item.story.id,
    sentenceIndex: item.sentence.index,
    start: item.sentence.start,
    end: item.sentence.end,
  };
}

/** Citations of a point: the spans it shows of the lead story and its supporters' sentences, in story order. */
export function citePoint(point: DraftPoint): Citation[] {
  const own = point.spans.map((s) => ({
    storyId: point.lead.story.id,
    sentenceIndex: s.sentence.index,
    start: s.start,
    end: s.end,
  }));
  return [...own, ...point.support.map(citeSentence)].sort(
    (a, b) =>
      (a.storyId < b.storyId ? -1 : a.storyId > b.storyId ? 1 : 0) || a.sentenceIndex - b.sentenceIndex,
  );
}
