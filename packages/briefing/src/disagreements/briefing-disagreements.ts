// The disagreements stage: after points are chosen, compares the sentences merged into each
// point and the sentences of its storyline that report the same fact, dates every point
// (`asOf`), lists where outlets differ and marks points a newer story has overtaken. A
// superseded point stops leading: the newer fact takes its place (as a point of its own
// when it was only a supporting citation) and the old one follows, citing what replaced it.
import type { EntityIndex } from "../entities/entity-registry";
import type { DraftPoint } from "../selection/redundancy";
import type { ScoredSentence } from "../selection/scoring";
import { shapeStandalone } from "../selection/standalone-points";
import type { PreparedSentence, PreparedStory } from "../text/prepared-stories";
import { getContentStems } from "../text/text-tokens";
import type { FoundQuote } from "../timeline-and-quotes/quotes";
import type { Citation, Disagreement, Point, Storyline } from "../types";
import { type ClaimDifference, type ClaimSentence, citeClaim, compareClaims } from "./compare-claims";
import { formatDay } from "./event-dates";

/** Sentences of a storyline, besides the points' own, compared with each point (best ranked first). */
const STORYLINE_CANDIDATES = 60;
// Sentences of two points (not merged by selection) report the same fact only when most of
// the shorter one's content words are in the other.
const SAME_FACT_OVERLAP = 0.5;
const SAME_FACT_MIN_SHARED = 3;

export interface DisagreementInput {
  shown: ReadonlyArray<{ cluster: { id: string }; ranked: readonly ScoredSentence[]; drafts: readonly DraftPoint[] }>;
  /** The briefing's points (mutated: `asOf`, `supersededBy`, order; new points for newer facts are added). */
  points: Point[];
  /** The briefing's storylines (mutated: `pointIds` follow the new order). */
  storylines: Storyline[];
  quotes: readonly FoundQuote[];
  entities: EntityIndex;
}

export function markDisagreements(input: DisagreementInput): Disagreement[] {
  const { points, storylines } = input;
  const speakersOf = new Map<string, string[]>();
  for (const q of input.quotes) {
    if (!q.speakerName) continue;
    const key = `${q.storyId}#${q.sentenceIndex}`;
    speakersOf.set(key, [...(speakersOf.get(key) ?? []), q.speakerName]);
  }
  const storyOf = new Map<string, PreparedStory>();
  for (const r of input.shown) for (const item of r.ranked) storyOf.set(item.story.id, item.story);
  const claimCache = new Map<string, ClaimSentence>();
  const claimOf = (story: PreparedStory, sentence: PreparedSentence): ClaimSentence => {
    const key = `${story.id}#${sentence.index}`;
    const cached = claimCache.get(key);
    if (cached) return cached;
    const dated = story.referenceBasis === "published" || story.referenceBasis === "uploaded" ? story.reference : null;
    const claim: ClaimSentence = {
      storyId: story.id,
      sentenceIndex: sentence.index,
      start: sentence.start,
      end: sentence.end,
      text: sentence.text,
      source: story.source ?? "Unknown source",
      sourceKey: story.sourceKey,
      time: dated ? dated.getTime() : null,
      asOf: asOfStory(story),
      reference: story.reference,
      quoteSpeakers: speakersOf.get(key) ?? [],
    };
    claimCache.set(key, claim);
    return claim;
  };


  const pointById = new Map(points.map((p) => [p.id, p]));
  const leadPointOf = new Map<string, string>();
  const citingPoints = new Map<string, string[]>();
  for (const p of points) {
    for (const c of p.citations) {
      const key = `${c.storyId}#${c.sentenceIndex}`;
      citingPoints.set(key, [...(citingPoints.get(key) ?? []), p.id]);
    }
  }

  const differences: Array<{ storylineId: string; diff: ClaimDifference }> = [];
  for (const r of input.shown) {
    const storylineId = r.cluster.id;
    const members = r.drafts
      .map((d) => ({ id: `point-${d.lead.story.id}-${d.lead.sentence.index}`, lead: claimOf(d.lead.story, d.lead.sentence), support: d.support.map((s) => claimOf(s.story, s.sentence)) }))
      .filter((m) => pointById.has(m.id));
    for (const m of members) leadPointOf.set(`${m.lead.storyId}#${m.lead.sentenceIndex}`, m.id);
    const others = r.ranked.slice(0, STORYLINE_CANDIDATES).map((item) => claimOf(item.story, item.sentence));
    const seen = new Set<string>();
    const compare = (a: ClaimSentence, b: ClaimSentence, gated: boolean): void => {
      if (a.storyId === b.storyId) return;
      const ka = `${a.storyId}#${a.sentenceIndex}`;
      const kb = `${b.storyId}#${b.sentenceIndex}`;
      const key = ka < kb ? `${ka}|${kb}` : `${kb}|${ka}`;
      if (seen.has(key)) return;
      seen.add(key);
      if (gated && !reportSameFact(a.text, b.text)) return;
      for (const diff of compareClaims(a, b)) differences.push({ storylineId, diff });
    };
    // The sentences merged into one point report one fact.
    for (const m of members) {
      const all = [m.lead, ...m.support];
      for (let i = 0; i < all.length; i++) for (let j = i + 1; j < all.length; j++) compare(all[i] as ClaimSentence, all[j] as ClaimSentence, false);
    }
    // A point and the storyline's other tellings of the same fact.
    for (const m of members) {
      for (const other of members) if (other !== m) for (const s of [other.lead, ...other.support]) compare(m.lead, s, true);
      for (const s of others) compare(m.lead, s, true);
    }
  }

  // Supersessions first: a fact replaced by a newer one is an update, not a disagreement.
  const disagreements: Disagreement[] = [];
  const seenDisagreement = new Set<string>();
  const newPoints: Point[] = [];
  for (const { storylineId, diff } of differences) {
    const [a, b] = diff.sides;
    if (diff.superseded) {
      const olderId = leadPointOf.get(`${a.sentence.storyId}#${a.sentence.sentenceIndex}`);
      const older = olderId ? pointById.get(olderId) : undefined;
      if (!older || older.supersededBy) continue;
      const newerPoint = findOrMakePoint(b.sentence, older, storylineId);
      if (!newerPoint) continue;
      older.supersededBy = {
        kind: diff.kind,
        pointId: newerPoint.id,
        citations: [citeClaim(b.sentence)],
        source: b.sentence.source,
        asOf: b.sentence.asOf,
        description: `${b.sentence.source}${dated(b.sentence.asOf)} reports ${b.value}; ${a.sentence.source}${dated(a.sentence.asOf)} had ${a.value}`,
      };
      continue;
    }
    const sides = [a, b].sort((x, y) => (x.sentence.source < y.sentence.source ? -1 : x.sentence.source > y.sentence.source ? 1 : x.sentence.storyId < y.sentence.storyId ? -1 : 1));
    const [first, second] = sides as [typeof a, typeof b];
    const dedupe = `${storylineId}|${diff.kind}|${diff.key}|${first.sentence.source}=${first.value}|${second.sentence.source}=${second.value}`;
    if (seenDisagreement.has(dedupe)) continue;
    seenDisagreement.add(dedupe);
    const pointIds = [...new Set([first, second].flatMap((s) => citingPoints.get(`${s.sentence.storyId}#${s.sentence.sentenceIndex}`) ?? []))].sort();
    const ids = [first, second].map((s) => `${s.sentence.storyId}-${s.sentence.sentenceIndex}`).join("-");
    disagreements.push({
      id: `disagreement-${diff.kind}-${ids}`,
      kind: diff.kind,
      storylineId,
      pointIds,
      sides: [first, second].map((s) => ({ source: s.sentence.source, value: s.value, citation: citeClaim(s.sentence), asOf: s.sentence.asOf })),
      description: describeDisagreement(diff.kind, first.sentence.source, first.value, second.sentence.source, second.value),
    });
  }

  // The newer facts lead; superseded points follow everything current.
  points.push(...newPoints);
  // As of: the newest story a point cites.
  for (const p of points) p.asOf = newestAsOf(p.citations, storyOf);
  const rank = (p: Point): number => (p.supersededBy ? 1 : 0);
  points.sort((x, y) => rank(x) - rank(y) || y.score - x.score || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  const order = new Map(points.map((p, i) => [p.id, i]));
  for (const s of storylines) {
    const added = newPoints.filter((p) => p.storylineId === s.id).map((p) => p.id);
    s.pointIds = [...s.pointIds, ...added].sort((x, y) => (order.get(x) ?? 0) - (order.get(y) ?? 0));
  }
  const storylineRank = new Map(storylines.map((s, i) => [s.id, i]));
  return disagreements.sort((x, y) => (storylineRank.get(x.storylineId) ?? 0) - (storylineRank.get(y.storylineId) ?? 0) || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));

  // The point that shows the newer sentence: an existing one led by it, or a new one made
  // from it (taking the older point's place), or null when it cannot read alone.
  function findOrMakePoint(newer: ClaimSentence, older: Point, storylineId: string): Point | null {
    const existing = leadPointOf.get(`${newer.storyId}#${newer.sentenceIndex}`);
    if (existing) return pointById.get(existing) ?? null;
    const story = storyOf.get(newer.storyId);
    const sentence = story?.sentences[newer.sentenceIndex];
    if (!story || !sentence) return null;
    const shaped = shapeStandalone(story, sentence, input.entities, () => false);
    if (!shaped) return null;
    const citations: Citation[] = shaped.spans.map((s) => ({ storyId: story.id, sentenceIndex: s.sentence.index, start: s.start, end: s.end }));
    // The newer sentence no longer counts as support for the older fact.
    const kept = older.citations.filter((c) => c.storyId !== newer.storyId || c.sentenceIndex !== newer.sentenceIndex);
    if (kept.length > 0 && kept.length < older.citations.length) {
      older.citations = kept;
      const outlets = new Set(kept.map((c) => storyOf.get(c.storyId)?.sourceKey ?? c.storyId));
      older.sourceCount = outlets.size;
      older.singleSource = outlets.size === 1;
    }
    const point: Point = {
      id: `point-${story.id}-${sentence.index}`,
      text: shaped.text,
      ...(shaped.context ? { context: shaped.context } : {}),
      mode: "extractive",
      storylineId,
      score: older.score,
      citations,
      sourceCount: 1,
      singleSource: true,
      asOf: newer.asOf,
      supersededBy: null,
    };
    newPoints.push(point);
    pointById.set(point.id, point);
    leadPointOf.set(`${newer.storyId}#${newer.sentenceIndex}`, point.id);
    return point;
  }
}

function asOfStory(story: PreparedStory): string | null {
  if (story.referenceBasis === "published") return story.publishedAt;
  if (story.referenceBasis === "uploaded" && story.reference) return story.reference.toISOString();
  return null;
}

function newestAsOf(citations: readonly Citation[], storyOf: ReadonlyMap<string, PreparedStory>): string | null {
  let best: { time: number; asOf: string } | null = null;
  for (const c of citations) {
    const story = storyOf.get(c.storyId);
    const asOf = story ? asOfStory(story) : null;
    if (!story?.reference || asOf === null) continue;
    const time = story.reference.getTime();
    if (!best || time > best.time || (time === best.time && asOf > best.asOf)) best = { time, asOf };
  }
  return best?.asOf ?? null;
}

function dated(asOf: string | null): string {
  return asOf && /^\d{4}-\d{2}-\d{2}/.test(asOf) ? ` (${formatDay(asOf.slice(0, 10))})` : "";
}

function describeDisagreement(kind: Disagreement["kind"], sourceA: string, valueA: string, sourceB: string, valueB: string): string {
  if (kind === "date") return `${sourceA} dates it ${valueA}; ${sourceB} ${valueB}`;
  if (kind === "attribution") return `${sourceA} attributes it to ${valueA}; ${sourceB} to ${valueB}`;
  return `${sourceA} says ${valueA}; ${sourceB} says ${valueB}`;
}

const NUMBERS = /^\d/;

/** Two sentences report the same fact when most content words of the shorter are in the other (figures and dates aside). */
export function reportSameFact(a: string, b: string): boolean {
  const x = new Set(getContentStems(a).filter((s) => !NUMBERS.test(s)));
  const y = new Set(getContentStems(b).filter((s) => !NUMBERS.test(s)));
  let shared = 0;
  for (const s of x) if (y.has(s)) shared++;
  const smaller = Math.min(x.size, y.size);
  return smaller > 0 && shared >= SAME_FACT_MIN_SHARED && shared / smaller >= SAME_FACT_OVERLAP;
}
