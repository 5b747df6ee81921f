import { z } from "zod";
import { pageInput } from "../pagination";
import { actorOf, adminProcedure, router } from "../trpc";
import { reviewSuggestions } from "../services/tags";
import { listSuggestions, listUnmatchedStories } from "../services/suggestions";

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

  /** Admins: reject suggestions (one or many). */
  reject: adminProcedure
    .input(z.object({ keys }))
    .mutation(({ ctx, input }) => reviewSuggestions(ctx.db, input.keys, "rejected", actorOf(ctx), ctx.jobs)),
});
