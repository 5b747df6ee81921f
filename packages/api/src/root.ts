// The app router: one sub-router per domain.
import { createCallerFactory, router } from "./trpc";
import { storyRouter } from "./routers/story";
import { topicRouter } from "./routers/topic";
import { uploadRouter } from "./routers/upload";
import { userRouter } from "./routers/user";

export const appRouter = router({
  story: storyRouter,
  topic: topicRouter,
  upload: uploadRouter,
  user: userRouter,
});

export type AppRouter = typeof appRouter;

/** A server-side caller: server components and the CLI call procedures in-process. */
export const createCaller = createCallerFactory(appRouter);
