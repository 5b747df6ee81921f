import { z } from "zod";
import { publicProcedure, router } from "../trpc";
import { listSearchFilters, searchStories } from "../services/search";

const segment = z.object({ text: z.string(), match: z.boolean() });

// Dates arrive from a form as YYYY-MM-DD; an unparseable one is a message, not a 500.
const day = z.coerce.date({ error: "Use a date like 2026-10-27." });

export const searchInput = z.object({
  q: z.string().max(200, "Keep the search under 200 characters.").default(""),
  topic: z.string().trim().min(1).max(200).optional(),
  source: z.string().trim().min(1).max(200).optional(),
  from: day.optional(),
  to: day.optional(),
  page: z
    .number()
    .int()
    .min(1, "Pages start at 1.")
    .max(100, "Only the first 100 pages are shown; narrow the search.")
    .default(1),
  pageSize: z.number().int().min(1).max(50).default(10),
});

export const searchOutput = z.object({
  q: z.string(),
  /** Counted up to a cap (1,000); `totalCapped` says more match than that. */
  total: z.number().int(),
  totalCapped: z.boolean(),
  page: z.number().int(),
  pageSize: z.number().int(),
  pageCount: z.number().int(),
  notice: z.string().nullable(),
  hits: z.array(
    z.object({
      id: z.string(),
      slug: z.string(),
      title: z.array(segment),
      snippet: z.array(segment),
      dek: z.string().nullable(),
      source: z.string().nullable(),
      publishedAt: z.date().nullable(),
      rank: z.number(),
    }),
  ),
});

export const searchRouter = router({
  /**
   * Anyone: published stories matching a websearch query ("quoted phrase", -exclude, OR),
   * filtered by topic, source and date range, best match first, with highlighted snippets.
   * Counts stop at 1,000 ("1,000+") and broad searches rank their newest matches plus the
   * best-titled ones from any date, so a search costs the same whatever it matches.
   */
  stories: publicProcedure
    .input(searchInput)
    .output(searchOutput)
    .query(({ ctx, input }) => searchStories(ctx.db, input)),

  /** Anyone: the topics and sources the search form can filter by. */
  filters: publicProcedure
    .output(
      z.object({
        topics: z.array(z.object({ slug: z.string(), name: z.string() })),
        sources: z.array(z.string()),
      }),
    )
    .query(({ ctx }) => listSearchFilters(ctx.db)),
});
