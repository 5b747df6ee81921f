import { z } from "zod";
import { pageInput, pageOutput } from "../pagination";
import { publicProcedure, router } from "../trpc";
import { listStories } from "../services/stories";

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
});
