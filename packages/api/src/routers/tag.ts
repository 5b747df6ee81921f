import { z } from "zod";
import { actorOf, editorProcedure, router } from "../trpc";
import { tagStory, untagStory } from "../services/tags";

const tagInput = z.object({ story: z.string().min(1), topic: z.string().min(1) });

export const tagRouter = router({
  /** Editors: tag a story with a topic (approved at once). */
  add: editorProcedure
    .input(tagInput)
    .mutation(({ ctx, input }) => tagStory(ctx.db, input.story, input.topic, actorOf(ctx), ctx.jobs)),

  /** Editors: remove a topic from a story. */
  remove: editorProcedure
    .input(tagInput)
    .mutation(({ ctx, input }) => untagStory(ctx.db, input.story, input.topic, actorOf(ctx), ctx.jobs)),
});
