// Shapes a stored briefing for the page: which outlets tell each point, numbered citation
// targets and their links. Pure functions over what the API returns; no I/O.
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@dispatch/api";

type Outputs = inferRouterOutputs<AppRouter>;
export type BriefingPage = NonNullable<Outputs["briefing"]["get"]>;
export type Briefing = BriefingPage["briefing"];
export type BriefingStory = BriefingPage["stories"][number];
export type Citation = Briefing["points"][number]["citations"][number];
export type Point = Briefing["points"][number];
export type Entity = Briefing["people"][number];
export type Passage = Outputs["story"]["passages"][number];

export function storyHref(story: { slug: string }, sentenceIndex?: number): string {
  return `/stories/${encodeURIComponent(story.slug)}${sentenceIndex === undefined ? "" : `#s-${sentenceIndex}`}`;
}

/** Where a point's sources are readable without JavaScript; the page's script reads them as
 * JSON from the same path under /api. */
export function pointSourcesHref(slug: string, pointId: string): string {
  return `/topics/${encodeURIComponent(slug)}/points/${encodeURIComponent(pointId)}`;
}

/** A storyline's own page, every point of it; the topic page's folded points are read from the
 * same path under /api as JSON. */
export function storylineHref(slug: string, storylineId: string): string {
  return `/topics/${encodeURIComponent(slug)}/storylines/${encodeURIComponent(storylineId)}`;
}

/** Each cited story gets a number, in order of first citation, like a reference list. */
export function numberStories(
  briefing: Briefing,
  stories: BriefingStory[],
): Map<string, { n: number; story: BriefingStory }> {
  const byId = new Map(stories.map((story) => [story.id, story]));
  const numbers = new Map<string, { n: number; story: BriefingStory }>();
  const visit = (citation: Citation) => {
    const story = byId.get(citation.storyId);
    if (story && !numbers.has(story.id)) numbers.set(story.id, { n: numbers.size + 1, story });
  };
  for (const sentence of briefing.overview) sentence.citations.forEach(visit);
  for (const point of briefing.points) point.citations.forEach(visit);
  for (const event of briefing.timeline) event.citations.forEach(visit);
  for (const quote of briefing.quotes) visit(quote.citation);
  for (const story of stories)
    if (!numbers.has(story.id)) numbers.set(story.id, { n: numbers.size + 1, story });
  return numbers;
}

/** The distinct outlets behind a set of citations, in citation order. */
export function outletsOf(citations: Citation[], stories: Map<string, { story: BriefingStory }>): string[] {
  const names: string[] = [];
  for (const citation of citations) {
    const name = stories.get(citation.storyId)?.story.source ?? "Unknown source";
    if (!names.includes(name)) names.push(name);
  }
  return names;
}

export function passageKey(citation: { storyId: string; sentenceIndex: number }): string {
  return `${citation.storyId}#${citation.sentenceIndex}`;
}
