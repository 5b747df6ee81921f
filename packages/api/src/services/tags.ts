// Tags: editors tag and untag stories; admins approve or reject suggestions, one by one or
// in bulk. Each change is audited and asks for a rebuild of the topics it touches.
import type { Db } from "@dispatch/db";
import { AppError, notFound } from "../errors";
import type { JobQueue } from "../jobs/job-queue";
import { recordAudit, type Actor } from "./audit";

async function resolveStoryAndTopic(db: Db, storyIdOrSlug: string, topicSlugOrId: string) {
  const [story, topic] = await Promise.all([
    db.story.findFirst({
      where: { OR: [{ id: storyIdOrSlug }, { slug: storyIdOrSlug }] },
      select: { id: true, title: true },
    }),
    db.topic.findFirst({
      where: { OR: [{ slug: topicSlugOrId }, { id: topicSlugOrId }] },
      select: { id: true, slug: true, status: true },
    }),
  ]);
  if (!story) throw notFound(`Story “${storyIdOrSlug}”`);
  if (!topic) throw notFound(`Topic “${topicSlugOrId}”`);
  if (topic.status !== "active")
    throw new AppError("CONFLICT", `Topic /${topic.slug} is archived; tag the story with an active topic.`);
  return { story, topic };
}

/** Tags a story with a topic (approved at once: an editor chose it). */
export async function tagStory(
  db: Db,
  storyIdOrSlug: string,
  topicSlugOrId: string,
  actor: Actor,
  jobs: JobQueue,
) {
  const { story, topic } = await resolveStoryAndTopic(db, storyIdOrSlug, topicSlugOrId);
  await db.$transaction(async (tx) => {
    const now = new Date();
    await tx.storyTopic.upsert({
      where: { storyId_topicId: { storyId: story.id, topicId: topic.id } },
      create: {
        storyId: story.id,
        topicId: topic.id,
        origin: "manual",
        status: "approved",
        confidence: 1,
        approvedById: actor.userId,
        approvedAt: now,
      },
      update: { status: "approved", approvedById: actor.userId, approvedAt: now },
    });
    await recordAudit(tx, actor, {
      action: "tag.add",
      entityType: "story",
      entityId: story.id,
      details: { topic: topic.slug },
    });
  });
  await jobs.topicsChanged([topic.id]);
  return { storyId: story.id, topicId: topic.id };
}

export async function untagStory(
  db: Db,
  storyIdOrSlug: string,
  topicSlugOrId: string,
  actor: Actor,
  jobs: JobQueue,
) {
  const { story, topic } = await resolveStoryAndTopic(db, storyIdOrSlug, topicSlugOrId);
  const removed = await db.$transaction(async (tx) => {
    const result = await tx.storyTopic.deleteMany({ where: { storyId: story.id, topicId: topic.id } });
    if (result.count > 0)
      await recordAudit(tx, actor, {
        action: "tag.remove",
        entityType: "story",
        entityId: story.id,
        details: { topic: topic.slug },
      });
    return result.count;
  });
  if (removed === 0) throw notFound(`A tag /${topic.slug} on “${story.title}”`);
  await jobs.topicsChanged([topic.id]);
}

export type SuggestionKey = { storyId: string; topicId: string };

/** Approves or rejects pending suggestions in one transaction; returns how many changed. */
export async function reviewSuggestions(
  db: Db,
  keys: readonly SuggestionKey[],
  decision: "approved" | "rejected",
  actor: Actor,
  jobs: JobQueue,
): Promise<{ changed: number; skipped: number }> {
  if (keys.length === 0) throw new AppError("INVALID_INPUT", "Select at least one suggestion.");
  const now = new Date();
  const topicIds = new Set<string>();
  const changed = await db.$transaction(async (tx) => {
    let count = 0;
    for (const key of keys) {
      const result = await tx.storyTopic.updateMany({
        where: { storyId: key.storyId, topicId: key.topicId, status: "pending" },
        data: { status: decision, approvedById: actor.userId, approvedAt: now },
      });
      if (result.count === 0) continue;
      count += 1;
      topicIds.add(key.topicId);
      await recordAudit(tx, actor, {
        action: decision === "approved" ? "suggestion.approve" : "suggestion.reject",
        entityType: "story",
        entityId: key.storyId,
        details: { topicId: key.topicId },
      });
    }
    return count;
  });
  if (decision === "approved" && topicIds.size > 0) await jobs.topicsChanged([...topicIds]);
  return { changed, skipped: keys.length - changed };
}
