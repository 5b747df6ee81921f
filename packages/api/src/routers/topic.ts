import { z } from "zod";
import { TopicStatus } from "@dispatch/db/enums";
import { actorOf, adminProcedure, editorProcedure, publicProcedure, router } from "../trpc";
import { FIELD_LIMITS, singleLineField } from "../schemas/single-line-fields";
import {
  createTopic,
  getTopic,
  listTopics,
  mergeTopics,
  setTopicArchived,
  testTopicRule,
  updateTopic,
} from "../services/topics";
import { setReviewBeforePublish } from "../services/briefing-review";

const topicSummary = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  storyCount: z.number().int(),
});

const topicDetail = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  aliases: z.array(z.string()),
  includeTerms: z.array(z.string()),
  excludeTerms: z.array(z.string()),
  ruleSources: z.array(z.string()),
  autoApprove: z.boolean(),
  status: z.enum(TopicStatus),
  mergedInto: z.object({ slug: z.string() }).nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

// What a reader may see of a topic: no keyword rules, source rules or auto-approve flag.
const publicTopic = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  mergedInto: z.object({ slug: z.string() }).nullable(),
});

const terms = z.array(z.string().trim().min(1).max(100)).max(100);
const topicFields = z.object({
  name: singleLineField("topic name", FIELD_LIMITS.topicName),
  slug: z.string().trim().min(1).max(60).optional(),
  description: z.string().max(1000).optional(),
  aliases: terms.optional(),
  includeTerms: terms.optional(),
  excludeTerms: terms.optional(),
  ruleSources: terms.optional(),
  autoApprove: z.boolean().optional(),
});

export const topicRouter = router({
  /** Anyone: the active topics with their story counts. */
  list: publicProcedure.output(z.array(topicSummary)).query(({ ctx }) => listTopics(ctx.db)),

  /** Anyone: one topic by slug or id (name and description); a merged topic names its survivor. */
  get: publicProcedure
    .input(z.object({ topic: z.string().min(1) }))
    .output(publicTopic)
    .query(({ ctx, input }) => getTopic(ctx.db, input.topic)),

  /** Editors: one topic with its keyword rules, aliases, auto-approve flag and status. */
  getForEditing: editorProcedure
    .input(z.object({ topic: z.string().min(1) }))
    .output(topicDetail)
    .query(({ ctx, input }) => getTopic(ctx.db, input.topic)),

  /** Admins: create a topic. */
  create: adminProcedure
    .input(topicFields)
    .output(topicDetail)
    .mutation(({ ctx, input }) => createTopic(ctx.db, input, actorOf(ctx))),

  /** Admins: edit a topic's name, slug, description, aliases and keyword rules. */
  update: adminProcedure
    .input(topicFields.partial().extend({ topic: z.string().min(1) }))
    .output(topicDetail)
    .mutation(({ ctx, input }) => {
      const { topic, ...fields } = input;
      return updateTopic(ctx.db, topic, fields, actorOf(ctx));
    }),

  /** Admins: archive (or unarchive) a topic; its briefings stay readable by link. */
  archive: adminProcedure
    .input(z.object({ topic: z.string().min(1), archived: z.boolean().default(true) }))
    .output(topicDetail)
    .mutation(({ ctx, input }) => setTopicArchived(ctx.db, input.topic, input.archived, actorOf(ctx))),

  /** Admins: merge one topic into another; stories and history move to the survivor. */
  merge: adminProcedure
    .input(z.object({ from: z.string().min(1), into: z.string().min(1) }))
    .mutation(({ ctx, input }) => mergeTopics(ctx.db, input.from, input.into, actorOf(ctx), ctx.jobs)),

  /** Admins: review before publishing on or off — with it on, a rebuild makes a draft that readers see only once an editor publishes it. */
  setReview: adminProcedure
    .input(z.object({ topic: z.string().min(1), enabled: z.boolean() }))
    .mutation(({ ctx, input }) => setReviewBeforePublish(ctx.db, input.topic, input.enabled, actorOf(ctx))),

  /** Admins: which recent stories a keyword rule would tag ("test this rule"). */
  testRule: adminProcedure
    .input(z.object({ includeTerms: terms, excludeTerms: terms.default([]), ruleSources: terms.default([]) }))
    .query(({ ctx, input }) => testTopicRule(ctx.db, input)),
});
