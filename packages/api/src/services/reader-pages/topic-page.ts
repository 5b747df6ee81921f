// The reader's topic page in one read: which of its four states the slug is in (a briefing,
// a topic still waiting for its first one, a merged topic's old address, nothing) and, with a
// briefing, exactly what the page shows — so the page only renders.
import type { Db } from "@dispatch/db";
import { readBriefingVersion, listBriefingVersionSummaries } from "../briefing-store";
import { loadPublicStories, toPublicVersion, type BriefingView } from "../briefings";

/** Versions listed in the page's side column, newest first. */
export const VERSIONS_LISTED = 8;

export type TopicPage =
  | {
      kind: "briefing";
      page: Omit<BriefingView, "passages">;
      /** The newest versions, for the side column. */
      versions: { version: number; createdAt: Date; storyCount: number }[];
      /** The version before the one shown, which "New since" compares with; null for the first. */
      previousVersion: number | null;
    }
  | { kind: "pending"; topic: { slug: string; name: string; description: string } }
  | { kind: "merged"; into: string }
  | { kind: "not-found" };

/**
 * A topic as a reader's address finds it: active, merged into another (its links lead to the
 * survivor), or nothing readers may see. Shared by the topic page and its old versions.
 */
export async function findReaderTopic(db: Db, slug: string) {
  const topic = await db.topic.findFirst({
    where: { slug },
    select: {
      id: true,
      slug: true,
      name: true,
      description: true,
      status: true,
      mergedInto: { select: { slug: true } },
    },
  });
  if (topic?.mergedInto) return { kind: "merged" as const, into: topic.mergedInto.slug };
  if (!topic || topic.status !== "active") return { kind: "not-found" as const };
  const { id, name, description } = topic;
  return { kind: "active" as const, topic: { id, slug: topic.slug, name, description } };
}

export async function getTopicPage(db: Db, slug: string): Promise<TopicPage> {
  const found = await findReaderTopic(db, slug);
  if (found.kind !== "active") return found;
  const { topic } = found;
  const [stored, versions] = await Promise.all([
    readBriefingVersion(db, topic.id),
    listBriefingVersionSummaries(db, topic.id),
  ]);
  const about = { slug: topic.slug, name: topic.name, description: topic.description };
  if (!stored) return { kind: "pending", topic: about };
  // The cited passages are not on the page (its panels read a point's sources when opened).
  const { version, createdAt, briefing, stories } = toPublicVersion(
    stored,
    await loadPublicStories(db, stored.storyIds),
  );
  return {
    kind: "briefing",
    page: { topic, version, createdAt, briefing, stories },
    versions: versions
      .slice(0, VERSIONS_LISTED)
      .map(({ version, createdAt, storyCount }) => ({ version, createdAt, storyCount })),
    previousVersion: versions.find((version) => version.version < stored.version)?.version ?? null,
  };
}
