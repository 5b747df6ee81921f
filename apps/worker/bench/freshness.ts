// Freshness: how long from uploading a story until the briefing a reader gets includes it.
// With the worker running as its own process (as `pnpm dev` runs it), uploads synthetic
// stories into a few topics through the api services — commitUpload, then tagStory, with
// a real pg-boss JobQueue — and polls getBriefing. Prints p50/p95/max.
//
//   pnpm bench:freshness [--stories 200] [--topics 5] [--rate 4] [--embedded]
//
// Runs on a fresh database on the local PostgreSQL server (as the tests do), or on the
// embedded PostgreSQL with --embedded (or when no server answers). Nothing else is touched.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { commitUpload, createTopic, getBriefing, tagStory, type Actor } from "@dispatch/api";
import { createJobQueue } from "@dispatch/api/pg-boss-queue";
import { createTestDatabase } from "@dispatch/db/testing";
import { sleep, syntheticStory } from "../test/fixtures";

const { values: args } = parseArgs({
  options: {
    stories: { type: "string", default: "200" },
    topics: { type: "string", default: "5" },
    rate: { type: "string", default: "4" },
    embedded: { type: "boolean", default: false },
  },
});
const storyCount = Number(args.stories);
const topicCount = Number(args.topics);
const rate = Number(args.rate);
const SUBJECTS = ["harbour", "railway", "library", "housing", "water", "schools", "ferry", "budget"];

async function openDatabase() {
  const database = await createTestDatabase({ embedded: Boolean(args.embedded) });
  return { url: database.url, db: database.db, embedded: database.embedded, close: database.drop };
}

async function main(): Promise<void> {
  const database = await openDatabase();
  const { db } = database;
  const actor: Actor = { userId: null, via: "cli" };

  // The worker, in its own process as in `pnpm dev`; its log lines tell us each rebuild.
  const workerMain = fileURLToPath(new URL("../src/main.ts", import.meta.url));
  const worker = spawn(process.execPath, ["--import", "tsx", workerMain], {
    env: { ...process.env, DATABASE_URL: database.url },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const workerLines: string[] = [];
  let ready = false;
  worker.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    for (const line of chunk.split("\n").filter(Boolean)) {
      if (line.includes("ready")) ready = true;
      workerLines.push(line);
    }
  });
  const workerStart = Date.now();
  while (!ready) {
    if (worker.exitCode !== null)
      throw new Error(`the worker exited (${worker.exitCode}) before it was ready`);
    await sleep(100);
  }
  const workerStartMs = Date.now() - workerStart;

  const jobs = await createJobQueue(database.url);
  const topics: { id: string; slug: string; subject: string }[] = [];
  for (let i = 0; i < topicCount; i += 1) {
    const subject = SUBJECTS[i % SUBJECTS.length] ?? "news";
    const topic = await createTopic(db, { name: `Freshness ${subject} ${i}` }, actor);
    topics.push({ id: topic.id, slug: topic.slug, subject });
  }

  // Upload at a steady rate; a reader polls each topic's briefing meanwhile.
  const pending = new Map<string, { topic: string; uploadedAt: number }>();
  const latencies: number[] = [];
  const uploadMs: number[] = [];
  let uploading = true;
  const reader = (async () => {
    while (uploading || pending.size > 0) {
      const waiting = new Set([...pending.values()].map((entry) => entry.topic));
      for (const slug of waiting) {
        const view = await getBriefing(db, slug);
        const now = performance.now();
        for (const story of view?.stories ?? []) {
          const entry = pending.get(story.id);
          if (entry) {
            latencies.push(now - entry.uploadedAt);
            pending.delete(story.id);
          }
        }
      }
      await sleep(50);
    }
  })();

  const started = performance.now();
  for (let i = 0; i < storyCount; i += 1) {
    const due = started + (i * 1000) / rate;
    if (performance.now() < due) await sleep(due - performance.now());
    const topic = topics[i % topics.length];
    if (!topic) throw new Error("no topics");
    const { title, body } = syntheticStory(10_000 + i, topic.subject);
    const uploadedAt = performance.now();
    const result = await commitUpload(db, [{ name: `story-${i}.txt`, bytes: `${title}\n\n${body}` }], actor, {
      jobs: jobs.queue,
    });
    const item = result.items[0];
    if (!item?.storyId) throw new Error(`story ${i} was not stored: ${item?.message ?? "no result"}`);
    pending.set(item.storyId, { topic: topic.slug, uploadedAt });
    await tagStory(db, item.storyId, topic.id, actor, jobs.queue);
    uploadMs.push(performance.now() - uploadedAt);
  }
  uploading = false;
  const deadline = Date.now() + 60_000;
  while (pending.size > 0 && Date.now() < deadline) await sleep(100);
  const missing = pending.size;
  pending.clear();
  await reader;
  const elapsed = (performance.now() - started) / 1000;

  const versions = await db.briefing.count({ where: { topicId: { in: topics.map((topic) => topic.id) } } });
  const builds = workerLines
    .filter((line) => line.includes("briefing.rebuild") && line.includes("build "))
    .map((line) => Number(/build (\d+) ms/.exec(line)?.[1] ?? NaN))
    .filter((value) => Number.isFinite(value));
  const jobsMs = workerLines
    .filter((line) => line.includes("briefing.rebuild") && line.includes(" → v"))
    .map((line) => Number(/\) in (\d+) ms/.exec(line)?.[1] ?? NaN))
    .filter((value) => Number.isFinite(value));

  const report = [
    `Freshness: ${storyCount} stories into ${topicCount} topics at ${rate}/s on ${database.embedded ? "embedded PostgreSQL (PGlite)" : "PostgreSQL server"}`,
    `  upload → in the reader's briefing:  p50 ${s(percentile(latencies, 0.5))}  p95 ${s(percentile(latencies, 0.95))}  max ${s(Math.max(...latencies))}  (${latencies.length} seen${missing ? `, ${missing} never appeared` : ""})`,
    `  upload + tag call:                  p50 ${ms(percentile(uploadMs, 0.5))}  p95 ${ms(percentile(uploadMs, 0.95))}`,
    `  rebuilds: ${versions} versions for ${storyCount} stories; job p50 ${ms(percentile(jobsMs, 0.5))}, p95 ${ms(percentile(jobsMs, 0.95))}; engine build p50 ${ms(percentile(builds, 0.5))}, max ${ms(Math.max(...builds))}`,
    `  worker start-up ${s(workerStartMs)}; run ${elapsed.toFixed(1)} s`,
  ];
  console.log(report.join("\n"));

  worker.kill("SIGTERM");
  await new Promise((resolve) => worker.once("exit", resolve));
  await jobs.stop();
  await database.close();
}

function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? NaN;
}

function s(valueMs: number): string {
  return `${(valueMs / 1000).toFixed(2)} s`;
}

function ms(value: number): string {
  return `${Math.round(value)} ms`;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
