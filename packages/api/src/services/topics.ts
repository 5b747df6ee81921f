// Topics: list and read (anyone), create, edit, archive and merge (admins). Every change is
// audited; changes that alter what a briefing covers ask the worker for a rebuild.
import type { Db } from "@dispatch/db";
import { AppError, notFound } from "../errors";
import type { JobQueue } from "../jobs/job-queue";
import { describeTooLongField, FIELD_LIMITS } from "../schemas/single-line-fields";
import { recordAudit, type Actor } from "./audit";
import { slugify } from "./slugs";
import { findTerms } from "./topic-scoring";

export type TopicSummary = {
  id: string;
  slug: string;
  name: string;
  description: string;
  storyCount: number;
};

/** Active topics, alphabetically, with how many approved stories each has. */
export async function listTopics(db: Db): Promise<TopicSummary[]> {
  const topics = await db.topic.findMany({
    where: { status: "active" },
    orderBy: { name: "asc" },
    select: {
      id: true,
      slug: true,
      name: true,
      description: true,
      _count: { select: { stories: { where: { status: "approved", story: { deletedAt: null } } } } },
    },
  });
  return topics.map(({ _count, ...topic }) => ({ ...topic, storyCount: _count.stories }));
}

export type TopicFields = {
  name: string;
  slug?: string;
  description?: string;
  aliases?: string[];
  includeTerms?: string[];
  excludeTerms?: string[];
  ruleSources?: string[];
  autoApprove?: boolean;
};

const topicDetailSelect = {
  id: true,
  slug: true,
  name: true,
  description: true,
  aliases: true,
  includeTerms: true,
  excludeTerms: true,
  ruleSources: true,
  autoApprove: true,
  status: true,
  mergedInto: { select: { slug: true } },
  createdAt: true,
  updatedAt: true,
} as const;

/** A topic by slug or id. A merged topic's old slug finds the survivor. */
export async function getTopic(db: Db, slugOrId: string) {
  const topic = await db.topic.findFirst({
    where: { OR: [{ slug: slugOrId }, { id: slugOrId }] },
    select: topicDetailSelect,
  });
  if (!topic) throw notFound(`Topic “${slugOrId}”`);
  return topic;
}

function cleanList(values: readonly string[] | undefined): string[] | undefined {
  if (!values) return undefined;
  return [...new Set(values.map((value) => value.trim()).filter(Boolean))];
}

/** The CLI and uploads reach the services past the routers' schemas. */
function checkTopicName(name: string | undefined): void {
  const length = name?.trim().length ?? 0;
  if (name !== undefined && length === 0)
    throw new AppError("INVALID_INPUT", "The topic name is empty; type one.");
  if (length > FIELD_LIMITS.topicName)
    throw new AppError("INVALID_INPUT", describeTooLongField("topic name", length, FIELD_LIMITS.topicName));
}

export async function createTopic(db: Db, fields: TopicFields, actor: Actor) {
  checkTopicName(fields.name);
  const slug = slugify(fields.slug ?? fields.name, 60);
  const taken = await db.topic.findUnique({ where: { slug }, select: { name: true } });
  if (taken)
    throw new AppError(
      "DUPLICATE",
      `A topic with the slug “${slug}” exists already (“${taken.name}”). Pick another name or slug.`,
    );
  return db.$transaction(async (tx) => {
    const topic = await tx.topic.create({
      data: {
        slug,
        name: fields.name.trim(),
        description: fields.description?.trim() ?? "",
        aliases: cleanList(fields.aliases) ?? [],
        includeTerms: cleanList(fields.includeTerms) ?? [],
        excludeTerms: cleanList(fields.excludeTerms) ?? [],
        ruleSources: cleanList(fields.ruleSources) ?? [],
        autoApprove: fields.autoApprove ?? false,
      },
      select: topicDetailSelect,
    });
    await recordAudit(tx, actor, {
      action: "topic.create",
      entityType: "topic",
      entityId: topic.id,
      details: { slug, name: topic.name },
    });
    return topic;
  });
}

export async function updateTopic(db: Db, slugOrId: string, fields: Partial<TopicFields>, actor: Actor) {
  checkTopicName(fields.name);
  const current = await getTopic(db, slugOrId);
  const slug = fields.slug ? slugify(fields.slug, 60) : undefined;
  if (
    slug &&
    slug !== current.slug &&
    (await db.topic.findUnique({ where: { slug }, select: { id: true } }))
  ) {
    throw new AppError("DUPLICATE", `The slug “${slug}” is taken by another topic.`);
  }
  return db.$transaction(async (tx) => {
    const topic = await tx.topic.update({
      where: { id: current.id },
      data: {
        ...(fields.name !== undefined ? { name: fields.name.trim() } : {}),
        ...(slug ? { slug } : {}),
        ...(fields.description !== undefined ? { description: fields.description.trim() } : {}),
        ...(fields.aliases ? { aliases: cleanList(fields.aliases) } : {}),
        ...(fields.includeTerms ? { includeTerms: cleanList(fields.includeTerms) } : {}),
        ...(fields.excludeTerms ? { excludeTerms: cleanList(fields.excludeTerms) } : {}),
        ...(fields.ruleSources ? { ruleSources: cleanList(fields.ruleSources) } : {}),
        ...(fields.autoApprove !== undefined ? { autoApprove: fields.autoApprove } : {}),
      },
      select: topicDetailSelect,
    });
    await recordAudit(tx, actor, {
      action: "topic.update",
      entityType: "topic",
      entityId: topic.id,
      details: { fields: Object.keys(fields) },
    });
    return topic;
  });
}

export async function setTopicArchived(db: Db, slugOrId: string, archived: boolean, actor: Actor) {
  const topic = await getTopic(db, slugOrId);
  if (archived && topic.status === "archived") return topic;
  return db.$transaction(async (tx) => {
    const updated = await tx.topic.update({
      where: { id: topic.id },
      data: { status: archived ? "archived" : "active" },
      select: topicDetailSelect,
    });
    await recordAudit(tx, actor, {
      action: archived ? "topic.archive" : "topic.unarchive",
      entityType: "topic",
      entityId: topic.id,
    });
    return updated;
  });
}

/**
 * Merges `from` into `into`: its tags move to the survivor (a story tagged with both keeps
 * the stronger tag), its name and slug become aliases, and it is archived pointing at the
 * survivor, so old links and the audit trail still lead somewhere.
 */
export async function mergeTopics(db: Db, fromSlug: string, intoSlug: string, actor: Actor, jobs: JobQueue) {
  const [from, into] = await Promise.all([getTopic(db, fromSlug), getTopic(db, intoSlug)]);
  if (from.id === into.id) throw new AppError("CONFLICT", "A topic cannot be merged into itself.");
  if (from.status === "archived" && from.mergedInto)
    throw new AppError("CONFLICT", `“${from.name}” was already merged into /${from.mergedInto.slug}.`);
  if (into.status !== "active")
    throw new AppError("CONFLICT", `“${into.name}” is archived; unarchive it before merging into it.`);

  const moved = await db.$transaction(async (tx) => {
    const tags = await tx.storyTopic.findMany({ where: { topicId: from.id } });
    const existing = new Map(
      (
        await tx.storyTopic.findMany({
          where: { topicId: into.id, storyId: { in: tags.map((tag) => tag.storyId) } },
        })
      ).map((tag) => [tag.storyId, tag]),
    );
    let movedCount = 0;
    for (const tag of tags) {
      const clash = existing.get(tag.storyId);
      if (!clash) {
        await tx.storyTopic.create({ data: { ...tag, topicId: into.id } });
        movedCount += 1;
      } else if (clash.status !== "approved" && tag.status === "approved") {
        await tx.storyTopic.update({
          where: { storyId_topicId: { storyId: tag.storyId, topicId: into.id } },
          data: {
            status: "approved",
            origin: tag.origin,
            approvedAt: tag.approvedAt,
            approvedById: tag.approvedById,
          },
        });
      }
    }
    await tx.storyTopic.deleteMany({ where: { topicId: from.id } });
    await tx.topic.update({
      where: { id: into.id },
      data: {
        aliases: [...new Set([...into.aliases, from.name, from.slug, ...from.aliases])],
        includeTerms: [...new Set([...into.includeTerms, ...from.includeTerms])],
      },
    });
    await tx.topic.update({ where: { id: from.id }, data: { status: "archived", mergedIntoId: into.id } });
    await recordAudit(tx, actor, {
      action: "topic.merge",
      entityType: "topic",
      entityId: into.id,
      details: {
        from: { id: from.id, slug: from.slug },
        into: { id: into.id, slug: into.slug },
        movedTags: movedCount,
      },
    });
    await recordAudit(tx, actor, {
      action: "topic.merged-away",
      entityType: "topic",
      entityId: from.id,
      details: { into: into.slug },
    });
    return movedCount;
  });
  await jobs.topicsChanged([into.id]);
  return { into: await getTopic(db, into.id), movedTags: moved };
}

export type RuleTest = { includeTerms: string[]; excludeTerms: string[]; ruleSources: string[] };

/** Which recent stories a keyword rule would tag, before it is saved. */
export async function testTopicRule(db: Db, rule: RuleTest, limit = 50) {
  if (rule.includeTerms.length === 0)
    throw new AppError("INVALID_INPUT", "Add at least one include term to test the rule.");
  const stories = await db.story.findMany({
    where: {
      deletedAt: null,
      ...(rule.ruleSources.length > 0 ? { source: { name: { in: rule.ruleSources } } } : {}),
    },
    orderBy: [{ ingestedAt: "desc" }, { id: "desc" }],
    take: 2_000,
    select: { id: true, slug: true, title: true, body: true, source: { select: { name: true } } },
  });
  const matches = [];
  for (const story of stories) {
    const text = `${story.title}\n${story.body}`;
    const included = findTerms(text, rule.includeTerms);
    if (included.length === 0 || findTerms(text, rule.excludeTerms).length > 0) continue;
    matches.push({
      id: story.id,
      slug: story.slug,
      title: story.title,
      source: story.source?.name ?? null,
      matched: included,
    });
    if (matches.length >= limit) break;
  }
  return { scanned: stories.length, matches };
}
