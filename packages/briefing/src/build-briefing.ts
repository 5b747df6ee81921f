// The pipeline: clean → sentences → tokens/stems → entities and canonical names →
// storylines → sentence scores → points (redundancy removed) → timeline, quotes → JSON.
// Pure and deterministic: no I/O, no clock unless `options.now` is passed.
import { compareBriefings } from "./output/changes";
import { checkBriefing } from "./output/checks";
import { extractMentions } from "./entities/entity-mentions";
import { buildEntityIndex, rankEntities } from "./entities/entity-registry";
import { chooseHeadline, writeOverview } from "./selection/headline";
import { type PreparedStory, prepareStories } from "./text/prepared-stories";
import { findQuotes, selectQuotes } from "./timeline-and-quotes/quotes";
import { markDisagreements } from "./disagreements/briefing-disagreements";
import { type DraftPoint, citePoint, selectPoints } from "./selection/redundancy";
import { type ScoredSentence, buildSentenceIdf, scoreStoryline } from "./selection/scoring";
import { dotProduct } from "./text/sparse-vectors";
import { countPhraseStories, labelStoryline } from "./storylines/storyline-labels";
import { type StorylineCluster, buildStoryVectors, clusterStories } from "./storylines/storylines";
import { writeSummary } from "./selection/summary";
import { buildTimeline } from "./timeline-and-quotes/timeline";
import type {
  Briefing,
  BriefingOptions,
  Diagnostic,
  Entity,
  Point,
  SourceCount,
  StoryInput,
  Storyline,
} from "./types";
import { ENGINE_VERSION } from "./version";

/** Thrown only for programmer errors (input that is not a list of stories); bad data gives diagnostics. */
export class BriefingInputError extends Error {
  readonly code = "INVALID_INPUT";
  constructor(message: string) {
    super(message);
    this.name = "BriefingInputError";
  }
}

const SUMMARY_RESERVE = 14;

const DEFAULTS = {
  words: 250,
  pointsPerStoryline: 8,
  maxStorylines: 25,
  maxTimelineEvents: 20,
  maxQuotes: 12,
  maxCharsPerStory: 60_000,
  nerSentenceBudget: 80,
  entitiesPerKind: 100,
};

interface RankedStoryline {
  cluster: StorylineCluster;
  ranked: ScoredSentence[];
  drafts: DraftPoint[];
  reserve: DraftPoint[];
  sourceKeys: string[];
}

export function buildBriefing(stories: readonly StoryInput[], options: BriefingOptions = {}): Briefing {
  if (!Array.isArray(stories)) throw new BriefingInputError("buildBriefing expects an array of stories");
  const clock = options.now;
  const timings: Record<string, number> = {};
  let last = clock ? clock() : 0;
  const lap = (stage: string): void => {
    if (!clock) return;
    const t = clock();
    timings[stage] = Math.round((t - last) * 100) / 100;
    last = t;
  };

  const diagnostics: Diagnostic[] = [];
  const valid = stories.filter((s, i) => {
    const ok = typeof s === "object" && s !== null && typeof s.id === "string" && s.id !== "";
    if (!ok)
      diagnostics.push({
        level: "warning",
        code: "INVALID_STORY",
        message: `story at position ${i} has no string id and was skipped`,
      });
    return ok;
  });
  if (valid.length === 0) {
    diagnostics.push({
      level: "warning",
      code: "NO_STORIES",
      message: "no stories were given, so the briefing is empty",
    });
  }
  const prepared = prepareStories(
    valid,
    {
      maxCharsPerStory: options.maxCharsPerStory ?? DEFAULTS.maxCharsPerStory,
      referenceDate: options.referenceDate ?? null,
    },
    diagnostics,
  );
  lap("sentences");

  const { mentions, budgetExhausted } = extractMentions(
    prepared,
    options.nerSentenceBudget ?? DEFAULTS.nerSentenceBudget,
  );
  if (budgetExhausted) {
    diagnostics.push({
      level: "info",
      code: "NER_BUDGET",
      message: "some rare names were classified by rules only (tagger budget reached)",
    });
  }
  const entityIndex = buildEntityIndex(prepared, mentions);
  lap("entities");

  const vectors = buildStoryVectors(prepared, entityIndex);
  const clusters = clusterStories(prepared, vectors);
  const vectorOf = new Map(prepared.map((s, i) => [s.id, vectors[i] ?? new Map<string, number>()]));
  lap("storylines");

  const sentenceIdf = buildSentenceIdf(prepared);
  const perStoryline = options.pointsPerStoryline ?? DEFAULTS.pointsPerStoryline;
  const maxStorylines = options.maxStorylines ?? DEFAULTS.maxStorylines;
  const sized = clusters
    .filter((cluster) => cluster.stories.length > 0)
    .map((cluster) => ({ cluster, sourceKeys: [...new Set(cluster.stories.map((s) => s.sourceKey))] }));
  const rankedStorylines: RankedStoryline[] = findContenders(sized, maxStorylines)
    .map(({ cluster, sourceKeys }) => {
      const ranked = scoreStoryline(cluster, entityIndex, sentenceIdf);
      // Points past the visible ones are a reserve the word-limited summary may use.
      const all = selectPoints(ranked, Math.max(perStoryline, SUMMARY_RESERVE), entityIndex);
      const drafts = all.slice(0, perStoryline);
      const reserve = all.slice(perStoryline);
      return { cluster, ranked, drafts, reserve, sourceKeys };
    })
    .sort(compareStorylines);
  if (sized.length > maxStorylines) {
    diagnostics.push({
      level: "info",
      code: "STORYLINES_OMITTED",
      message: `${sized.length - maxStorylines} smaller storylines are not shown`,
    });
  }
  const shown = rankedStorylines.slice(0, maxStorylines);
  lap("scoring");

  const largest = Math.max(1, ...shown.map((r) => r.sourceKeys.length));
  const points: Point[] = [];
  const storylines: Storyline[] = [];
  const phraseDf = countPhraseStories(prepared);
  const reserve: Point[] = [];
  const takenLabels = new Set<string>();
  const leadStoryOfPoint = new Map<string, string>();
  for (const r of shown) {
    const weight = Math.sqrt(r.sourceKeys.length / largest);
    const toPoint = (d: DraftPoint): Point => ({
      id: `point-${d.lead.story.id}-${d.lead.sentence.index}`,
      text: d.text,
      ...(d.context ? { context: d.context } : {}),
      mode: "extractive",
      storylineId: r.cluster.id,
      score: roundScore(d.score * weight),
      citations: citePoint(d),
      sourceCount: d.sourceKeys.length,
      singleSource: d.sourceKeys.length === 1,
      asOf: null,
      supersededBy: null,
    });
    const own = r.drafts.map(toPoint);
    r.drafts.forEach((d, i) => {
      const p = own[i];
      if (p) leadStoryOfPoint.set(p.id, d.lead.story.id);
    });
    points.push(...own);
    reserve.push(...r.reserve.map(toPoint));
    const storyIds = r.cluster.stories.map((s) => s.id);
    storylines.push({
      id: r.cluster.id,
      label: labelStoryline(
        { stories: r.cluster.stories, entities: rankStorylineEntities(entityIndex.entities, storyIds) },
        phraseDf,
        prepared.length,
        takenLabels,
      ),
      title: findCentralStory(r.cluster, vectorOf)?.title ?? "",
      storyIds,
      pointIds: own.map((p) => p.id),
      sources: [...new Set(r.cluster.stories.map((s) => s.source ?? "Unknown source"))].sort(),
    });
  }
  const byScore = (a: Point, b: Point): number =>
    b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  points.sort(byScore);
  reserve.sort(byScore);
  lap("points");

  const storylineOf = new Map<string, { id: string; rank: number }>();
  shown.forEach((r, rank) => {
    for (const s of r.cluster.stories) storylineOf.set(s.id, { id: r.cluster.id, rank });
  });
  const timeline = buildTimeline(
    shown.map((r, rank) => ({ storylineId: r.cluster.id, storylineRank: rank, ranked: r.ranked })),
    options.maxTimelineEvents ?? DEFAULTS.maxTimelineEvents,
    entityIndex,
  );
  const scoreOf = new Map<string, number>();
  for (const r of shown)
    for (const item of r.ranked) scoreOf.set(`${item.story.id}#${item.sentence.index}`, item.score);
  const shownStories = prepared.filter((s) => storylineOf.has(s.id));
  const foundQuotes = findQuotes(shownStories, entityIndex);
  const quotes = selectQuotes(
    foundQuotes,
    {
      storylineOf: (id) => storylineOf.get(id) ?? { id: "", rank: Number.MAX_SAFE_INTEGER },
      sentenceScore: (id, index) => scoreOf.get(`${id}#${index}`) ?? 0,
    },
    options.maxQuotes ?? DEFAULTS.maxQuotes,
  );
  lap("timeline-quotes");

  // Where outlets differ, and which points newer stories have overtaken (reorders points).
  const disagreements = markDisagreements({
    shown,
    points,
    storylines,
    quotes: foundQuotes,
    entities: entityIndex,
  });
  lap("disagreements");

  const limit = DEFAULTS.entitiesPerKind;
  const people = rankEntities(entityIndex.entities, "person", limit);
  const organizations = rankEntities(entityIndex.entities, "organization", limit);
  const places = rankEntities(entityIndex.entities, "place", limit);
  const sources = countSources(prepared);
  const pointsById = new Map(points.map((p) => [p.id, p]));
  const clusterById = new Map(shown.map((r) => [r.cluster.id, r.cluster]));
  const storyById = new Map(prepared.map((s) => [s.id, s]));
  const headline = chooseHeadline(
    storylines,
    (id) => {
      const cluster = clusterById.get(id);
      return cluster ? findCentralStory(cluster, vectorOf) : null;
    },
    points,
    (id) => storyById.get(id) ?? null,
    (id) => leadStoryOfPoint.get(id) ?? null,
  );
  const overview = writeOverview(storylines, pointsById);
  const summary = writeSummary(overview, [...points, ...reserve], options.words ?? DEFAULTS.words);
  const changes = options.previous
    ? compareBriefings({ points, storylines, sources }, options.previous)
    : null;
  lap("assemble");

  const parts = {
    headline: headline.text,
    headlineStoryId: headline.storyId,
    overview,
    storylines,
    points,
    people,
    organizations,
    places,
    timeline,
    quotes,
    sources,
    disagreements,
  };
  const storyBodies = new Map(prepared.map((s) => [s.id, { body: s.body }]));
  const sentenceCount = prepared.reduce((n, s) => n + s.sentences.length, 0);
  const checks = checkBriefing(parts, storyBodies, sentenceCount);
  lap("checks");
  if (clock) checks.timings = timings;

  return { engineVersion: ENGINE_VERSION, ...parts, changes, checks, summary, diagnostics };
}

/**
 * The storylines that can still be shown. Storylines are ordered by outlets, then stories, and
 * only then by their best point, so those with fewer outlets and stories than the last shown
 * place holds cannot reach it: they are not scored (most of a large topic's small storylines).
 */
function findContenders<T extends { cluster: StorylineCluster; sourceKeys: string[] }>(
  sized: readonly T[],
  maxStorylines: number,
): readonly T[] {
  if (!Number.isInteger(maxStorylines) || maxStorylines < 1 || sized.length <= maxStorylines) return sized;
  const bySize = [...sized].sort(
    (a, b) =>
      b.sourceKeys.length - a.sourceKeys.length || b.cluster.stories.length - a.cluster.stories.length,
  );
  const last = bySize[maxStorylines - 1];
  if (!last) return sized;
  const outlets = last.sourceKeys.length;
  const size = last.cluster.stories.length;
  return sized.filter(
    (r) =>
      r.sourceKeys.length > outlets || (r.sourceKeys.length === outlets && r.cluster.stories.length >= size),
  );
}

function compareStorylines(a: RankedStoryline, b: RankedStoryline): number {
  return (
    b.sourceKeys.length - a.sourceKeys.length ||
    b.cluster.stories.length - a.cluster.stories.length ||
    (b.drafts[0]?.score ?? 0) - (a.drafts[0]?.score ?? 0) ||
    (a.cluster.id < b.cluster.id ? -1 : a.cluster.id > b.cluster.id ? 1 : 0)
  );
}

function findCentralStory(
  cluster: StorylineCluster,
  vectorOf: Map<string, Map<string, number>>,
): PreparedStory | null {
  let best: PreparedStory | null = null;
  let bestSim = -1;
  for (const story of cluster.stories) {
    const sim = dotProduct(vectorOf.get(story.id) ?? new Map(), cluster.centroid);
    if (sim > bestSim) {
      best = story;
      bestSim = sim;
    }
  }
  return best;
}

// Entities of one storyline, most distinctive first: mentioned here often, elsewhere little.
function rankStorylineEntities(entities: readonly Entity[], storyIds: readonly string[]): Entity[] {
  const inside = new Set(storyIds);
  const scored: Array<{ entity: Entity; score: number }> = [];
  for (const e of entities) {
    let here = 0;
    let elsewhere = 0;
    for (const s of e.stories) {
      if (inside.has(s.storyId)) here += s.count;
      else elsewhere += s.count;
    }
    if (here === 0) continue;
    const kindWeight = e.kind === "person" ? 4 : 1;
    scored.push({ entity: e, score: (kindWeight * here) / (1 + elsewhere) });
  }
  return scored
    .sort((a, b) => b.score - a.score || (a.entity.name < b.entity.name ? -1 : 1))
    .map((s) => s.entity);
}

function countSources(stories: readonly PreparedStory[]): SourceCount[] {
  const bySource = new Map<string, string[]>();
  for (const s of stories) {
    const name = s.source ?? "Unknown source";
    const list = bySource.get(name) ?? [];
    list.push(s.id);
    bySource.set(name, list);
  }
  return [...bySource.entries()]
    .map(([name, storyIds]) => ({ name, stories: storyIds.length, storyIds }))
    .sort((a, b) => b.stories - a.stories || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function roundScore(x: number): number {
  return Math.round(x * 10000) / 10000;
}
