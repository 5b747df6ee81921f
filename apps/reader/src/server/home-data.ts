// What the home page shows, cached for 5 seconds (a removed story's title must not linger): topics with their current briefing's
// headline, overview and counts (read from the stored briefing), and the latest stories.
import { unstable_cache } from "next/cache";
import { getPublicCaller } from "./public-caller";

export type TopicCard = {
  slug: string;
  name: string;
  description: string;
  storyCount: number;
  briefing: {
    headline: string;
    overview: string[];
    updatedAt: string;
    version: number;
    sources: { name: string; stories: number }[];
    pointCount: number;
  } | null;
};

export type LatestStory = {
  slug: string;
  title: string;
  dek: string | null;
  source: string | null;
  byline: string[];
  publishedAt: string | null;
};

async function loadHome(): Promise<{ topics: TopicCard[]; stories: LatestStory[] }> {
  const caller = getPublicCaller();
  const [topics, stories] = await Promise.all([caller.topic.list(), caller.story.list({ limit: 12 })]);
  const cards = await Promise.all(
    topics.map(async (topic): Promise<TopicCard> => {
      const page = await caller.briefing.get({ topic: topic.slug }).catch(() => null);
      return {
        slug: topic.slug,
        name: topic.name,
        description: topic.description,
        storyCount: topic.storyCount,
        briefing: page
          ? {
              headline: page.briefing.headline,
              overview: page.briefing.overview.map((sentence) => sentence.text),
              updatedAt: page.createdAt.toISOString(),
              version: page.version,
              sources: page.briefing.sources.map((source) => ({
                name: source.name,
                stories: source.stories,
              })),
              pointCount: page.briefing.points.length,
            }
          : null,
      };
    }),
  );
  // Freshest briefings first; topics still waiting for one go last.
  cards.sort(
    (a, b) =>
      (b.briefing?.updatedAt ?? "").localeCompare(a.briefing?.updatedAt ?? "") ||
      a.name.localeCompare(b.name),
  );
  return {
    topics: cards,
    stories: stories.items.map((story) => ({
      slug: story.slug,
      title: story.title,
      dek: story.dek,
      source: story.source,
      byline: story.byline,
      publishedAt: story.publishedAt?.toISOString() ?? null,
    })),
  };
}

export const getHomeData = unstable_cache(loadHome, ["reader-home"], { revalidate: 5 });
