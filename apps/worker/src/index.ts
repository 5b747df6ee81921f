// @dispatch/worker: the background worker (briefing rebuilds, topic suggestions) on pg-boss.
export {
  startWorker,
  stopOnSignal,
  type JobHook,
  type JobInfo,
  type RunningWorker,
  type WorkerOptions,
} from "./worker";
