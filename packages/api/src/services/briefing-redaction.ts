// Takes stories that are no longer public (deleted, unpublished) out of a stored briefing
// before readers see it. Stored versions are kept as built; this runs on the way out, so
// an old version never shows a removed story's title or sentences, and the latest one
// stops showing them before its queued rebuild lands.
import type { Briefing, BriefingChanges, Citation, Entity } from "@dispatch/briefing";

/** The stories a reader may see, by id, with the titles a replaced headline can use. */
export type PublicStories = ReadonlyMap<string, { title: string }>;

/**
 * The briefing without anything that rests on a non-public story: a point, overview
 * sentence or timeline event citing one is dropped whole (its wording may be that story's
 * sentence), as is a quote from one; storylines, outlets and people keep only public
 * stories; a headline or storyline title taken from a removed story's title is replaced.
 */
export function redactBriefing(briefing: Briefing, visible: PublicStories): Briefing {
  const cited = (citation: Citation) => visible.has(citation.storyId);
  const allPublic = (citations: Citation[]) => citations.every(cited);
  const publicIds = (ids: string[]) => ids.filter((id) => visible.has(id));

  if (everyStoryPublic(briefing, visible)) return briefing;

  // A superseded point keeps its place but not a pointer to a removed story's newer fact.
  const points = briefing.points
    .filter((point) => allPublic(point.citations))
    .map((point) =>
      point.supersededBy && !allPublic(point.supersededBy.citations)
        ? { ...point, supersededBy: null }
        : point,
    );
  const pointIds = new Set(points.map((point) => point.id));
  const sources = briefing.sources
    .map((source) => {
      const storyIds = publicIds(source.storyIds);
      return { ...source, storyIds, stories: storyIds.length };
    })
    .filter((source) => source.stories > 0);
  const storylines = briefing.storylines
    .map((storyline) => {
      const storyIds = publicIds(storyline.storyIds);
      if (storyIds.length === storyline.storyIds.length)
        return { ...storyline, pointIds: storyline.pointIds.filter((id) => pointIds.has(id)) };
      // It lost a story: its title (and a label that is no phrase of what is left, such as
      // the removed story's title, the engine's fallback) may be that story's words.
      const title = firstTitle(storyIds, visible) ?? "";
      const titles = storyIds.map((id) => visible.get(id)?.title.toLowerCase() ?? "");
      const labelStays = titles.some((remaining) => remaining.includes(storyline.label.toLowerCase()));
      return {
        ...storyline,
        storyIds,
        pointIds: storyline.pointIds.filter((id) => pointIds.has(id)),
        label: labelStays ? storyline.label : title,
        title,
        sources: storyline.sources.filter((name) =>
          sources.some(
            (source) => source.name === name && source.storyIds.some((id) => storyIds.includes(id)),
          ),
        ),
      };
    })
    .filter((storyline) => storyline.storyIds.length > 0);
  const overview = briefing.overview.filter((sentence) => allPublic(sentence.citations));
  const sourceNames = new Set(sources.map((source) => source.name));
  const headlineHidden = briefing.headlineStoryId !== null && !visible.has(briefing.headlineStoryId);
  const headline = headlineHidden ? replacementHeadline(storylines, points, visible) : null;

  return {
    ...briefing,
    headline: headline?.text ?? briefing.headline,
    headlineStoryId: headline ? headline.storyId : briefing.headlineStoryId,
    overview,
    storylines,
    points,
    people: redactEntities(briefing.people, visible),
    organizations: redactEntities(briefing.organizations, visible),
    places: redactEntities(briefing.places, visible),
    timeline: briefing.timeline.filter((event) => allPublic(event.citations)),
    quotes: briefing.quotes.filter((quote) => cited(quote.citation)),
    sources,
    // Versions stored before disagreements were found have none (the router fills the default).
    disagreements: ((briefing.disagreements as Briefing["disagreements"] | undefined) ?? []).filter((d) =>
      d.sides.every((side) => cited(side.citation)),
    ),
    changes: briefing.changes
      ? {
          ...briefing.changes,
          newStoryIds: publicIds(briefing.changes.newStoryIds),
          newPointIds: briefing.changes.newPointIds.filter((id) => pointIds.has(id)),
          newStorylineIds: briefing.changes.newStorylineIds.filter((id) =>
            storylines.some((s) => s.id === id),
          ),
          newSources: briefing.changes.newSources.filter((name) => sourceNames.has(name)),
          supersededFacts: (
            (briefing.changes.supersededFacts as BriefingChanges["supersededFacts"] | undefined) ?? []
          ).filter((fact) => pointIds.has(fact.pointId)),
        }
      : null,
    // The stored summary is prose over every point; what is left is the overview.
    summary: overview.map((sentence) => sentence.text).join(" "),
    diagnostics: briefing.diagnostics.filter(
      (diagnostic) => !diagnostic.storyId || visible.has(diagnostic.storyId),
    ),
  };
}

function everyStoryPublic(briefing: Briefing, visible: PublicStories): boolean {
  const ids = new Set<string>();
  for (const storyline of briefing.storylines) storyline.storyIds.forEach((id) => ids.add(id));
  for (const source of briefing.sources) source.storyIds.forEach((id) => ids.add(id));
  for (const point of briefing.points) point.citations.forEach((citation) => ids.add(citation.storyId));
  for (const sentence of briefing.overview)
    sentence.citations.forEach((citation) => ids.add(citation.storyId));
  for (const event of briefing.timeline) event.citations.forEach((citation) => ids.add(citation.storyId));
  for (const quote of briefing.quotes) ids.add(quote.citation.storyId);
  for (const entity of [...briefing.people, ...briefing.organizations, ...briefing.places])
    entity.storyIds.forEach((id) => ids.add(id));
  if (briefing.headlineStoryId) ids.add(briefing.headlineStoryId);
  return [...ids].every((id) => visible.has(id));
}

function firstTitle(storyIds: string[], visible: PublicStories): string | null {
  for (const id of storyIds) {
    const title = visible.get(id)?.title;
    if (title) return title;
  }
  return null;
}

/** As the engine would choose: the main storyline's first public story, else the top point. */
function replacementHeadline(
  storylines: Briefing["storylines"],
  points: Briefing["points"],
  visible: PublicStories,
): { text: string; storyId: string | null } {
  for (const storyline of storylines) {
    const storyId = storyline.storyIds.find((id) => visible.get(id)?.title);
    const title = storyId ? visible.get(storyId)?.title : undefined;
    if (storyId && title) return { text: title, storyId };
  }
  const first = points[0];
  if (!first) return { text: "No stories to brief", storyId: null };
  const words = first.text.split(/\s+/);
  return { text: words.length > 14 ? `${words.slice(0, 14).join(" ")}…` : first.text, storyId: null };
}

function redactEntities(entities: Entity[], visible: PublicStories): Entity[] {
  return entities
    .map((entity) => {
      const stories = entity.stories.filter((story) => visible.has(story.storyId));
      if (stories.length === entity.stories.length && entity.storyIds.every((id) => visible.has(id)))
        return entity;
      return {
        ...entity,
        stories,
        storyIds: entity.storyIds.filter((id) => visible.has(id)),
        mentions: stories.reduce((sum, story) => sum + story.count, 0),
      };
    })
    .filter((entity) => entity.storyIds.length > 0);
}
