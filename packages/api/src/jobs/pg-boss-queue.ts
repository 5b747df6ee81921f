// The JobQueue on pg-boss: the queues the worker serves and how jobs are sent to them. Jobs
// live in PostgreSQL, so they survive restarts and several workers can share them.
import PgBoss from "pg-boss";
import { getDbEnv } from "@dispatch/db";
import type { JobQueue } from "./job-queue";

export const QUEUES = {
  /** Rebuild one topic's briefing. Data: RebuildJobData. Singleton key: the topic id. */
  rebuild: "briefing.rebuild",
  /** Suggest topics for new stories. Data: SuggestJobData. */
  suggest: "stories.suggest",
  /** Mail the readers' due digests (scheduled hourly by the worker). No data. */
  digest: "digest.send",
} as const;

export type RebuildJobData = { topicId: string };
export type SuggestJobData = { storyIds: string[] };

export type JobSettings = {
  /** Changes to one topic within this many seconds of the first become one rebuild. */
  debounceSeconds: number;
  /** A job still running after this long — or whose worker died — fails and is retried. */
  expireInSeconds: number;
  /** Attempts after the first. */
  retryLimit: number;
  /** First retry delay; doubles (with jitter) on each further retry. */
  retryDelaySeconds: number;
};

export const DEFAULT_JOB_SETTINGS: JobSettings = {
  debounceSeconds: 1,
  // Longer than any rebuild takes (a cold one on a busy 2-core machine took ~27 s), since an
  // expired job is retried while the first run may still finish; short enough that a
  // crashed worker's job is picked up within a minute or two.
  expireInSeconds: 60,
  retryLimit: 5,
  retryDelaySeconds: 2,
};

/** Stories per suggestion job: small enough to retry cheaply, large enough for bulk uploads. */
const SUGGEST_BATCH = 50;

/**
 * Creates the queues (or brings their settings up to date). A send to a queue that does not
 * exist is silently dropped by pg-boss, so every process that sends or works calls this.
 *
 * `briefing.rebuild` is a *stately* queue keyed by topic: at most one job per topic waiting
 * and one running, across every worker. A change while a rebuild waits joins it (the
 * debounce); a change while one runs queues exactly one follow-up, so nothing is missed.
 */
export async function ensureQueues(boss: PgBoss, settings: JobSettings): Promise<void> {
  const common = {
    retryLimit: settings.retryLimit,
    retryDelay: settings.retryDelaySeconds,
    retryBackoff: true,
    expireInSeconds: settings.expireInSeconds,
  };
  const queues: PgBoss.Queue[] = [
    { name: QUEUES.rebuild, policy: "stately", ...common },
    { name: QUEUES.suggest, policy: "standard", ...common },
    // One digest run at a time: two at once could mail a reader twice. Retried a little
    // (an SMTP server down); a mail sent is recorded at once, so a retry does not resend it.
    { name: QUEUES.digest, policy: "singleton", ...common, retryLimit: 2 },
  ];
  for (const queue of queues) {
    await boss.createQueue(queue.name, queue);
    await boss.updateQueue(queue.name, queue);
  }
}

/** A JobQueue that sends through an already started pg-boss instance. */
export function createBossJobQueue(boss: PgBoss, settings: JobSettings = DEFAULT_JOB_SETTINGS): JobQueue {
  return {
    async topicsChanged(topicIds) {
      // startAfter opens the debounce window; the stately queue drops a second waiting job
      // for the same topic (send returns null), so a burst of changes is one rebuild.
      await Promise.all(
        [...new Set(topicIds)].map((topicId) =>
          boss.send(QUEUES.rebuild, { topicId } satisfies RebuildJobData, {
            singletonKey: topicId,
            startAfter: settings.debounceSeconds,
          }),
        ),
      );
    },
    async storiesAdded(storyIds) {
      const ids = [...new Set(storyIds)];
      for (let start = 0; start < ids.length; start += SUGGEST_BATCH) {
        await boss.send(QUEUES.suggest, {
          storyIds: ids.slice(start, start + SUGGEST_BATCH),
        } satisfies SuggestJobData);
      }
    },
  };
}

export type StartedJobQueue = {
  queue: JobQueue;
  boss: PgBoss;
  stop: () => Promise<void>;
};

export type CreateJobQueueOptions = {
  settings?: Partial<JobSettings>;
  /** Connections in pg-boss's pool; a sender needs few. */
  max?: number;
};

/**
 * Starts pg-boss for sending only (no workers, no maintenance): what the apps and the CLI
 * use. Installs pg-boss's schema on first use and creates the queues.
 */
export async function createJobQueue(
  connectionString: string,
  options: CreateJobQueueOptions = {},
): Promise<StartedJobQueue> {
  const settings = { ...DEFAULT_JOB_SETTINGS, ...options.settings };
  const boss = new PgBoss({
    connectionString,
    max: options.max ?? 2,
    application_name: "dispatch-jobs",
    supervise: false,
    schedule: false,
    migrate: true,
  });
  boss.on("error", (error) => console.error("[jobs] pg-boss error:", error));
  await boss.start();
  try {
    await ensureQueues(boss, settings);
  } catch (error) {
    await boss.stop({ graceful: false });
    throw error;
  }
  return {
    queue: createBossJobQueue(boss, settings),
    boss,
    stop: () => boss.stop({ graceful: false, wait: true }),
  };
}

const globalForJobs = globalThis as unknown as { dispatchJobs?: Promise<StartedJobQueue> };

/**
 * The process's queue for DATABASE_URL, started on first use and shared (kept on globalThis
 * so Next.js dev reloads don't open a pool per edit). For request contexts:
 * `createInnerContext({ db: getDb(), jobs: getJobQueue(), … })`.
 *
 * A failed send is logged, not thrown: the caller's change is already committed, and a
 * missed rebuild is caught up by the next change to the topic or a manual rebuild.
 */
export function getJobQueue(): JobQueue {
  const started = (): Promise<StartedJobQueue> => {
    if (!globalForJobs.dispatchJobs) {
      const url = getDbEnv().DATABASE_URL;
      if (!url) return Promise.reject(new Error("DATABASE_URL is not set: no job queue to send to."));
      globalForJobs.dispatchJobs = createJobQueue(url);
      // A failed start is retried on the next send instead of being cached.
      globalForJobs.dispatchJobs.catch(() => {
        globalForJobs.dispatchJobs = undefined;
      });
    }
    return globalForJobs.dispatchJobs;
  };
  const sendOrLog = async (what: string, send: (queue: JobQueue) => Promise<void>) => {
    try {
      await send((await started()).queue);
    } catch (error) {
      console.error(
        `[jobs] could not queue ${what}; the briefing updates on the next change or a manual rebuild:`,
        error,
      );
    }
  };
  return {
    topicsChanged: (topicIds) =>
      sendOrLog(`rebuilds for ${topicIds.length} topic(s)`, (queue) => queue.topicsChanged(topicIds)),
    storiesAdded: (storyIds) =>
      sendOrLog(`suggestions for ${storyIds.length} story(ies)`, (queue) => queue.storiesAdded(storyIds)),
  };
}
