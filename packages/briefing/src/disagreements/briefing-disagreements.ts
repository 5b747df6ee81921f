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
import { STOPWORDS, stemWord } from "../text/text-tokens";
import type { FoundQuote } from "../timeline-and-quotes/quotes";
import type { Citation, Disagreement, Point, Storyline } from "../types";
import { type ClaimDifference, type ClaimSentence, citeClaim, compareClaims } from "./compare-claims";
import { formatDay } from "./event-dates";

/** Sentences of a storyline, besides the points' own, compared with each other (best ranked first). */
const STORYLINE_CANDIDATES = 40;
// Two sentences report the same fact when they share most content words (Dice coefficient):
// sentences selection merged into one point need less, since it matched them already.
const SAME_FACT = 0.5;
const SAME_FACT_IN_POINT = 0.4;
const SAME_FACT_MIN_SHARED = 3;

export interface DisagreementInput {
  shown: ReadonlyArray<{
    cluster: { id: string };
    ranked: readonly ScoredSentence[];
    drafts: readonly DraftPoint[];
  }>;
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
  // A quote's speaker by the entity's full name when known ("William B. Becker", not "Becker").
  const entityName = new Map(input.entities.entities.map((e) => [e.id, e.name]));
  for (const q of input.quotes) {
    const name = (q.speakerEntityId ? entityName.get(q.speakerEntityId) : null) ?? q.speakerName;
    if (!name) continue;
    const key = `${q.storyId}#${q.sentenceIndex}`;
    speakersOf.set(key, [...(speakersOf.get(key) ?? []), name]);
  }
  // Words of people's names; a word that also names a place or a body ("Florida") is not one.
  const personWords = new Set<string>();
  const otherWords = new Set<string>();
  for (const e of input.entities.entities) {
    const into = e.kind === "person" ? personWords : otherWords;
    for (const name of [e.name, ...e.aliases])
      for (const w of name.toLowerCase().split(/[\s.]+/)) if (w.length > 1) into.add(w);
  }
  for (const w of otherWords) personWords.delete(w);
  const isPersonName = (word: string): boolean => personWords.has(word);
  const storyOf = new Map<string, PreparedStory>();
  for (const r of input.shown) for (const item of r.ranked) storyOf.set(item.story.id, item.story);
  const claimCache = new Map<string, ClaimSentence>();
  // Stems are read once per sentence: each is compared with every other of its storyline.
  const stemCache = new Map<ClaimSentence, Set<string>>();
  const stemsOf = (c: ClaimSentence): Set<string> => {
    let stems = stemCache.get(c);
    if (!stems) {
      stems = new Set(predicateStems(c.text));
      stemCache.set(c, stems);
    }
    return stems;
  };
  const claimOf = (story: PreparedStory, sentence: PreparedSentence): ClaimSentence => {
    const key = `${story.id}#${sentence.index}`;
    const cached = claimCache.get(key);
    if (cached) return cached;
    const dated =
      story.referenceBasis === "published" || story.referenceBasis === "uploaded" ? story.reference : null;
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
      .map((d) => ({
        id: `point-${d.lead.story.id}-${d.lead.sentence.index}`,
        lead: claimOf(d.lead.story, d.lead.sentence),
        support: d.support.map((s) => claimOf(s.story, s.sentence)),
      }))
      .filter((m) => pointById.has(m.id));
    for (const m of members) leadPointOf.set(`${m.lead.storyId}#${m.lead.sentenceIndex}`, m.id);
    const others = r.ranked.slice(0, STORYLINE_CANDIDATES).map((item) => claimOf(item.story, item.sentence));
    const seen = new Set<string>();
    const compare = (a: ClaimSentence, b: ClaimSentence, bar: number): void => {
      if (a.storyId === b.storyId) return;
      const ka = `${a.storyId}#${a.sentenceIndex}`;
      const kb = `${b.storyId}#${b.sentenceIndex}`;
      const key = ka < kb ? `${ka}|${kb}` : `${kb}|${ka}`;
      if (seen.has(key)) return;
      seen.add(key);
      if (!shareFact(stemsOf(a), stemsOf(b), bar)) return;
      for (const diff of compareClaims(a, b, { isPersonName })) differences.push({ storylineId, diff });
    };
    // The sentences merged into one point report one fact.
    for (const m of members) {
      const all = [m.lead, ...m.support];
      for (let i = 0; i < all.length; i++)
        for (let j = i + 1; j < all.length; j++)
          compare(all[i] as ClaimSentence, all[j] as ClaimSentence, SAME_FACT_IN_POINT);
    }
    // The storyline's other tellings of the same fact, cited by a point or not.
    const pool = [
      ...new Map(
        [...members.flatMap((m) => [m.lead, ...m.support]), ...others].map((c) => [
          `${c.storyId}#${c.sentenceIndex}`,
          c,
        ]),
      ).values(),
    ];
    for (let i = 0; i < pool.length; i++)
      for (let j = i + 1; j < pool.length; j++)
        compare(pool[i] as ClaimSentence, pool[j] as ClaimSentence, SAME_FACT);
  }

  // Supersessions first: a fact replaced by a newer one is an update, not a disagreement.
  const disagreements: Disagreement[] = [];
  const seenDisagreement = new Set<string>();
  const newPoints: Point[] = [];
  for (const { storylineId, diff } of differences) {
    const [a, b] = diff.sides;
    if (diff.superseded) {
      const older = findOlderPoint(a.sentence, storylineId);
      if (!older || older.supersededBy) continue;
      const newerPoint = findOrMakePoint(b.sentence, older, storylineId);
      if (!newerPoint || newerPoint === older) continue;
      older.supersededBy = {
        kind: diff.kind,
        pointId: newerPoint.id,
        citations: [citeClaim(b.sentence)],
        source: b.sentence.source,
        asOf: b.sentence.asOf,
        description: describeUpdate(diff.kind, b, a),
      };
      continue;
    }
    const sides = [a, b].sort((x, y) =>
      x.sentence.source < y.sentence.source
        ? -1
        : x.sentence.source > y.sentence.source
          ? 1
          : x.sentence.storyId < y.sentence.storyId
            ? -1
            : 1,
    );
    const [first, second] = sides as [typeof a, typeof b];
    const dedupe = `${storylineId}|${diff.kind}|${diff.key}|${first.sentence.source}=${first.value}|${second.sentence.source}=${second.value}`;
    if (seenDisagreement.has(dedupe)) continue;
    seenDisagreement.add(dedupe);
    const pointIds = [
      ...new Set(
        [first, second].flatMap(
          (s) => citingPoints.get(`${s.sentence.storyId}#${s.sentence.sentenceIndex}`) ?? [],
        ),
      ),
    ].sort();
    const ids = [first, second].map((s) => `${s.sentence.storyId}-${s.sentence.sentenceIndex}`).join("-");
    disagreements.push({
      id: `disagreement-${diff.kind}-${ids}`,
      kind: diff.kind,
      storylineId,
      pointIds,
      sides: [first, second].map((s) => ({
        source: s.sentence.source,
        value: s.value,
        citation: citeClaim(s.sentence),
        asOf: s.sentence.asOf,
      })),
      description: describeDisagreement(
        diff.kind,
        first.sentence.source,
        first.value,
        second.sentence.source,
        second.value,
      ),
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
  return disagreements.sort(
    (x, y) =>
      (storylineRank.get(x.storylineId) ?? 0) - (storylineRank.get(y.storylineId) ?? 0) ||
      (x.id < y.id ? -1 : x.id > y.id ? 1 : 0),
  );

  // The point showing the older fact: one led by it, or (when it is only another point's
  // supporting citation) a point of its own, so the superseded fact stays a click away.
  function findOlderPoint(older: ClaimSentence, storylineId: string): Point | null {
    const led = leadPointOf.get(keyOf(older));
    if (led) return pointById.get(led) ?? null;
    const host = (citingPoints.get(keyOf(older)) ?? [])
      .map((id) => pointById.get(id))
      .find((p) => p !== undefined);
    if (!host) return null;
    const point = makePoint(older, storylineId, host.score);
    if (point) detach(older, host);
    return point;
  }

  // The point that shows the newer sentence: one led by it, another point citing it, or a
  // new one made from it (taking the older point's place); null when it cannot read alone.
  function findOrMakePoint(newer: ClaimSentence, older: Point, storylineId: string): Point | null {
    const led = leadPointOf.get(keyOf(newer));
    if (led) return pointById.get(led) ?? null;
    const host = (citingPoints.get(keyOf(newer)) ?? [])
      .map((id) => pointById.get(id))
      .find((p) => p !== undefined && p !== older && !p.supersededBy);
    if (host) return host;
    const point = makePoint(newer, storylineId, older.score);
    // The newer sentence no longer counts as support for the older fact.
    if (point) detach(newer, older);
    return point;
  }

  function makePoint(claim: ClaimSentence, storylineId: string, score: number): Point | null {
    const story = storyOf.get(claim.storyId);
    const sentence = story?.sentences[claim.sentenceIndex];
    if (!story || !sentence) return null;
    const shaped = shapeStandalone(story, sentence, input.entities, () => false);
    if (!shaped) return null;
    const point: Point = {
      id: `point-${story.id}-${sentence.index}`,
      text: shaped.text,
      ...(shaped.context ? { context: shaped.context } : {}),
      mode: "extractive",
      storylineId,
      score,
      citations: shaped.spans.map((s) => ({
        storyId: story.id,
        sentenceIndex: s.sentence.index,
        start: s.start,
        end: s.end,
      })),
      sourceCount: 1,
      singleSource: true,
      asOf: claim.asOf,
      supersededBy: null,
    };
    newPoints.push(point);
    pointById.set(point.id, point);
    leadPointOf.set(keyOf(claim), point.id);
    return point;
  }

  function detach(claim: ClaimSentence, from: Point): void {
    const kept = from.citations.filter(
      (c) => c.storyId !== claim.storyId || c.sentenceIndex !== claim.sentenceIndex,
    );
    if (kept.length === 0 || kept.length === from.citations.length) return;
    from.citations = kept;
    const outlets = new Set(kept.map((c) => storyOf.get(c.storyId)?.sourceKey ?? c.storyId));
    from.sourceCount = outlets.size;
    from.singleSource = outlets.size === 1;
    const list = citingPoints.get(keyOf(claim));
    if (list)
      citingPoints.set(
        keyOf(claim),
        list.filter((id) => id !== from.id),
      );
  }
}

function keyOf(c: { storyId: string; sentenceIndex: number }): string {
  return `${c.storyId}#${c.sentenceIndex}`;
}

function asOfStory(story: PreparedStory): string | null {
  if (story.referenceBasis === "published") return story.publishedAt;
  if (story.referenceBasis === "uploaded" && story.reference) return story.reference.toISOString();
  return null;
}

function newestAsOf(
  citations: readonly Citation[],
  storyOf: ReadonlyMap<string, PreparedStory>,
): string | null {
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

/**
 * How a reader is told a fact was updated, a sentence that reads on its own: "Upland Gazette
 * (27 November 2026) reports that the ministry met charities on Friday; Upland Gazette (23
 * November 2026) had reported that the ministry will meet charities on Friday". A count or a
 * date is reported or given as it stands; a status is a clause, so it takes "that".
 */
function describeUpdate(
  kind: Disagreement["kind"],
  newer: { sentence: ClaimSentence; value: string },
  older: { sentence: ClaimSentence; value: string },
): string {
  const [now, then] =
    kind === "date"
      ? ["now gives", "had given"]
      : kind === "status"
        ? ["reports that", "had reported that"]
        : ["reports", "had reported"];
  const who = (side: { sentence: ClaimSentence }) => `${side.sentence.source}${dated(side.sentence.asOf)}`;
  return `${who(newer)} ${now} ${newer.value}; ${who(older)} ${then} ${older.value}`;
}

function dated(asOf: string | null): string {
  return asOf && /^\d{4}-\d{2}-\d{2}/.test(asOf) ? ` (${formatDay(asOf.slice(0, 10))})` : "";
}

function describeDisagreement(
  kind: Disagreement["kind"],
  sourceA: string,
  valueA: string,
  sourceB: string,
  valueB: string,
): string {
  if (kind === "date") return `${sourceA} dates it ${valueA}; ${sourceB} ${valueB}`;
  if (kind === "attribution") return `${sourceA} attributes it to ${valueA}; ${sourceB} to ${valueB}`;
  return `${sourceA} says ${valueA}; ${sourceB} says ${valueB}`;
}

const NUMBERS = /^\d/;
const TOKEN = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

// Content stems of the words that are not names (capitalised inside the sentence) or figures.
function predicateStems(text: string): string[] {
  const out: string[] = [];
  let first = true;
  for (const m of text.matchAll(TOKEN)) {
    const word = m[0];
    const isName = !first && /^\p{Lu}/u.test(word);
    first = false;
    if (isName) continue;
    const lower = word.toLowerCase().replace(/’/g, "'");
    if (lower.length < 2 || STOPWORDS.has(lower) || NUMBERS.test(lower)) continue;
    out.push(stemWord(lower));
  }
  return out;
}

/**
 * Two sentences report the same fact when they share most of what they say happened: the
 * Dice coefficient of their content words, figures and names aside (every sentence of a
 * storyline shares its names), is at least `bar`.
 */
export function reportSameFact(a: string, b: string, bar = SAME_FACT): boolean {
  return shareFact(new Set(predicateStems(a)), new Set(predicateStems(b)), bar);
}

function shareFact(x: ReadonlySet<string>, y: ReadonlySet<string>, bar: number): boolean {
  if (x.size === 0 || y.size === 0) return false;
  // Dice ≥ bar needs at least this many shared stems; a cheap bound before counting.
  if ((2 * Math.min(x.size, y.size)) / (x.size + y.size) < bar) return false;
  let shared = 0;
  for (const s of x) if (y.has(s)) shared++;
  return shared >= SAME_FACT_MIN_SHARED && (2 * shared) / (x.size + y.size) >= bar;
}
