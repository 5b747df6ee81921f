// A topic's feed in one read: its newest briefing versions as readers may see them (removed
// stories taken out), or "not-found". Three queries for any number of versions.
import type { Db } from "@dispatch/db";
import { readBriefingVersions } from "../briefing-store";
import { loadPublicStories, toPublicVersion, type BriefingView } from "../briefings";

/** Versions a feed carries. */
export const FEED_VERSIONS = 20;

export type TopicFeed =
  | {
      kind: "feed";
      topic: { slug: string; name: string };
      /** Newest first; empty before the first briefing. */
      versions: Omit<BriefingView, "topic" | "passages">[];
    }
  | { kind: "not-found" };

export async function getTopicFeed(db: Db, slug: string): Promise<TopicFeed> {
  const topic = await db.topic.findFirst({
    where: { slug, status: "active" },
    select: { id: true, slug: true, name: true },
  });
  if (!topic) return { kind: "not-found" };
  const versions = await readBriefingVersions(db, topic.id, FEED_VERSIONS);
  const visible = await loadPublicStories(
    db,
    versions.flatMap((version) => version.storyIds),
  );
  return {
    kind: "feed",
    topic: { slug: topic.slug, name: topic.name },
    versions: versions.map((stored) => {
      const { version, createdAt, briefing, stories } = toPublicVersion(stored, visible);
      return { version, createdAt, briefing, stories };
    }),
  };
}
