// Topics a reader account follows: follow and unfollow by slug, the list, and importing the
// follows a browser kept before the reader had an account (localStorage). A merged topic's
// old slug follows the topic it was merged into, as its page redirects there. A new follow
// starts from the version readers see now: /me and the digest tell what is new after it.
import type { Db } from "@dispatch/db";
import { AppError } from "../errors";
import { readCurrentVersionNumber } from "./my-briefing";

export type FollowedTopic = { slug: string; name: string; followedAt: Date };

/** At most this many slugs in one import: a browser's whole list, not a crawl. */
export const FOLLOW_IMPORT_LIMIT = 200;

type FollowTarget = { id: string; slug: string; name: string };

/** The active topic a slug leads to (through merges), or null when there is none. */
async function findFollowTarget(db: Db, slug: string): Promise<FollowTarget | null> {
  let topic = await db.topic.findUnique({
    where: { slug },
    select: { id: true, slug: true, name: true, status: true, mergedIntoId: true },
  });
  for (let hops = 0; topic?.mergedIntoId && hops < 10; hops++) {
    topic = await db.topic.findUnique({
      where: { id: topic.mergedIntoId },
      select: { id: true, slug: true, name: true, status: true, mergedIntoId: true },
    });
  }
  if (!topic || topic.status !== "active") return null;
  return { id: topic.id, slug: topic.slug, name: topic.name };
}

/** A new follow, marked as having seen (and been mailed) the version readers see now. */
async function startingMarks(db: Db, userId: string, topic: FollowTarget) {
  const version = await readCurrentVersionNumber(db, topic.slug);
  const now = new Date();
  return {
    userId,
    topicId: topic.id,
    seenVersion: version,
    seenAt: now,
    mailedVersion: version,
  };
}

const unknownTopic = (slug: string) =>
  new AppError(
    "NOT_FOUND",
    `No topic can be followed at “${slug}”: it does not exist or is archived. Open the topic from the home page and follow it there.`,
  );

/** Follows a topic (again is fine); returns the topic as followed. */
export async function followTopic(db: Db, userId: string, slug: string): Promise<FollowedTopic> {
  const topic = await findFollowTarget(db, slug);
  if (!topic) throw unknownTopic(slug);
  const follow = await db.topicFollow.upsert({
    where: { userId_topicId: { userId, topicId: topic.id } },
    create: await startingMarks(db, userId, topic),
    update: {},
    select: { createdAt: true },
  });
  return { slug: topic.slug, name: topic.name, followedAt: follow.createdAt };
}

/** Stops following a topic; says whether it was followed. */
export async function unfollowTopic(
  db: Db,
  userId: string,
  slug: string,
): Promise<{ wasFollowing: boolean }> {
  const topic = await findFollowTarget(db, slug);
  if (!topic) throw unknownTopic(slug);
  const { count } = await db.topicFollow.deleteMany({ where: { userId, topicId: topic.id } });
  return { wasFollowing: count > 0 };
}

/** The account's followed topics that are still active, by name. */
export async function listFollowedTopics(db: Db, userId: string): Promise<FollowedTopic[]> {
  const rows = await db.topicFollow.findMany({
    where: { userId, topic: { status: "active" } },
    select: { createdAt: true, topic: { select: { slug: true, name: true } } },
    orderBy: { topic: { name: "asc" } },
  });
  return rows.map((row) => ({ slug: row.topic.slug, name: row.topic.name, followedAt: row.createdAt }));
}

export type FollowImportResult = {
  /** Newly followed (their current slugs). */
  added: string[];
  /** Followed already. */
  already: string[];
  /** No topic to follow at these slugs (removed, archived, mistyped): left out. */
  unknown: string[];
};

/** Follows every topic a browser listed; what cannot be followed is reported, not thrown. */
export async function importFollows(db: Db, userId: string, slugs: string[]): Promise<FollowImportResult> {
  const unique = [...new Set(slugs.map((slug) => slug.trim()).filter(Boolean))];
  if (unique.length > FOLLOW_IMPORT_LIMIT)
    throw new AppError(
      "INVALID_INPUT",
      `That is ${unique.length} topics; import at most ${FOLLOW_IMPORT_LIMIT} at once.`,
    );
  const result: FollowImportResult = { added: [], already: [], unknown: [] };
  for (const slug of unique) {
    const topic = await findFollowTarget(db, slug);
    if (!topic) {
      result.unknown.push(slug);
      continue;
    }
    const existing = await db.topicFollow.findUnique({
      where: { userId_topicId: { userId, topicId: topic.id } },
      select: { createdAt: true },
    });
    if (existing) {
      if (!result.already.includes(topic.slug)) result.already.push(topic.slug);
      continue;
    }
    await db.topicFollow.create({ data: await startingMarks(db, userId, topic) });
    result.added.push(topic.slug);
  }
  return result;
}
