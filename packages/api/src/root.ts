// The app router: one sub-router per domain. The reader router: only the public reads, for
// the public reader app, which must not answer editor or admin procedures at all.
import { createCallerFactory, router } from "./trpc";
import { auditRouter } from "./routers/audit";
import { briefingRouter } from "./routers/briefing";
import { followRouter } from "./routers/follow";
import { digestRouter, meRouter } from "./routers/me";
import { pageRouter } from "./routers/page";
import { searchRouter } from "./routers/search";
import { settingRouter } from "./routers/setting";
import { storyRouter } from "./routers/story";
import { suggestionRouter } from "./routers/suggestion";
import { tagRouter } from "./routers/tag";
import { topicRouter } from "./routers/topic";
import { uploadRouter } from "./routers/upload";
import { userRouter } from "./routers/user";

export const appRouter = router({
  audit: auditRouter,
  briefing: briefingRouter,
  digest: digestRouter,
  follow: followRouter,
  me: meRouter,
  page: pageRouter,
  search: searchRouter,
  setting: settingRouter,
  story: storyRouter,
  suggestion: suggestionRouter,
  tag: tagRouter,
  topic: topicRouter,
  upload: uploadRouter,
  user: userRouter,
});

export type AppRouter = typeof appRouter;

/** A server-side caller: server components and the CLI call procedures in-process. */
export const createCaller = createCallerFactory(appRouter);

/**
 * What the reader app serves over HTTP: the public reads and nothing else. Every procedure
 * here is a publicProcedure query (a test holds that); editor and admin procedures are not
 * mounted, so the reader answers them with NOT_FOUND whoever asks.
 */
export const readerRouter = router({
  briefing: { get: briefingRouter.get, versions: briefingRouter.versions, diff: briefingRouter.diff },
  search: { stories: searchRouter.stories, filters: searchRouter.filters },
  story: {
    list: storyRouter.list,
    get: storyRouter.get,
    read: storyRouter.read,
    passages: storyRouter.passages,
  },
  topic: { list: topicRouter.list, get: topicRouter.get },
});

export type ReaderRouter = typeof readerRouter;

/**
 * What the reader app's `/api/trpc` serves: the public reads above, and a signed-in reader's
 * own procedures (following topics, My briefing and the digest's settings; reader audience: any
 * account, nobody signed out). The token-opened `digest` reads stay in-process.
 */
export const readerTrpcRouter = router({ ...readerRouter._def.record, follow: followRouter, me: meRouter });

/** A server-side caller over the reader's procedures only. */
export const createReaderCaller = createCallerFactory(readerRouter);
