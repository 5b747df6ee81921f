import { z } from "zod";
import { AppError } from "../errors";
import { readerProcedure, router } from "../trpc";
import {
  FOLLOW_IMPORT_LIMIT,
  followTopic,
  importFollows,
  listFollowedTopics,
  unfollowTopic,
} from "../services/follows";

const slug = z.string().trim().min(1, "Name the topic by its slug, e.g. harbour-talks.").max(200);
const followedTopic = z.object({ slug: z.string(), name: z.string(), followedAt: z.date() });

/** The account behind the call; the CLI's operator passes the role check but has none. */
const userIdOf = (ctx: { user: { id: string } | null }) => {
  if (!ctx.user)
    throw new AppError("INVALID_INPUT", "Following topics needs a reader account; sign in first.");
  return ctx.user.id;
};

export const followRouter = router({
  /** Any account: the topics it follows, by name. */
  list: readerProcedure
    .output(z.array(followedTopic))
    .query(({ ctx }) => listFollowedTopics(ctx.db, userIdOf(ctx))),

  /** Any account: follow a topic by slug (a merged topic's old slug follows where it went). */
  add: readerProcedure
    .input(z.object({ slug }))
    .output(followedTopic)
    .mutation(({ ctx, input }) => followTopic(ctx.db, userIdOf(ctx), input.slug)),

  /** Any account: stop following a topic. */
  remove: readerProcedure
    .input(z.object({ slug }))
    .output(z.object({ wasFollowing: z.boolean() }))
    .mutation(({ ctx, input }) => unfollowTopic(ctx.db, userIdOf(ctx), input.slug)),

  /** Any account: follow the topics this browser followed before signing in; unknown ones are listed. */
  import: readerProcedure
    .input(z.object({ slugs: z.array(slug).max(FOLLOW_IMPORT_LIMIT) }))
    .output(
      z.object({ added: z.array(z.string()), already: z.array(z.string()), unknown: z.array(z.string()) }),
    )
    .mutation(({ ctx, input }) => importFollows(ctx.db, userIdOf(ctx), input.slugs)),
});
