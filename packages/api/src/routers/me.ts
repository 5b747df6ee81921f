// A signed-in reader's own briefing and digest: "My briefing" (/me), marking what was seen,
// the digest's frequency and the private feed's token. Reader audience: any account, nobody
// signed out. The token-opened reads (the private feed, one-click unsubscribe) are public
// procedures in `digest`, answered only in-process by the reader's routes.
import { z } from "zod";
import { AppError } from "../errors";
import { publicProcedure, readerProcedure, router } from "../trpc";
import { getMyBriefing, markMyBriefingSeen } from "../services/my-briefing";
import {
  DIGEST_FREQUENCIES,
  findPrivateFeed,
  getDigestSettings,
  regenerateFeedToken,
  revokeFeedToken,
  setDigestFrequency,
  unsubscribeDigest,
} from "../services/reader-digest";

/** The account behind the call; the CLI's operator passes the role check but has none. */
const userIdOf = (ctx: { user: { id: string } | null }) => {
  if (!ctx.user) throw new AppError("INVALID_INPUT", "My briefing needs a reader account; sign in first.");
  return ctx.user.id;
};

const topicSlug = z.string().trim().min(1, "Name the topic by its slug, e.g. harbour-talks.").max(200);
const token = z
  .string()
  .trim()
  .min(1, "The link has no token; open it from the mail or /account again.")
  .max(100);

const citation = z.object({ source: z.string(), storyTitle: z.string(), href: z.string() });
const newItem = z.object({
  kind: z.enum(["point", "storyline", "disagreement", "superseded"]),
  id: z.string(),
  text: z.string(),
  asOf: z.date().nullable(),
  href: z.string(),
  citations: z.array(citation),
});
const topicNews = z.object({
  topic: z.object({ slug: z.string(), name: z.string() }),
  current: z.object({ version: z.number().int(), createdAt: z.date(), headline: z.string() }).nullable(),
  since: z.object({ version: z.number().int().nullable(), at: z.date() }),
  items: z.array(newItem),
  moreCount: z.number().int(),
  newStoryCount: z.number().int(),
});
const digestSettings = z.object({
  frequency: z.enum(DIGEST_FREQUENCIES),
  feedToken: z.string().nullable(),
  feedTokenCreatedAt: z.date().nullable(),
  lastSentAt: z.date().nullable(),
});

export const meRouter = router({
  /** Any account: what is new in each followed topic since the version last seen on /me. */
  briefing: readerProcedure
    .output(z.object({ topics: z.array(topicNews) }))
    .query(({ ctx }) => getMyBriefing(ctx.db, userIdOf(ctx))),

  /** Any account: records the versions /me just showed, so the next visit starts after them. */
  markSeen: readerProcedure
    .input(
      z.object({
        seen: z
          .array(z.object({ topic: topicSlug, version: z.number().int().positive() }))
          .max(500, "Mark at most 500 topics at once."),
      }),
    )
    .output(z.object({ updated: z.number().int() }))
    .mutation(({ ctx, input }) => markMyBriefingSeen(ctx.db, userIdOf(ctx), input.seen)),

  /** Any account: the digest's frequency and the private feed's token. */
  digest: readerProcedure.output(digestSettings).query(({ ctx }) => getDigestSettings(ctx.db, userIdOf(ctx))),

  /** Any account: mail the digest daily, weekly, or not at all (off). */
  setDigestFrequency: readerProcedure
    .input(z.object({ frequency: z.string().trim().min(1, "Choose daily, weekly or off.") }))
    .output(digestSettings)
    .mutation(({ ctx, input }) => setDigestFrequency(ctx.db, userIdOf(ctx), input.frequency)),

  /** Any account: a new private feed address; the old one stops working. */
  regenerateFeedToken: readerProcedure
    .output(digestSettings)
    .mutation(({ ctx }) => regenerateFeedToken(ctx.db, userIdOf(ctx))),

  /** Any account: turn the private feed off (its address answers 404). */
  revokeFeedToken: readerProcedure
    .output(digestSettings)
    .mutation(({ ctx }) => revokeFeedToken(ctx.db, userIdOf(ctx))),
});

export const digestRouter = router({
  /** Anyone holding a private feed token: whose feed it is and its topics; not-found when revoked or unknown. */
  feed: publicProcedure
    .input(z.object({ token }))
    .output(
      z.discriminatedUnion("kind", [
        z.object({
          kind: z.literal("feed"),
          reader: z.object({ name: z.string() }),
          topics: z.array(z.object({ slug: z.string(), name: z.string() })),
        }),
        z.object({ kind: z.literal("not-found") }),
      ]),
    )
    .query(({ ctx, input }) => findPrivateFeed(ctx.db, input.token)),

  /** Anyone holding a digest's unsubscribe token: turns that reader's digest off. */
  unsubscribe: publicProcedure
    .input(z.object({ token }))
    .output(
      z.discriminatedUnion("kind", [
        z.object({ kind: z.literal("unsubscribed"), email: z.string() }),
        z.object({ kind: z.literal("not-found") }),
      ]),
    )
    .mutation(({ ctx, input }) => unsubscribeDigest(ctx.db, input.token)),
});
