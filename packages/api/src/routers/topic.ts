import { z } from "zod";
import { publicProcedure, router } from "../trpc";
import { listTopics } from "../services/topics";

const topicSummary = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  storyCount: z.number().int(),
});

export const topicRouter = router({
  /** Anyone: the active topics with their story counts. */
  list: publicProcedure
    .output(z.array(topicSummary))
    .query(({ ctx }) => listTopics(ctx.db)),
});
