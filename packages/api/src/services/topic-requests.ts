// Topic requests: creating topics is for admins, so when an editor's upload names a topic
// (a bundle's topic line, or one typed in the preview) that does not exist, the story waits
// on a request instead. Admins see the requests beside the tag suggestions and either create
// the topic — which tags every waiting story — or dismiss the request.
import type { Db } from "@dispatch/db";
import { AppError, notFound } from "../errors";
import type { JobQueue } from "../jobs/job-queue";
import { cursorArgs, toPage, type PageInput } from "../pagination";
import { recordAudit, type Actor } from "./audit";
import { slugify } from "./slugs";
import { tagStory } from "./tags";
import { createTopic } from "./topics";

/** The active topic a topic line names (by slug, alias or name), or null. */
export async function findTopicForHint(db: Db, hint: string): Promise<{ id: string; slug: string } | null> {
  const name = hint.trim();
  return db.topic.findFirst({
    where: {
      status: "active",
      OR: [
        { slug: slugify(name, 60) },
        { aliases: { has: name } },
        { name: { equals: name, mode: "insensitive" } },
      ],
    },
    select: { id: true, slug: true },
  });
}

/** A topic line's name as a topic would carry it: trimmed, first letter capitalised. */
export function topicNameFromHint(hint: string): string {
  const name = hint.trim().replace(/\s+/g, " ");
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/**
 * Records that `storyId` asks for the topic `hint` names. One request per slug: a second
 * upload with the same line adds its story, and one an admin dismissed opens again.
 */
export async function requestTopic(
  db: Db,
  hint: string,
  storyId: string,
  actor: Actor,
): Promise<{ id: string; name: string }> {
  const name = topicNameFromHint(hint);
  const slug = slugify(name, 60);
  const request = await db.topicRequest.upsert({
    where: { slug },
    create: { name, slug, requestedById: actor.userId },
    update: { status: "pending", topicId: null },
    select: { id: true, name: true },
  });
  await db.topicRequestStory.createMany({ data: [{ requestId: request.id, storyId }], skipDuplicates: true });
  return request;
}

/** Pending requests, oldest first (they have waited longest), with the stories waiting on each. */
export async function listTopicRequests(db: Db, input: PageInput) {
  const rows = await db.topicRequest.findMany({
    where: { status: "pending" },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    ...cursorArgs(input),
    select: {
      id: true,
      name: true,
      slug: true,
      createdAt: true,
      requestedBy: { select: { email: true, name: true } },
      _count: { select: { stories: { where: { story: { deletedAt: null } } } } },
      stories: {
        where: { story: { deletedAt: null } },
        orderBy: { createdAt: "asc" },
        take: 3,
        select: { story: { select: { id: true, slug: true, title: true } } },
      },
    },
  });
  const page = toPage(rows, input.limit);
  return {
    nextCursor: page.nextCursor,
    items: page.items.map(({ _count, stories, ...request }) => ({
      ...request,
      storyCount: _count.stories,
      stories: stories.map((entry) => entry.story),
    })),
  };
}

async function getPendingRequest(db: Db, id: string) {
  const request = await db.topicRequest.findUnique({
    where: { id },
    select: { id: true, name: true, slug: true, status: true, stories: { select: { storyId: true } } },
  });
  if (!request) throw notFound(`Topic request ${id}`);
  if (request.status !== "pending")
    throw new AppError(
      "CONFLICT",
      `The request for “${request.name}” was already ${request.status}; reload the page.`,
    );
  return request;
}

/**
 * Creates the requested topic (under the name an admin settled on, or the topic line's) and
 * tags the stories that were waiting for it. A topic with that slug made in the meantime is
 * used as it is.
 */
export async function createRequestedTopic(
  db: Db,
  input: { id: string; name?: string | undefined; slug?: string | undefined },
  actor: Actor,
  jobs: JobQueue,
) {
  const request = await getPendingRequest(db, input.id);
  const name = input.name?.trim() || request.name;
  const slug = slugify(input.slug ?? name, 60);
  const existing = await db.topic.findUnique({
    where: { slug },
    select: { id: true, slug: true, name: true, status: true },
  });
  if (existing && existing.status !== "active")
    throw new AppError(
      "CONFLICT",
      `The topic /${existing.slug} exists but is archived; unarchive it, or pick another slug.`,
    );
  const topic =
    existing ??
    (await createTopic(
      db,
      { name, slug, description: `Stories uploaded under the topic line “${request.name}”.` },
      actor,
    ));
  let tagged = 0;
  for (const { storyId } of request.stories) {
    const story = await db.story.findUnique({ where: { id: storyId }, select: { deletedAt: true } });
    if (!story || story.deletedAt) continue;
    await tagStory(db, storyId, topic.id, actor, jobs);
    tagged += 1;
  }
  await db.topicRequest.update({ where: { id: request.id }, data: { status: "created", topicId: topic.id } });
  await recordAudit(db, actor, {
    action: "topic-request.create",
    entityType: "topic",
    entityId: topic.id,
    details: { request: request.name, tagged },
  });
  return { topic: { id: topic.id, slug: topic.slug, name: topic.name }, tagged };
}

/** Closes a request without a topic; its stories stay untagged. */
export async function dismissTopicRequest(db: Db, id: string, actor: Actor) {
  const request = await getPendingRequest(db, id);
  await db.topicRequest.update({ where: { id: request.id }, data: { status: "dismissed" } });
  await recordAudit(db, actor, {
    action: "topic-request.dismiss",
    entityType: "topic-request",
    entityId: request.id,
    details: { name: request.name },
  });
  return { id: request.id };
}
