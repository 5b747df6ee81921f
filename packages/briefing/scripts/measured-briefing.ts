// The briefing pipeline cut in two for tuning: `measureBriefing` runs everything that does not
// depend on the selection weights once (sentences, names, storylines, sentence features), and
// `summarizeMeasured` turns those features into the 250-word summary for any weights in
// milliseconds. It mirrors build-briefing.ts; `checkMirror` in tune-selection.ts compares the
// two on the default weights so the mirror cannot drift unnoticed.
import { extractMentions } from "../src/entities/entity-mentions";
import { type EntityIndex, buildEntityIndex } from "../src/entities/entity-registry";
import { writeOverview } from "../src/selection/headline";
import { type DraftPoint, citePoint, selectPoints } from "../src/selection/redundancy";
import {
  type MeasuredSentence,
  type SelectionWeights,
  buildSentenceIdf,
  measureStoryline,
  rankMeasured,
} from "../src/selection/scoring";
import { writeSummary } from "../src/selection/summary";
import { buildStoryVectors, clusterStories } from "../src/storylines/storylines";
import { prepareStories } from "../src/text/prepared-stories";
import type { Diagnostic, Point, StoryInput, Storyline } from "../src/types";

// Same values as DEFAULTS in build-briefing.ts.
const POINTS_PER_STORYLINE = 8;
const SUMMARY_RESERVE = 14;
const MAX_STORYLINES = 25;
const NER_SENTENCE_BUDGET = 80;

export interface MeasuredStoryline {
  id: string;
  entityIndex: EntityIndex;
  storyCount: number;
  sourceKeys: string[];
  measured: MeasuredSentence[];
}

export function measureBriefing(stories: readonly StoryInput[]): MeasuredStoryline[] {
  const diagnostics: Diagnostic[] = [];
  const prepared = prepareStories(stories, { maxCharsPerStory: 60_000, referenceDate: null }, diagnostics);
  const { mentions } = extractMentions(prepared, NER_SENTENCE_BUDGET);
  const entityIndex = buildEntityIndex(prepared, mentions);
  const clusters = clusterStories(prepared, buildStoryVectors(prepared, entityIndex));
  const idf = buildSentenceIdf(prepared);
  return clusters
    .filter((c) => c.stories.length > 0)
    .map((c) => ({
      id: c.id,
      entityIndex,
      storyCount: c.stories.length,
      sourceKeys: [...new Set(c.stories.map((s) => s.sourceKey))],
      measured: measureStoryline(c, entityIndex, idf),
    }));
}

export function summarizeMeasured(
  storylines: readonly MeasuredStoryline[],
  weights: Readonly<SelectionWeights>,
  words: number,
): string {
  const ranked = storylines
    .map((s) => {
      const all = selectPoints(
        rankMeasured(s.measured, weights),
        Math.max(POINTS_PER_STORYLINE, SUMMARY_RESERVE),
        s.entityIndex,
      );
      return { s, drafts: all.slice(0, POINTS_PER_STORYLINE), reserve: all.slice(POINTS_PER_STORYLINE) };
    })
    .sort(
      (a, b) =>
        b.s.sourceKeys.length - a.s.sourceKeys.length ||
        b.s.storyCount - a.s.storyCount ||
        (b.drafts[0]?.score ?? 0) - (a.drafts[0]?.score ?? 0) ||
        (a.s.id < b.s.id ? -1 : a.s.id > b.s.id ? 1 : 0),
    )
    .slice(0, MAX_STORYLINES);
  const largest = Math.max(1, ...ranked.map((r) => r.s.sourceKeys.length));
  const points: Point[] = [];
  const reserve: Point[] = [];
  const shown: Storyline[] = [];
  for (const r of ranked) {
    const weight = Math.sqrt(r.s.sourceKeys.length / largest);
    const toPoint = (d: DraftPoint): Point => ({
      id: `point-${d.lead.story.id}-${d.lead.sentence.index}`,
      text: d.text,
      ...(d.context ? { context: d.context } : {}),
      mode: "extractive",
      storylineId: r.s.id,
      score: Math.round(d.score * weight * 10000) / 10000,
      citations: citePoint(d),
      sourceCount: d.sourceKeys.length,
      singleSource: d.sourceKeys.length === 1,
      asOf: null,
      supersededBy: null,
    });
    const own = r.drafts.map(toPoint);
    points.push(...own);
    reserve.push(...r.reserve.map(toPoint));
    shown.push({
      id: r.s.id,
      label: "",
      title: "",
      storyIds: [],
      pointIds: own.map((p) => p.id),
      sources: [],
    });
  }
  const byScore = (a: Point, b: Point): number =>
    b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  points.sort(byScore);
  reserve.sort(byScore);
  const overview = writeOverview(shown, new Map(points.map((p) => [p.id, p])));
  return writeSummary(overview, [...points, ...reserve], words);
}
