import { z } from "zod";
import { pageInput } from "../pagination";
import { actorOf, adminProcedure, router } from "../trpc";
import { reviewSuggestions } from "../services/tags";
import { listSuggestions, listUnmatchedStories } from "../services/suggestions";
import { createRequestedTopic, dismissTopicRequest, listTopicRequests } from "../services/topic-requests";
import { FIELD_LIMITS, singleLineField } from "../schemas/single-line-fields";

const keys = z
  .array(z.object({ storyId: z.string().min(1), topicId: z.string().min(1) }))
  .min(1, "Select at least one suggestion.")
  .max(500, "Review at most 500 suggestions at once.");

export const suggestionRouter = router({
  /** Admins: pending topic suggestions, most confident first, with their reasons. */
  list: adminProcedure
    .input(pageInput.extend({ topic: z.string().min(1).optional(), storyId: z.string().min(1).optional() }))
    .query(({ ctx, input }) => listSuggestions(ctx.db, input)),

  /** Admins: stories that fit no topic. */
  unmatched: adminProcedure.input(pageInput).query(({ ctx, input }) => listUnmatchedStories(ctx.db, input)),

  /** Admins: approve suggestions (one or many). */
  approve: adminProcedure
    .input(z.object({ keys }))
    .mutation(({ ctx, input }) => reviewSuggestions(ctx.db, input.keys, "approved", actorOf(ctx), ctx.jobs)),

  /** Admins: topics editors' uploads named that do not exist yet, with the stories waiting on each. */
  topicRequests: adminProcedure.input(pageInput).query(({ ctx, input }) => listTopicRequests(ctx.db, input)),

  /** Admins: create a requested topic (name and slug may be changed) and tag the stories waiting for it. */
  createRequestedTopic: adminProcedure
    .input(
      z.object({
        id: z.string().min(1),
        name: singleLineField("topic name", FIELD_LIMITS.topicName).optional(),
        slug: z.string().trim().min(1).max(60, "A slug is at most 60 characters; shorten it.").optional(),
      }),
    )
    .mutation(({ ctx, input }) => createRequestedTopic(ctx.db, input, actorOf(ctx), ctx.jobs)),

  /** Admins: close a topic request without creating the topic. */
  dismissTopicRequest: adminProcedure
    .input(z.object({ id: z.string().min(1) }))
    .mutation(({ ctx, input }) => dismissTopicRequest(ctx.db, input.id, actorOf(ctx))),

  /** Admins: reject suggestions (one or many). */
  reject: adminProcedure
    .input(z.object({ keys }))
    .mutation(({ ctx, input }) => reviewSuggestions(ctx.db, input.keys, "rejected", actorOf(ctx), ctx.jobs)),
});
