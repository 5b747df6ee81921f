// One query per reader page: each returns exactly what its page renders, every state
// included (a page never looks a thing up twice or decides found / pending / merged /
// missing itself). The services in services/reader-pages/ hold the logic and the tests.
import { z } from "zod";
import { publicProcedure, router } from "../trpc";
import { briefingDiffSchema, briefingSchema, briefingStorySchema } from "../schemas/briefing";
import { getHomePage } from "../services/reader-pages/home-page";
import { getSearchPage } from "../services/reader-pages/search-page";
import { getStoryPage } from "../services/reader-pages/story-page";
import { getTopicFeed } from "../services/reader-pages/topic-feed";
import { getTopicPage } from "../services/reader-pages/topic-page";
import { getTopicVersionPage } from "../services/reader-pages/topic-version";
import { searchOutput } from "./search";
import { storyReading } from "./story";

const slug = z.string().min(1).max(200);
const notFound = z.object({ kind: z.literal("not-found") });
const publicVersion = z.object({
  version: z.number().int(),
  createdAt: z.date(),
  briefing: briefingSchema,
  stories: z.array(briefingStorySchema),
});
const aboutTopic = z.object({ slug: z.string(), name: z.string(), description: z.string() });
// As typed: the service says what is wrong with a field (a 500-character search included).
const formField = z.string().default("");

export const pageRouter = router({
  /** Anyone: the home page — topics with their current briefing's headline (freshest first) and the latest stories. */
  home: publicProcedure
    .output(
      z.object({
        topics: z.array(
          aboutTopic.extend({
            storyCount: z.number().int(),
            briefing: z
              .object({
                headline: z.string(),
                overview: z.array(z.string()),
                updatedAt: z.date(),
                version: z.number().int(),
                sources: z.array(z.object({ name: z.string(), stories: z.number().int() })),
                pointCount: z.number().int(),
              })
              .nullable(),
          }),
        ),
        stories: z.array(
          z.object({
            slug: z.string(),
            title: z.string(),
            dek: z.string().nullable(),
            source: z.string().nullable(),
            byline: z.array(z.string()),
            publishedAt: z.date().nullable(),
          }),
        ),
      }),
    )
    .query(({ ctx }) => getHomePage(ctx.db)),

  /** Anyone: a topic page — its briefing with the versions list, or that it is pending, merged (and into what) or missing. */
  topic: publicProcedure
    .input(z.object({ topic: slug }))
    .output(
      z.discriminatedUnion("kind", [
        z.object({
          kind: z.literal("briefing"),
          page: publicVersion.extend({ topic: aboutTopic.extend({ id: z.string() }) }),
          versions: z.array(
            z.object({ version: z.number().int(), createdAt: z.date(), storyCount: z.number().int() }),
          ),
          previousVersion: z.number().int().nullable(),
        }),
        z.object({ kind: z.literal("pending"), topic: aboutTopic }),
        z.object({ kind: z.literal("merged"), into: z.string() }),
        notFound,
      ]),
    )
    .query(({ ctx, input }) => getTopicPage(ctx.db, input.topic)),

  /** Anyone: one published version of a topic's briefing and what changed against the one before, or that there is no such version. */
  topicVersion: publicProcedure
    .input(z.object({ topic: slug, version: z.number().int().positive() }))
    .output(
      z.discriminatedUnion("kind", [
        z.object({
          kind: z.literal("version"),
          page: publicVersion.extend({ topic: aboutTopic.extend({ id: z.string() }) }),
          previousVersion: z.number().int().nullable(),
          latestVersion: z.number().int(),
          changes: briefingDiffSchema.nullable(),
        }),
        z.object({ kind: z.literal("merged"), into: z.string() }),
        z.object({ kind: z.literal("not-found"), message: z.string() }),
      ]),
    )
    .query(({ ctx, input }) => getTopicVersionPage(ctx.db, input.topic, input.version)),

  /** Anyone: a story page — the story's indexed sentences and the briefings citing it, or that it is missing. */
  story: publicProcedure
    .input(z.object({ idOrSlug: slug }))
    .output(z.discriminatedUnion("kind", [storyReading.extend({ kind: z.literal("story") }), notFound]))
    .query(({ ctx, input }) => getStoryPage(ctx.db, input.idOrSlug)),

  /** Anyone: the search page from its form's fields as typed — how to search, what is wrong with the form, or a page of results. */
  search: publicProcedure
    .input(
      z.object({
        q: formField,
        topic: formField,
        source: formField,
        from: formField,
        to: formField,
        page: formField,
      }),
    )
    .output(
      z.object({
        form: z.object({
          q: z.string(),
          topic: z.string(),
          source: z.string(),
          from: z.string(),
          to: z.string(),
          page: z.string(),
        }),
        filters: z.object({
          topics: z.array(z.object({ slug: z.string(), name: z.string() })),
          sources: z.array(z.string()),
        }),
        filtered: z.boolean(),
        state: z.discriminatedUnion("kind", [
          z.object({ kind: z.literal("help") }),
          z.object({ kind: z.literal("error"), message: z.string() }),
          z.object({ kind: z.literal("results"), result: searchOutput }),
        ]),
      }),
    )
    .query(({ ctx, input }) => getSearchPage(ctx.db, input)),

  /** Anyone: a topic's feed — its newest briefing versions as readers may see them, or that the topic is missing. */
  topicFeed: publicProcedure
    .input(z.object({ topic: slug }))
    .output(
      z.discriminatedUnion("kind", [
        z.object({
          kind: z.literal("feed"),
          topic: z.object({ slug: z.string(), name: z.string() }),
          versions: z.array(publicVersion),
        }),
        notFound,
      ]),
    )
    .query(({ ctx, input }) => getTopicFeed(ctx.db, input.topic)),
});
