// The app router: one sub-router per domain.
import { createCallerFactory, router } from "./trpc";
import { auditRouter } from "./routers/audit";
import { briefingRouter } from "./routers/briefing";
import { searchRouter } from "./routers/search";
import { storyRouter } from "./routers/story";
import { suggestionRouter } from "./routers/suggestion";
import { tagRouter } from "./routers/tag";
import { topicRouter } from "./routers/topic";
import { uploadRouter } from "./routers/upload";
import { userRouter } from "./routers/user";

export const appRouter = router({
  audit: auditRouter,
  briefing: briefingRouter,
  search: searchRouter,
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
