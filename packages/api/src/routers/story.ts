import { z } from "zod";
import { StoryStatus, TagStatus } from "@dispatch/db/enums";
import { pageInput, pageOutput } from "../pagination";
import { FIELD_LIMITS, singleLineField } from "../schemas/single-line-fields";
import { actorOf, editorProcedure, publicProcedure, router } from "../trpc";
import {
  deleteStory,
  getCitedPassages,
  getStory,
  listStories,
  readStory,
  restoreStory,
  updateStory,
} from "../services/stories";

const storyListItem = z.object({
  id: z.string(),
  slug: z.string(),
  title: z.string(),
  dek: z.string().nullable(),
  source: z.string().nullable(),
  byline: z.array(z.string()),
  publishedAt: z.date().nullable(),
  ingestedAt: z.date(),
});

const storyDetail = storyListItem.extend({
  body: z.string(),
  url: z.string().nullable(),
  status: z.enum(StoryStatus),
  deletedAt: z.date().nullable(),
  topicHint: z.string().nullable(),
  nearDuplicateOf: z
    .object({ id: z.string(), slug: z.string(), title: z.string(), score: z.number().nullable() })
    .nullable(),
  topics: z.array(z.object({ slug: z.string(), name: z.string(), status: z.enum(TagStatus) })),
});

// What a reader sees of a story: no status, deletion time or topic hint, approved topics
// only, and a near-duplicate only when that story is itself public (the service checks).
const publicStory = storyListItem.extend({
  body: z.string(),
  url: z.string().nullable(),
  topics: z.array(z.object({ slug: z.string(), name: z.string() })),
});

const publicStoryDetail = publicStory.extend({
  nearDuplicateOf: z
    .object({ id: z.string(), slug: z.string(), title: z.string(), score: z.number().nullable() })
    .nullable(),
});

export const storyReading = z.object({
  story: publicStory,
  paragraphs: z.array(
    z.object({ sentences: z.array(z.object({ index: z.number().int(), text: z.string() })) }),
  ),
  citedBy: z.array(
    z.object({
      topicSlug: z.string(),
      topicName: z.string(),
      version: z.number().int(),
      headline: z.string(),
      createdAt: z.date(),
      points: z.number().int(),
    }),
  ),
});

const citedPassage = z.object({
  storyId: z.string(),
  sentenceIndex: z.number().int(),
  before: z.string(),
  sentence: z.string(),
  after: z.string(),
});

const storyStatus = z.enum(StoryStatus);

const storyFilters = z.object({
  source: z.string().min(1).optional(),
  topic: z.string().min(1).optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
});

export const storyRouter = router({
  /** Anyone: published stories, newest first, filtered by source, topic and date range. */
  list: publicProcedure
    .input(pageInput.extend(storyFilters.shape))
    .output(pageOutput(storyListItem))
    .query(({ ctx, input }) => listStories(ctx.db, { ...input, status: "published" })),

  /** Editors: every story, any status, optionally with the deleted ones; searchable by title/body text, newest or oldest first. */
  listAll: editorProcedure
    .input(
      pageInput.extend(storyFilters.shape).extend({
        status: storyStatus.optional(),
        includeDeleted: z.boolean().default(false),
        q: z.string().max(200).optional(),
        order: z.enum(["newest", "oldest"]).default("newest"),
      }),
    )
    .output(pageOutput(storyListItem.extend({ status: storyStatus, deletedAt: z.date().nullable() })))
    .query(({ ctx, input }) => listStories(ctx.db, input)),

  /** Anyone: one published story by id or slug, with its approved topics and a public near-duplicate. */
  get: publicProcedure
    .input(z.object({ idOrSlug: z.string().min(1) }))
    .output(publicStoryDetail)
    .query(({ ctx, input }) => getStory(ctx.db, input.idOrSlug)),

  /**
   * Anyone: a published story as the reader shows it — its sentences (indexed as citations
   * index them, for `#s-<index>` anchors) and the topic briefings that cite it.
   */
  read: publicProcedure
    .input(z.object({ idOrSlug: z.string().min(1).max(200) }))
    .output(storyReading)
    .query(({ ctx, input }) => readStory(ctx.db, input.idOrSlug)),

  /**
   * Anyone: cited sentences with their neighbours, for a briefing's source panels — as the
   * current briefings citing these stories stored them when built (no body is split again);
   * a sentence no current briefing cites, or of a story no longer public, is left out.
   */
  passages: publicProcedure
    .input(
      z.object({
        refs: z
          .array(z.object({ storyId: z.string().min(1), sentenceIndex: z.number().int().min(0) }))
          .max(5000),
      }),
    )
    .output(z.array(citedPassage))
    .query(({ ctx, input }) => getCitedPassages(ctx.db, input.refs)),

  /** Editors: any story, including drafts, deleted ones and pending topic suggestions. */
  getForEditing: editorProcedure
    .input(z.object({ idOrSlug: z.string().min(1) }))
    .output(storyDetail)
    .query(({ ctx, input }) => getStory(ctx.db, input.idOrSlug, { includeHidden: true })),

  /** Editors: change title, dek, body, source, date or status. */
  update: editorProcedure
    .input(
      z.object({
        id: z.string().min(1),
        title: singleLineField("title", FIELD_LIMITS.title).optional(),
        dek: z
          .string()
          .trim()
          .max(FIELD_LIMITS.dek, `The standfirst is at most ${FIELD_LIMITS.dek} characters; shorten it.`)
          .nullable()
          .optional(),
        body: z.string().trim().min(1, "A story needs a body.").optional(),
        source: singleLineField("source", FIELD_LIMITS.source).nullable().optional(),
        publishedAt: z.coerce.date().nullable().optional(),
        status: storyStatus.optional(),
      }),
    )
    .output(storyDetail)
    .mutation(({ ctx, input }) => {
      const { id, ...patch } = input;
      return updateStory(ctx.db, id, patch, actorOf(ctx), ctx.jobs);
    }),

  /** Editors: hide a story everywhere (restorable). */
  delete: editorProcedure
    .input(z.object({ id: z.string().min(1) }))
    .mutation(({ ctx, input }) => deleteStory(ctx.db, input.id, actorOf(ctx), ctx.jobs)),

  /** Editors: bring a deleted story back. */
  restore: editorProcedure
    .input(z.object({ id: z.string().min(1) }))
    .mutation(({ ctx, input }) => restoreStory(ctx.db, input.id, actorOf(ctx), ctx.jobs)),
});
