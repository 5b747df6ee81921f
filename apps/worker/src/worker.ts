// The background worker: serves the briefing.rebuild and stories.suggest queues from
// PostgreSQL with pg-boss, and sends the readers' digests every hour (digest.send, on pg-boss's
// schedule). Several workers (processes) may serve the same database.
import PgBoss from "pg-boss";
import {
  AppError,
  rebuildBriefing,
  sendDueDigests,
  suggestTopicsForStories,
  type JobQueue,
} from "@dispatch/api";
import {
  createBossJobQueue,
  DEFAULT_JOB_SETTINGS,
  ensureQueues,
  QUEUES,
  type JobSettings,
  type RebuildJobData,
  type SuggestJobData,
} from "@dispatch/api/pg-boss-queue";
import type { Db } from "@dispatch/db";
import { getMailer, type Mailer } from "@dispatch/mail";
import { getDigestReaderUrl } from "./env";

/** What a job handler and its hook see of a job. */
export type JobInfo = {
  queue: string;
  id: string;
  data: unknown;
  /** 1 on the first run, 2 on the first retry… */
  attempt: number;
  maxAttempts: number;
};

/**
 * Wraps every job: call `run` to do the work. Tests use it to fail, slow down or hang a job;
 * whatever it throws fails the job (and pg-boss retries it).
 */
export type JobHook = (job: JobInfo, run: () => Promise<string>) => Promise<string>;

export type WorkerOptions = {
  connectionString: string;
  /** Prisma client for the same database; the caller owns it. */
  db: Db;
  settings?: Partial<JobSettings>;
  /** How often an idle worker asks for jobs (pg-boss's minimum is 0.5 s). */
  pollingIntervalSeconds?: number;
  /** How often this worker expires jobs whose worker died (pg-boss runs it on one worker at a time). */
  maintenanceIntervalSeconds?: number;
  /** Parallel jobs per queue in this process. Rebuilds are CPU-bound: scale with processes. */
  concurrency?: number;
  hook?: JobHook;
  /** Where the one line per job goes. */
  log?: (line: string) => void;
  /** The suggestion service (injectable for tests). */
  suggestTopics?: typeof suggestTopicsForStories;
  /** Where digests go (default: SMTP_URL's mailer; null when it is unset, and no digest is sent). */
  mailer?: Mailer | null;
  /** Where readers reach the reader, for the digest's links (default: DISPATCH_READER_URL). */
  readerUrl?: string;
  /** When digest.send runs (cron, UTC); null: not scheduled (tests call runDigestJob). */
  digestCron?: string | null;
};

/** Every hour, five past: each run mails the readers whose daily or weekly digest is due. */
export const DIGEST_CRON = "5 * * * *";

export type RunningWorker = {
  boss: PgBoss;
  /** Sends through this worker's connection (for follow-up jobs and scripts). */
  queue: JobQueue;
  /** Stops taking jobs, waits up to `timeoutMs` for running ones, then closes the pool. */
  stop: (options?: { timeoutMs?: number }) => Promise<void>;
};

export async function startWorker(options: WorkerOptions): Promise<RunningWorker> {
  const settings = { ...DEFAULT_JOB_SETTINGS, ...options.settings };
  const log = options.log ?? ((line: string) => console.log(line));
  const concurrency = options.concurrency ?? 1;
  const boss = new PgBoss({
    connectionString: options.connectionString,
    // Each work loop holds at most one connection at a time; the rest is for sends and maintenance.
    max: 2 + 2 * concurrency,
    application_name: "dispatch-worker",
    supervise: true,
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 10,
    // The clock for digest.send; pg-boss keeps one schedule however many workers start it.
    schedule: options.digestCron !== null,
    migrate: true,
  });
  boss.on("error", (error) => log(`pg-boss error: ${describeError(error)}`));
  await boss.start();
  await ensureQueues(boss, settings);
  const queue = createBossJobQueue(boss, settings);

  const digest = {
    mailer: options.mailer === undefined ? getMailer() : options.mailer,
    readerUrl: options.readerUrl ?? getDigestReaderUrl(),
  };
  const handlers: Record<string, (data: unknown) => Promise<string>> = {
    [QUEUES.rebuild]: (data) => runRebuild(options.db, data as RebuildJobData),
    [QUEUES.suggest]: (data) =>
      runSuggest(options.db, queue, data as SuggestJobData, options.suggestTopics ?? suggestTopicsForStories),
    [QUEUES.digest]: () => runDigestJob(options.db, digest),
  };
  if (options.digestCron !== null) await boss.schedule(QUEUES.digest, options.digestCron ?? DIGEST_CRON);
  else await boss.unschedule(QUEUES.digest);
  const hook: JobHook = options.hook ?? ((_job, run) => run());
  const workOptions = {
    batchSize: 1,
    includeMetadata: true as const,
    pollingIntervalSeconds: options.pollingIntervalSeconds ?? 0.5,
  };

  for (const [name, handler] of Object.entries(handlers)) {
    for (let loop = 0; loop < concurrency; loop += 1) {
      await boss.work<unknown>(name, workOptions, async (jobs) => {
        for (const job of jobs) {
          const info: JobInfo = {
            queue: name,
            id: job.id,
            data: job.data,
            attempt: job.retryCount + 1,
            maxAttempts: job.retryLimit + 1,
          };
          const started = performance.now();
          const waited =
            job.startedOn && job.startAfter
              ? ` after waiting ${seconds(job.startedOn.getTime() - job.startAfter.getTime())}`
              : "";
          try {
            const summary = await hook(info, () => handler(job.data));
            log(
              `${name} ${summary} in ${ms(performance.now() - started)}${waited} (attempt ${info.attempt})`,
            );
          } catch (error) {
            const next = info.attempt < info.maxAttempts ? "will retry" : "giving up";
            log(
              `${name} ${job.id} failed in ${ms(performance.now() - started)} (attempt ${info.attempt} of ${info.maxAttempts}; ${next}): ${describeError(error)}`,
            );
            throw error;
          }
        }
      });
    }
  }

  return {
    boss,
    queue,
    stop: ({ timeoutMs = 30_000 } = {}) => boss.stop({ graceful: true, wait: true, timeout: timeoutMs }),
  };
}

/** Builds and stores the topic's next briefing version (one INSERT: readers never see half of one). */
async function runRebuild(db: Db, data: RebuildJobData): Promise<string> {
  try {
    const result = await rebuildBriefing(db, data.topicId);
    return `${result.slug} → v${result.version} (${result.storyCount} stories, build ${ms(result.buildMs)})`;
  } catch (error) {
    // The topic was deleted after the job was queued: nothing to rebuild, nothing to retry.
    if (error instanceof AppError && error.code === "NOT_FOUND")
      return `${data.topicId} skipped (topic no longer exists)`;
    throw error;
  }
}

/**
 * The digest job: mails every reader whose digest is due and has something new (see
 * sendDueDigests). Without SMTP_URL nothing can be sent, and the line says so.
 */
export async function runDigestJob(
  db: Db,
  deps: { mailer: Mailer | null; readerUrl: string; now?: Date },
): Promise<string> {
  if (!deps.mailer) return "skipped: SMTP_URL is not set, so no digest can be mailed";
  const run = await sendDueDigests(db, { mailer: deps.mailer, readerUrl: deps.readerUrl, now: deps.now });
  const failed = run.failed.map((failure) => `${failure.email} (${failure.error})`).join(", ");
  if (run.failed.length > 0 && run.sent.length === 0) throw new Error(`no digest could be sent: ${failed}`);
  return `${run.due} due → ${run.sent.length} sent, ${run.nothingNew} with nothing new${failed ? `, failed: ${failed}` : ""}`;
}

/** Stores topic suggestions for new stories, then rebuilds the topics a rule tagged outright. */
async function runSuggest(
  db: Db,
  queue: JobQueue,
  data: SuggestJobData,
  suggest: typeof suggestTopicsForStories,
): Promise<string> {
  const results = await suggest(db, data.storyIds);
  const autoApproved = [...new Set(results.flatMap((result) => result.autoApproved))];
  if (autoApproved.length > 0) await queue.topicsChanged(autoApproved);
  const suggestions = results.reduce((sum, result) => sum + result.suggestions, 0);
  return `${data.storyIds.length} stories → ${suggestions} suggestions, ${autoApproved.length} topics auto-tagged`;
}

/**
 * Resolves after `stop` has finished, once SIGINT or SIGTERM arrives. A signal a second or
 * more later exits at once; one right after (Ctrl-C reaches a whole process group, and a
 * parent like `pnpm dev` adds its own SIGTERM) does not cut the graceful stop short.
 */
export function stopOnSignal(stop: () => Promise<void>): Promise<void> {
  return new Promise((resolve, reject) => {
    let firstAt = 0;
    const onSignal = (signal: NodeJS.Signals) => {
      if (firstAt > 0) {
        if (Date.now() - firstAt > 1000) process.exit(signal === "SIGINT" ? 130 : 143);
        return;
      }
      firstAt = Date.now();
      console.log(`${signal}: finishing the running jobs, then stopping…`);
      stop().then(resolve, reject);
    };
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);
  });
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function ms(value: number): string {
  return `${Math.round(value)} ms`;
}

function seconds(value: number): string {
  return `${(Math.max(0, value) / 1000).toFixed(1)} s`;
}
