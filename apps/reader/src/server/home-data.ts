// What the home page shows: topics with their current briefing's headline, overview and
// counts (read from the stored briefing), and the latest stories.
import { cachedRead } from "./page-data-cache";
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
  // One query (page.home): every topic's latest briefing in one read, freshest first.
  const home = await getPublicCaller().page.home();
  return {
    topics: home.topics.map((topic) => ({
      ...topic,
      briefing: topic.briefing
        ? { ...topic.briefing, updatedAt: topic.briefing.updatedAt.toISOString() }
        : null,
    })),
    stories: home.stories.map((story) => ({
      ...story,
      publishedAt: story.publishedAt?.toISOString() ?? null,
    })),
  };
}

/** Cached until a briefing is rebuilt or anything public changes (page-data-cache.ts). */
export function getHomeData(): Promise<{ topics: TopicCard[]; stories: LatestStory[] }> {
  return cachedRead("home", ["briefings"], loadHome);
}
