import { z } from "zod";
import { adminProcedure, actorOf, publicProcedure, router } from "../trpc";
import {
  briefingDiffSchema,
  briefingSchema,
  briefingStorySchema,
  briefingVersionSchema,
  citedPassageSchema,
} from "../schemas/briefing";
import {
  diffBriefingVersions,
  getBriefing,
  listBriefingVersions,
  rebuildBriefing,
} from "../services/briefings";

const slug = z.string().min(1).max(200);

export const briefingRouter = router({
  /** Anyone: the latest (or a given) version of a topic's briefing with the stories and sentences it cites; null before the first build. */
  get: publicProcedure
    .input(z.object({ topic: slug, version: z.number().int().positive().optional() }))
    .output(
      z
        .object({
          topic: z.object({ id: z.string(), slug: z.string(), name: z.string(), description: z.string() }),
          version: z.number().int(),
          createdAt: z.date(),
          briefing: briefingSchema,
          stories: z.array(briefingStorySchema),
          passages: z.array(citedPassageSchema),
        })
        .nullable(),
    )
    .query(({ ctx, input }) => getBriefing(ctx.db, input.topic, input.version)),

  /** Anyone: every stored version of a topic's briefing, newest first. */
  versions: publicProcedure
    .input(z.object({ topic: slug }))
    .output(z.array(briefingVersionSchema))
    .query(({ ctx, input }) => listBriefingVersions(ctx.db, input.topic)),

  /** Anyone: what changed between two versions. */
  diff: publicProcedure
    .input(z.object({ topic: slug, from: z.number().int().positive(), to: z.number().int().positive() }))
    .output(briefingDiffSchema)
    .query(({ ctx, input }) => diffBriefingVersions(ctx.db, input.topic, input.from, input.to)),

  /** Admins: build the topic's briefing now and store it as a new version. */
  rebuild: adminProcedure
    .input(z.object({ topic: slug }))
    .mutation(({ ctx, input }) => rebuildBriefing(ctx.db, input.topic, actorOf(ctx))),
});
