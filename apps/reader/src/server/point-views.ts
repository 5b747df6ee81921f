// A briefing's points as plain data for components/point-list.tsx: the text, the few citation
// markers shown inline, the outlets the closed sources panel names, what the sources differ on,
// and what the point replaced or was replaced by. Plain data (not rendered markup) so the topic
// page's RSC payload carries each point once, compactly, and the points a storyline folds away
// can be sent as JSON when a reader opens them (/api/topics/<slug>/storylines/<id>). Pure.
import type { Marker } from "~/components/markers";
import type { MarkerSet, PointView } from "~/components/point-list";
import {
  numberStories,
  outletsOf,
  storyHref,
  storylineHref,
  type Briefing,
  type BriefingStory,
} from "./briefing-view";

type Numbers = Map<string, { n: number; story: BriefingStory }>;
type Citations = Briefing["points"][number]["citations"];

// How many of a storyline's points the topic page shows (the rest load when "more points" is
// opened): the strongest five, unless the briefing has so many storylines that the page would
// pass about POINTS_IN_PAGE points, and never fewer than two. A 100-story topic's eleven
// storylines show two each, which keeps its page under 150 KB.
const MOST_SHOWN = 5;
const LEAST_SHOWN = 2;
const POINTS_IN_PAGE = 24;

export function pointsShown(storylineCount: number): number {
  return Math.max(
    LEAST_SHOWN,
    Math.min(MOST_SHOWN, Math.floor(POINTS_IN_PAGE / Math.max(1, storylineCount))),
  );
}

// A point drawn from a dozen stories would otherwise carry a dozen markers: the first few stand
// for them inline, and the sources panel lists every one.
const MARKERS_SHOWN = 2;
// Likewise the panel's summary names the first few outlets, and the differences the first few.
const BADGES_SHOWN = 3;
const DESCRIPTIONS_SHOWN = 2;

export function markerSet(citations: Citations, numbers: Numbers): MarkerSet {
  const seen = new Set<string>();
  const markers: Marker[] = [];
  for (const citation of citations) {
    const entry = numbers.get(citation.storyId);
    if (seen.has(citation.storyId) || !entry) continue;
    seen.add(citation.storyId);
    markers.push([
      entry.n,
      storyHref(entry.story, citation.sentenceIndex),
      entry.story.source ?? "unknown outlet",
    ]);
  }
  return { markers: markers.slice(0, MARKERS_SHOWN), more: Math.max(0, markers.length - MARKERS_SHOWN) };
}

export type StorylinePoints = {
  storyline: Briefing["storylines"][number];
  /** Shown in the topic page. */
  lead: PointView[];
  /** Folded away: sent when opened. */
  more: PointView[];
};

/** Every storyline's points as views, split into the ones shown and the ones folded away. */
export function storylinePoints(
  page: { briefing: Briefing; stories: BriefingStory[]; topic: { slug: string } },
  numbers: Numbers = numberStories(page.briefing, page.stories),
): StorylinePoints[] {
  const { briefing } = page;
  const slug = page.topic.slug;
  const pointsById = new Map(briefing.points.map((point) => [point.id, point]));
  const newPoints = new Set(briefing.changes?.newPointIds ?? []);
  const { differ, replaced } = indexDisagreements(briefing);
  // Which storyline page a folded point lives on, for links to it from other points.
  const shown = (storyline: Briefing["storylines"][number]) =>
    storyline.pointIds.filter((id) => pointsById.has(id));
  const shownCount = pointsShown(briefing.storylines.length);
  const foldedIn = new Map<string, string>();
  for (const storyline of briefing.storylines)
    for (const id of shown(storyline).slice(shownCount)) foldedIn.set(id, storyline.id);
  const pointHref = (id: string) => {
    const storylineId = foldedIn.get(id);
    return storylineId
      ? `${storylineHref(slug, storylineId)}#p-${id}`
      : `/topics/${encodeURIComponent(slug)}#p-${id}`;
  };

  const view = (point: Briefing["points"][number]): PointView => {
    const disagreements = differ.get(point.id) ?? [];
    const outlets = outletsOf(point.citations, numbers);
    const by = point.supersededBy;
    return {
      id: point.id,
      text: point.text,
      isNew: newPoints.has(point.id),
      markers: markerSet(point.citations, numbers),
      outlets: outlets.slice(0, BADGES_SHOWN),
      outletCount: outlets.length,
      differ:
        disagreements.length > 0
          ? {
              descriptions: disagreements.slice(0, DESCRIPTIONS_SHOWN).map((d) => d.description),
              total: disagreements.length,
            }
          : null,
      superseded: by
        ? {
            description: by.description,
            markers: markerSet(by.citations, numbers),
            newerHref: by.pointId ? pointHref(by.pointId) : null,
          }
        : null,
      updatedFrom: (replaced.get(point.id) ?? []).map((older) => ({
        id: older.id,
        text: older.text,
        markers: markerSet(older.citations, numbers),
        description: older.supersededBy?.description ?? null,
      })),
    };
  };

  return briefing.storylines.map((storyline) => {
    const points = shown(storyline).flatMap((id) => {
      const point = pointsById.get(id);
      return point ? [view(point)] : [];
    });
    return { storyline, lead: points.slice(0, shownCount), more: points.slice(shownCount) };
  });
}

type Disagreement = Briefing["disagreements"][number];
type Point = Briefing["points"][number];

/** Disagreements by the points they concern, and superseded points by the point that replaced them. */
export function indexDisagreements(briefing: Briefing): {
  differ: Map<string, Disagreement[]>;
  replaced: Map<string, Point[]>;
} {
  const differ = new Map<string, Disagreement[]>();
  for (const d of briefing.disagreements)
    for (const id of d.pointIds) differ.set(id, [...(differ.get(id) ?? []), d]);
  const replaced = new Map<string, Point[]>();
  for (const point of briefing.points) {
    const by = point.supersededBy?.pointId;
    if (by) replaced.set(by, [...(replaced.get(by) ?? []), point]);
  }
  return { differ, replaced };
}
