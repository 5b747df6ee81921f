// @dispatch/worker: the background worker (briefing rebuilds, topic suggestions, digests) on pg-boss.
export {
  DIGEST_CRON,
  runDigestJob,
  startWorker,
  stopOnSignal,
  type JobHook,
  type JobInfo,
  type RunningWorker,
  type WorkerOptions,
} from "./worker";
