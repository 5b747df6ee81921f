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

export const getHomeData = unstable_cache(loadHome, ["reader-home"], { revalidate: 5 });
