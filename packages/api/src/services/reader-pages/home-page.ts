// The reader's home page in one read: every active topic with its current briefing's
// headline, overview and outlets (freshest first; topics still waiting last), and the latest
// stories. Three queries whatever the number of topics (it was one briefing read per topic).
import type { Db } from "@dispatch/db";
import { readLatestBriefings } from "../briefing-store";
import { redactBriefing } from "../briefing-redaction";
import { loadPublicStories } from "../briefings";
import { listStories } from "../stories";
import { listTopics } from "../topics";

export const LATEST_STORIES = 12;

export type HomeTopicCard = {
  slug: string;
  name: string;
  description: string;
  storyCount: number;
  briefing: {
    headline: string;
    overview: string[];
    updatedAt: Date;
    version: number;
    sources: { name: string; stories: number }[];
    pointCount: number;
  } | null;
};

export type HomeStory = {
  slug: string;
  title: string;
  dek: string | null;
  source: string | null;
  byline: string[];
  publishedAt: Date | null;
};

export type HomePage = { topics: HomeTopicCard[]; stories: HomeStory[] };

export async function getHomePage(db: Db): Promise<HomePage> {
  const [topics, latestStories] = await Promise.all([
    listTopics(db),
    listStories(db, { limit: LATEST_STORIES, status: "published" }),
  ]);
  const latest = await readLatestBriefings(
    db,
    topics.map((topic) => topic.id),
  );
  const visible = await loadPublicStories(
    db,
    [...latest.values()].flatMap((stored) => stored.storyIds),
  );
  const cards = topics.map((topic): HomeTopicCard => {
    const stored = latest.get(topic.id);
    const briefing = stored ? redactBriefing(stored.briefing, visible) : null;
    return {
      slug: topic.slug,
      name: topic.name,
      description: topic.description,
      storyCount: topic.storyCount,
      briefing:
        stored && briefing
          ? {
              headline: briefing.headline,
              overview: briefing.overview.map((sentence) => sentence.text),
              updatedAt: stored.createdAt,
              version: stored.version,
              sources: briefing.sources.map((source) => ({ name: source.name, stories: source.stories })),
              pointCount: briefing.points.length,
            }
          : null,
    };
  });
  // Freshest briefings first; topics still waiting for one go last, by name.
  cards.sort(
    (a, b) =>
      (b.briefing?.updatedAt.getTime() ?? 0) - (a.briefing?.updatedAt.getTime() ?? 0) ||
      a.name.localeCompare(b.name),
  );
  return {
    topics: cards,
    stories: latestStories.items.map(({ slug, title, dek, source, byline, publishedAt }) => ({
      slug,
      title,
      dek,
      source,
      byline,
      publishedAt,
    })),
  };
}
