// A briefing point's sources, resolved for display: each cited passage with its outlet, story
// and link, and both sides of each disagreement on the point. The topic page does not carry
// these (they sit in closed panels, and a 100-story briefing cites thousands of sentences);
// they are read here when a reader opens a panel — as JSON for the page's script, or as the
// point's own page without JavaScript.
import {
  numberStories,
  passageKey,
  storyHref,
  type Briefing,
  type Citation,
  type Point,
} from "~/server/briefing-view";
import { cachedRead } from "~/server/page-data-cache";
import { getPublicCaller } from "~/server/public-caller";
import { loadTopic } from "~/server/topic-data";

export type SourcePassage = {
  key: string;
  n: number;
  source: string;
  title: string;
  href: string;
  url: string | null;
  /** null when the story has since been removed or changed so the sentence is gone. */
  sentence: string | null;
};

export type DifferingSide = SourcePassage & { value: string };

export type PointDisagreement = {
  id: string;
  kind: Briefing["disagreements"][number]["kind"];
  description: string;
  sides: DifferingSide[];
};

export type PointSources = {
  topic: { slug: string; name: string };
  version: number;
  point: Pick<Point, "id" | "text">;
  passages: SourcePassage[];
  disagreements: PointDisagreement[];
};

/** The point's sources in the topic's current briefing, or null if either is gone. */
export async function getPointSources(slug: string, pointId: string): Promise<PointSources | null> {
  const caller = getPublicCaller();
  // The topic page's own data (cached until the briefing changes).
  const data = await loadTopic(slug);
  const page = data.kind === "briefing" ? data.page : null;
  const point = page?.briefing.points.find((item) => item.id === pointId);
  if (!page || !point) return null;
  const disagreements = page.briefing.disagreements.filter((d) => d.pointIds.includes(point.id));
  const citations = uniqueCitations(point.citations);
  const refs = [...citations, ...disagreements.flatMap((d) => d.sides.map((side) => side.citation))].map(
    ({ storyId, sentenceIndex }) => ({ storyId, sentenceIndex }),
  );
  // Kept like the page data until the topic or any story changes; only for points that exist,
  // so made-up point ids cannot push pages out of the cache.
  const passages = await cachedRead(
    `point-passages:${slug}:${page.version}:${point.id}`,
    [`topic:${slug}`],
    () => caller.story.passages({ refs }),
  );
  const sentences = new Map(passages.map((passage) => [passageKey(passage), passage.sentence]));
  const numbers = numberStories(page.briefing, page.stories);
  const resolve = (citation: Citation): SourcePassage | null => {
    const entry = numbers.get(citation.storyId);
    if (!entry) return null;
    return {
      key: passageKey(citation),
      n: entry.n,
      source: entry.story.source ?? "Unknown source",
      title: entry.story.title,
      href: storyHref(entry.story, citation.sentenceIndex),
      url: entry.story.url ?? null,
      sentence: sentences.get(passageKey(citation)) ?? null,
    };
  };
  return {
    topic: { slug: page.topic.slug, name: page.topic.name },
    version: page.version,
    point: { id: point.id, text: point.text },
    passages: citations.flatMap((citation) => resolve(citation) ?? []),
    disagreements: disagreements.map((d) => ({
      id: d.id,
      kind: d.kind,
      description: d.description,
      sides: d.sides.flatMap((side) => {
        const resolved = resolve(side.citation);
        // The outlet named by the engine, even when the story's own source reads differently.
        return resolved ? [{ ...resolved, source: side.source, value: side.value }] : [];
      }),
    })),
  };
}

function uniqueCitations(citations: Citation[]): Citation[] {
  const seen = new Set<string>();
  return citations.filter((citation) => {
    const key = passageKey(citation);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
