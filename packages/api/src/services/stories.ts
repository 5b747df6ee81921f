// Stories: reads (lists are newest-ingested first with cursor pagination), edits, and
// soft deletion. Every change is audited.
import type { Db, Prisma } from "@dispatch/db";
import { splitSentences } from "@dispatch/briefing";
import { AppError, notFound } from "../errors";
import type { JobQueue } from "../jobs/job-queue";
import { cursorArgs, toPage, type Page, type PageInput } from "../pagination";
import { recordAudit, type Actor } from "./audit";
import { redactBriefing } from "./briefing-redaction";
import { readLatestBriefingsWithStory, readLatestPassagesOfStories } from "./briefing-store";
import { loadPublicStories } from "./briefings";
import { computeDuplicateKeys, upsertSource } from "./store-parsed-story";

export type StoryFilters = {
  source?: string;
  topic?: string;
  from?: Date;
  to?: Date;
  status?: "draft" | "published" | "archived";
  includeDeleted?: boolean;
  /** Words in the title or body (case-insensitive substring), for the admin's story table. */
  q?: string;
  /** By ingestion time; newest first unless asked. */
  order?: "newest" | "oldest";
};

export type StoryListItem = {
  id: string;
  slug: string;
  title: string;
  dek: string | null;
  source: string | null;
  byline: string[];
  publishedAt: Date | null;
  ingestedAt: Date;
  status: "draft" | "published" | "archived";
  deletedAt: Date | null;
};

export async function listStories(db: Db, input: PageInput & StoryFilters): Promise<Page<StoryListItem>> {
  const where: Prisma.StoryWhereInput = {
    ...(input.includeDeleted ? {} : { deletedAt: null }),
    ...(input.status ? { status: input.status } : {}),
    ...(input.source ? { source: { name: input.source } } : {}),
    ...(input.topic ? { topics: { some: { status: "approved", topic: { slug: input.topic } } } } : {}),
    ...(input.from || input.to
      ? {
          publishedAt: { ...(input.from ? { gte: input.from } : {}), ...(input.to ? { lte: input.to } : {}) },
        }
      : {}),
    ...(input.q?.trim()
      ? {
          OR: [
            { title: { contains: input.q.trim(), mode: "insensitive" } },
            { body: { contains: input.q.trim(), mode: "insensitive" } },
          ],
        }
      : {}),
  };
  const direction = input.order === "oldest" ? "asc" : "desc";
  const rows = await db.story.findMany({
    where,
    orderBy: [{ ingestedAt: direction }, { id: direction }],
    ...cursorArgs(input),
    select: {
      id: true,
      slug: true,
      title: true,
      dek: true,
      byline: true,
      publishedAt: true,
      ingestedAt: true,
      status: true,
      deletedAt: true,
      source: { select: { name: true } },
    },
  });
  const page = toPage(rows, input.limit);
  return {
    nextCursor: page.nextCursor,
    items: page.items.map(({ source, ...story }) => ({ ...story, source: source?.name ?? null })),
  };
}

export type StoryDetail = StoryListItem & {
  body: string;
  url: string | null;
  status: "draft" | "published" | "archived";
  deletedAt: Date | null;
  topicHint: string | null;
  nearDuplicateOf: { id: string; slug: string; title: string; score: number | null } | null;
  topics: { slug: string; name: string; status: "pending" | "approved" | "rejected" }[];
};

/** One story by id or slug; deleted and unpublished ones only when `includeHidden`. */
export async function getStory(
  db: Db,
  idOrSlug: string,
  options: { includeHidden?: boolean } = {},
): Promise<StoryDetail> {
  const story = await db.story.findFirst({
    where: {
      OR: [{ id: idOrSlug }, { slug: idOrSlug }],
      ...(options.includeHidden ? {} : { deletedAt: null, status: "published" }),
    },
    select: {
      id: true,
      slug: true,
      title: true,
      dek: true,
      body: true,
      url: true,
      byline: true,
      status: true,
      publishedAt: true,
      ingestedAt: true,
      deletedAt: true,
      topicHint: true,
      nearDuplicateScore: true,
      source: { select: { name: true } },
      // A reader may only learn of a near-duplicate that is itself public.
      nearDuplicateOf: {
        select: { id: true, slug: true, title: true, status: true, deletedAt: true },
      },
      topics: {
        where: options.includeHidden ? {} : { status: "approved" },
        select: { status: true, topic: { select: { slug: true, name: true } } },
        orderBy: { topic: { name: "asc" } },
      },
    },
  });
  if (!story) throw notFound(`Story “${idOrSlug}”`);
  const { source, nearDuplicateOf, nearDuplicateScore, topics, ...rest } = story;
  return {
    ...rest,
    source: source?.name ?? null,
    nearDuplicateOf:
      nearDuplicateOf && (options.includeHidden || isPublic(nearDuplicateOf))
        ? {
            id: nearDuplicateOf.id,
            slug: nearDuplicateOf.slug,
            title: nearDuplicateOf.title,
            score: nearDuplicateScore,
          }
        : null,
    topics: topics.map((tag) => ({ ...tag.topic, status: tag.status })),
  };
}

/** What readers may see: published and not deleted. */
export function isPublic(story: { status: string; deletedAt: Date | null }): boolean {
  return story.status === "published" && story.deletedAt === null;
}

export type StoryPatch = {
  title?: string;
  dek?: string | null;
  body?: string;
  source?: string | null;
  publishedAt?: Date | null;
  status?: "draft" | "published" | "archived";
};

/**
 * Edits a story. A new title or body re-keys its duplicate detection. A change to what a
 * briefing is built from (text, source, date, or status — unpublishing takes it out of
 * public view) queues a rebuild of every topic that tags or cites it.
 */
export async function updateStory(
  db: Db,
  id: string,
  patch: StoryPatch,
  actor: Actor,
  jobs: JobQueue,
): Promise<StoryDetail> {
  const current = await db.story.findUnique({ where: { id }, select: { id: true, title: true, body: true } });
  if (!current) throw notFound(`Story ${id}`);
  const title = patch.title ?? current.title;
  const body = patch.body ?? current.body;
  const textChanged = title !== current.title || body !== current.body;
  const rekey = textChanged ? computeDuplicateKeys({ title, body }) : null;
  if (rekey) {
    const clash = await db.story.findFirst({
      where: { contentHash: rekey.contentHash, id: { not: id } },
      select: { id: true, title: true },
    });
    if (clash)
      throw new AppError(
        "DUPLICATE",
        `With this text the story would duplicate “${clash.title}” (${clash.id}).`,
      );
  }
  await db.$transaction(async (tx) => {
    const sourceId =
      patch.source === undefined
        ? undefined
        : patch.source === null
          ? null
          : await upsertSource(tx, patch.source, null);
    await tx.story.update({
      where: { id },
      data: {
        ...(patch.title !== undefined ? { title: patch.title } : {}),
        ...(patch.dek !== undefined ? { dek: patch.dek } : {}),
        ...(patch.body !== undefined ? { body: patch.body } : {}),
        ...(patch.publishedAt !== undefined ? { publishedAt: patch.publishedAt } : {}),
        ...(patch.status !== undefined ? { status: patch.status } : {}),
        ...(sourceId !== undefined ? { sourceId } : {}),
        ...(rekey ? { contentHash: rekey.contentHash, minhash: rekey.minhash } : {}),
      },
    });
    if (rekey) {
      await tx.storyBand.deleteMany({ where: { storyId: id } });
      await tx.storyBand.createMany({ data: rekey.bands.map((band) => ({ band, storyId: id })) });
    }
    await recordAudit(tx, actor, {
      action: "story.update",
      entityType: "story",
      entityId: id,
      details: { fields: Object.keys(patch) },
    });
  });
  const briefed = Object.keys(patch).some((field) => field !== "dek");
  if (briefed) await jobs.topicsChanged(await findTopicsOfStory(db, id));
  return getStory(db, id, { includeHidden: true });
}

/** Soft delete: hidden everywhere at once, restorable with `restoreStory`. */
export async function deleteStory(db: Db, id: string, actor: Actor, jobs: JobQueue): Promise<void> {
  await setDeleted(db, id, new Date(), actor, "story.delete");
  await jobs.topicsChanged(await findTopicsOfStory(db, id));
}

export async function restoreStory(db: Db, id: string, actor: Actor, jobs: JobQueue): Promise<void> {
  await setDeleted(db, id, null, actor, "story.restore");
  await jobs.topicsChanged(await findTopicsOfStory(db, id));
}

/**
 * Topics whose briefing a change to this story alters: those that tag it (approved) and
 * those whose latest briefing cites it (a tag may have been removed since the build).
 */
export async function findTopicsOfStory(db: Db, storyId: string): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT "topicId" AS id FROM "StoryTopic" WHERE "storyId" = ${storyId} AND status = 'approved'
    UNION
    SELECT t.id FROM "Topic" t
    JOIN LATERAL (
      SELECT "storyIds" FROM "Briefing" WHERE "topicId" = t.id ORDER BY version DESC LIMIT 1
    ) b ON true
    WHERE ${storyId}::text = ANY(b."storyIds")`;
  return rows.map((row) => row.id).sort();
}

async function setDeleted(
  db: Db,
  id: string,
  deletedAt: Date | null,
  actor: Actor,
  action: string,
): Promise<void> {
  await db.$transaction(async (tx) => {
    const result = await tx.story.updateMany({ where: { id }, data: { deletedAt } });
    if (result.count === 0) throw notFound(`Story ${id}`);
    await recordAudit(tx, actor, { action, entityType: "story", entityId: id });
  });
}

export type StoryParagraph = { sentences: { index: number; text: string }[] };

export type CitingBriefing = {
  topicSlug: string;
  topicName: string;
  version: number;
  headline: string;
  createdAt: Date;
  /** How many of the briefing's points cite this story. */
  points: number;
};

export type StoryReading = {
  story: StoryDetail;
  /** The body as paragraphs of sentences, indexed as citations index them. */
  paragraphs: StoryParagraph[];
  citedBy: CitingBriefing[];
};

/** What the reader's story page shows: the story, its sentences, and the briefings that cite it. */
export async function readStory(db: Db, idOrSlug: string): Promise<StoryReading> {
  const story = await getStory(db, idOrSlug);
  return { story, paragraphs: toParagraphs(story.body), citedBy: await listCitingBriefings(db, story.id) };
}

/** The active topics whose latest briefing was built with this story, newest first, as readers see them. */
async function listCitingBriefings(db: Db, storyId: string): Promise<CitingBriefing[]> {
  const versions = await readLatestBriefingsWithStory(db, storyId);
  if (versions.length === 0) return [];
  const [topics, visible] = await Promise.all([
    db.topic.findMany({
      where: { id: { in: versions.map((version) => version.topicId) }, status: "active" },
      select: { id: true, slug: true, name: true },
    }),
    loadPublicStories(
      db,
      versions.flatMap((version) => version.storyIds),
    ),
  ]);
  const topicById = new Map(topics.map((topic) => [topic.id, topic]));
  return versions
    .flatMap((stored) => {
      const topic = topicById.get(stored.topicId);
      if (!topic) return [];
      const briefing = redactBriefing(stored.briefing, visible);
      return [
        {
          topicSlug: topic.slug,
          topicName: topic.name,
          version: stored.version,
          headline: briefing.headline,
          createdAt: stored.createdAt,
          points: briefing.points.filter((point) =>
            point.citations.some((citation) => citation.storyId === storyId),
          ).length,
        },
      ];
    })
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
}

/** Sentences grouped into the body's paragraphs (a line break between two sentences starts one). */
export function toParagraphs(body: string): StoryParagraph[] {
  const paragraphs: StoryParagraph[] = [];
  let current: StoryParagraph | null = null;
  let previousEnd = 0;
  splitSentences(body).forEach((span, index) => {
    const gap = body.slice(previousEnd, span.start);
    if (!current || gap.includes("\n")) {
      current = { sentences: [] };
      paragraphs.push(current);
    }
    current.sentences.push({ index, text: span.text });
    previousEnd = span.end;
  });
  return paragraphs;
}

export type CitedPassageView = {
  storyId: string;
  sentenceIndex: number;
  before: string;
  sentence: string;
  after: string;
};

/**
 * The passages these citations point at, each once: the cited sentence with the sentences
 * around it, read from what the latest briefings citing these stories stored at build time.
 */
export async function getCitedPassages(
  db: Db,
  refs: { storyId: string; sentenceIndex: number }[],
): Promise<CitedPassageView[]> {
  const storyIds = [...new Set(refs.map((ref) => ref.storyId))];
  if (storyIds.length === 0) return [];
  const [stored, visible] = await Promise.all([
    readLatestPassagesOfStories(db, storyIds),
    loadPublicStories(db, storyIds),
  ]);
  const byKey = new Map(stored.map((passage) => [`${passage.storyId}#${passage.sentenceIndex}`, passage]));
  const seen = new Set<string>();
  return refs.flatMap((ref) => {
    const key = `${ref.storyId}#${ref.sentenceIndex}`;
    const passage = byKey.get(key);
    if (seen.has(key) || !passage || !visible.has(ref.storyId)) return [];
    seen.add(key);
    return [
      {
        storyId: passage.storyId,
        sentenceIndex: passage.sentenceIndex,
        before: passage.before,
        sentence: passage.sentence,
        after: passage.after,
      },
    ];
  });
}
