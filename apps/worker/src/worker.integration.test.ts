import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { getBriefing, rebuildBriefing } from "@dispatch/api";
import { createJobQueue, QUEUES } from "@dispatch/api/pg-boss-queue";
import { createTestDatabase, EMBEDDED_SKIP_REASON, type TestDatabase } from "@dispatch/db/testing";
import {
  addStory,
  countVersions,
  createTopic,
  FAST_SETTINGS,
  FAST_WORKER,
  sleep,
  waitFor,
} from "../test/fixtures";
import { DIGEST_CRON, runDigestJob, startWorker, type JobHook, type RunningWorker } from "./worker";

let database: TestDatabase;
const running: RunningWorker[] = [];
const children: ChildProcess[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
}, 60_000);
afterEach(async () => {
  for (const child of children.splice(0)) child.kill("SIGKILL");
  await Promise.all(running.splice(0).map((worker) => worker.stop({ timeoutMs: 1000 })));
});
afterAll(async () => {
  await database?.drop();
});

async function start(options: { hook?: JobHook; log?: string[] } = {}): Promise<RunningWorker> {
  const worker = await startWorker({
    ...FAST_WORKER,
    connectionString: database.url,
    db: database.db,
    ...(options.hook ? { hook: options.hook } : {}),
    log: (line) => options.log?.push(line),
  });
  running.push(worker);
  return worker;
}

async function latestStoryIds(topicId: string): Promise<string[]> {
  const row = await database.db.briefing.findFirst({
    where: { topicId },
    orderBy: { version: "desc" },
    select: { storyIds: true },
  });
  return row?.storyIds ?? [];
}

describe("briefing.rebuild", () => {
  it("turns a burst of changes to a topic into one new version that has every change", async () => {
    const topicId = await createTopic(database.db, "debounce");
    for (let i = 0; i < 3; i += 1) await addStory(database.db, topicId);
    const worker = await start();
    // A wider window than the default 1 s, so a slow machine still fits the burst inside it.
    const sender = await createJobQueue(database.url, { settings: { ...FAST_SETTINGS, debounceSeconds: 3 } });

    // Eight changes in quick succession, each telling the queue, as the tag service does.
    const burstStarted = Date.now();
    for (let i = 0; i < 8; i += 1) {
      await addStory(database.db, topicId);
      await sender.queue.topicsChanged([topicId]);
      await sleep(50);
    }
    await sender.stop();
    expect(Date.now() - burstStarted).toBeLessThan(3000); // the whole burst is inside the window

    await waitFor("the first rebuild", async () => (await countVersions(database.db, topicId)) >= 1);
    await sleep(2500); // long enough for a second debounce window and a poll
    expect(await countVersions(database.db, topicId)).toBe(1);
    expect(await latestStoryIds(topicId)).toHaveLength(11);

    // A change after that rebuild is not swallowed: it makes the next version.
    await addStory(database.db, topicId);
    await worker.queue.topicsChanged([topicId]);
    await waitFor("the second rebuild", async () => (await countVersions(database.db, topicId)) === 2);
    expect(await latestStoryIds(topicId)).toHaveLength(12);
  }, 30_000);

  it("retries a failed rebuild with backoff and stores one version when it succeeds", async () => {
    const topicId = await createTopic(database.db, "flaky");
    await addStory(database.db, topicId);
    const log: string[] = [];
    const worker = await start({
      log,
      hook: async (job, run) => {
        if (job.queue === QUEUES.rebuild && job.attempt === 1)
          throw new Error("database went away (injected)");
        return run();
      },
    });

    await worker.queue.topicsChanged([topicId]);
    await waitFor("the retried rebuild", async () => (await countVersions(database.db, topicId)) === 1);
    expect(
      log.some(
        (line) =>
          line.includes("failed") && line.includes("attempt 1 of 4; will retry") && line.includes("injected"),
      ),
    ).toBe(true);
    expect(log.some((line) => line.includes("flaky → v1") && line.includes("(attempt 2)"))).toBe(true);
    await sleep(1500);
    expect(await countVersions(database.db, topicId)).toBe(1);
  }, 30_000);

  it("finishes a rebuild whose worker was killed mid-job, and readers only ever see complete versions", async () => {
    const topicId = await createTopic(database.db, "restart");
    await addStory(database.db, topicId);
    await addStory(database.db, topicId);
    // v1 exists before the crash; readers keep reading it while the job is stuck.
    await rebuildBriefing(database.db, topicId);
    const newStory = await addStory(database.db, topicId);

    // A worker in another process starts the rebuild, hangs, and is killed with SIGKILL.
    const script = fileURLToPath(new URL("../test/hanging-worker.ts", import.meta.url));
    const child = spawn(process.execPath, ["--import", "tsx", script, database.url], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    children.push(child);
    let childOutput = "";
    child.stdout?.setEncoding("utf8").on("data", (chunk: string) => (childOutput += chunk));
    await waitFor("the child worker to be ready", () => childOutput.includes("READY"), 20_000);

    // A reader polls the topic throughout: every version it sees must be a whole one.
    const seen: { version: number; stories: number; hasHeadline: boolean }[] = [];
    let reading = true;
    const reader = (async () => {
      while (reading) {
        const view = await getBriefing(database.db, "restart");
        if (view)
          seen.push({
            version: view.version,
            stories: view.stories.length,
            hasHeadline: view.briefing.headline.length > 0,
          });
        await sleep(50);
      }
    })();

    const sender = await createJobQueue(database.url, { settings: FAST_SETTINGS });
    await sender.queue.topicsChanged([topicId]);
    await sender.stop();
    await waitFor("the child to start the rebuild", async () => childOutput.includes("HANGING"), 10_000);
    child.kill("SIGKILL");
    // Nothing changed in between: the job is left active by a dead worker.
    expect(await countVersions(database.db, topicId)).toBe(1);

    const log: string[] = [];
    await start({ log });
    await waitFor(
      "the recovered rebuild",
      async () => (await countVersions(database.db, topicId)) === 2,
      25_000,
    );
    reading = false;
    await reader;

    expect(await latestStoryIds(topicId)).toContain(newStory);
    expect(log.some((line) => line.includes("restart → v2") && line.includes("(attempt 2)"))).toBe(true);
    expect(seen.length).toBeGreaterThan(10);
    for (const sample of seen) {
      expect(sample.hasHeadline).toBe(true);
      expect(sample.stories).toBe(sample.version === 1 ? 2 : 3);
    }
    expect(seen.map((sample) => sample.version)).toEqual(
      seen.map((sample) => sample.version).sort((x, y) => x - y),
    );
  }, 45_000);
});

describe("two workers on one queue", () => {
  it("rebuild N distinct topics exactly N times between them, never the same job twice", async (context) => {
    if (database.embedded) context.skip(EMBEDDED_SKIP_REASON);
    const topicIds: string[] = [];
    for (let i = 0; i < 6; i += 1) {
      const topicId = await createTopic(database.db, `pair-${i}`);
      await addStory(database.db, topicId);
      topicIds.push(topicId);
    }
    const handled: { worker: string; jobId: string }[] = [];
    const slowHook =
      (worker: string): JobHook =>
      async (job, run) => {
        if (job.queue === QUEUES.rebuild) handled.push({ worker, jobId: job.id });
        await sleep(300);
        return run();
      };
    const a = await start({ hook: slowHook("a") });
    await start({ hook: slowHook("b") });

    await a.queue.topicsChanged(topicIds);
    await waitFor(
      "every topic's first version",
      async () => (await database.db.briefing.count({ where: { topicId: { in: topicIds } } })) >= 6,
      20_000,
    );
    await sleep(2000);
    for (const topicId of topicIds) expect(await countVersions(database.db, topicId)).toBe(1);
    expect(handled).toHaveLength(6);
    expect(new Set(handled.map((entry) => entry.jobId)).size).toBe(6);
  }, 30_000);

  it("never run two rebuilds of one topic at once, and still rebuild after a change made during one", async (context) => {
    if (database.embedded) context.skip(EMBEDDED_SKIP_REASON);
    const topicId = await createTopic(database.db, "one-at-a-time");
    await addStory(database.db, topicId);
    let runningNow = 0;
    let mostAtOnce = 0;
    const spans: { start: number; end: number }[] = [];
    const hook: JobHook = async (job, run) => {
      if (job.queue !== QUEUES.rebuild) return run();
      runningNow += 1;
      mostAtOnce = Math.max(mostAtOnce, runningNow);
      const span = { start: Date.now(), end: 0 };
      try {
        await sleep(2500); // a slow rebuild: the second change comes due while it runs
        return await run();
      } finally {
        runningNow -= 1;
        span.end = Date.now();
        spans.push(span);
      }
    };
    const a = await start({ hook });
    await start({ hook });

    await a.queue.topicsChanged([topicId]);
    await waitFor("the first rebuild to start", () => runningNow === 1);
    const late = await addStory(database.db, topicId);
    await a.queue.topicsChanged([topicId]);

    await waitFor(
      "the follow-up rebuild",
      async () => (await countVersions(database.db, topicId)) === 2,
      20_000,
    );
    await sleep(1500);
    expect(await countVersions(database.db, topicId)).toBe(2);
    expect(mostAtOnce).toBe(1);
    expect(spans).toHaveLength(2);
    const [first, second] = spans;
    expect(second?.start).toBeGreaterThanOrEqual(first?.end ?? Infinity);
    expect(await latestStoryIds(topicId)).toContain(late);
  }, 30_000);
});

describe("stories.suggest", () => {
  it("tags new stories by a topic's auto-approve rule and rebuilds that topic's briefing", async () => {
    const topicId = await createTopic(database.db, "lighthouses", {
      includeTerms: ["lighthouse"],
      autoApprove: true,
    });
    // Unlike the other tests' template stories, so this topic is the one the story fits.
    const lighthouse = (keeper: string) => ({
      title: `Keeper ${keeper} relights the old lighthouse at Gannet Point`,
      body: `The lighthouse at Gannet Point shone again on Saturday after ${keeper} restored its lamp and clockwork.\n\nVolunteers polished the brass lens, which was made in 1871, and repainted the tower in red and white bands.`,
    });
    await addStory(database.db, topicId, "lighthouse", lighthouse("Ada Finch"));
    const storyId = await addStory(database.db, null, "lighthouse", lighthouse("Bram Osei"));
    const log: string[] = [];
    const worker = await start({ log });

    await worker.queue.storiesAdded([storyId]);
    await waitFor("the auto-tagged topic's rebuild", async () =>
      (await latestStoryIds(topicId)).includes(storyId),
    );
    const tag = await database.db.storyTopic.findUniqueOrThrow({
      where: { storyId_topicId: { storyId, topicId } },
    });
    expect(tag).toMatchObject({ origin: "rule", status: "approved" });
    expect(
      log.some((line) => line.includes("stories.suggest 1 stories") && line.includes("1 topics auto-tagged")),
    ).toBe(true);
  }, 30_000);
});

describe("digest.send", () => {
  it("is scheduled hourly, once however many workers start, and says so when no mail can be sent", async () => {
    const first = await start();
    await start();
    const schedules = await first.boss.getSchedules();
    expect(schedules.filter((schedule) => schedule.name === QUEUES.digest)).toMatchObject([
      { name: QUEUES.digest, cron: DIGEST_CRON },
    ]);
    expect(await runDigestJob(database.db, { mailer: null, readerUrl: "http://localhost:3000" })).toBe(
      "skipped: SMTP_URL is not set, so no digest can be mailed",
    );
  });
});
