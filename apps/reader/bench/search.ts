// Search at 100,000 stories of realistic vocabulary (search-corpus.ts): how many stories each
// kind of query matches, then latency at 1 and 50 concurrent connections through the public
// procedure (a pool as the reader has), the database's own time per query kind (EXPLAIN
// ANALYZE, less sensitive to a busy machine), and optionally the built reader's /search page
// over HTTP with autocannon and the reader's memory before and after. Prints; asserts nothing.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import autocannon from "autocannon";
import { createCaller, createInnerContext, explainSearch } from "@dispatch/api";
import { createDb, type Db } from "@dispatch/db";
import { createTestDatabase } from "@dispatch/db/testing";
import { startBuiltApp } from "@dispatch/ui/testing";
import { chooseSearchQueries, createCorpus, seedSearchCorpus, type SearchQuery } from "./search-corpus";

export type SearchBenchOptions = {
  stories: number;
  /** Reuse an already seeded database (postgres://…) instead of seeding a fresh one. */
  databaseUrl?: string;
  /** Also load the built reader's /search page over HTTP (needs apps/reader/.next). */
  http: boolean;
  durationSeconds: number;
};

const CONCURRENT = 50;
/** The reader's own pool size (createDb's default), so 50 connections queue as they would there. */
const POOL = 10;

export async function benchSearch(options: SearchBenchOptions) {
  console.log(`\n## Search at ${options.stories.toLocaleString("en")} stories of realistic vocabulary`);
  const corpus = createCorpus();
  let url = options.databaseUrl;
  const fresh = url ? null : await createTestDatabase();
  try {
    if (fresh) {
      url = fresh.url;
      const started = performance.now();
      await seedSearchCorpus(fresh.db, corpus, options.stories, (done) => {
        if (done % 20_000 === 0) process.stdout.write(`  seeded ${done.toLocaleString("en")}…\n`);
      });
      console.log(
        `seeded in ${((performance.now() - started) / 1000).toFixed(0)} s (trigger-built search vectors)`,
      );
    }
    if (!url) throw new Error("no database");
    const db = createDb(url, { max: POOL });
    try {
      const queries = chooseSearchQueries(corpus, 240);
      await printMatchShares(db, queries);
      const caller = createCaller(createInnerContext({ db }));
      const run = ({ kind: _kind, ...input }: SearchQuery) => caller.search.stories(input);
      for (const query of queries.slice(0, 30)) await run(query); // warm caches and the pool

      console.log(`\nthrough the search procedure (zod in and out), pool of ${POOL}; load average ${load()}`);
      const one = await measureConcurrent(queries, 1, run);
      report("1 connection", one);
      const many = await measureConcurrent(queries, CONCURRENT, run);
      report(`${CONCURRENT} connections`, many);
      console.log(`load average after: ${load()}`);
      const p95One = percentile(one.times, 95);
      const p95Many = percentile(many.times, 95);
      console.log(
        `goal: p95 < 50 ms at 1 connection → ${p95One.toFixed(0)} ms (${p95One < 50 ? "met" : "NOT met"}); ` +
          `p95 < 500 ms at ${CONCURRENT} → ${p95Many.toFixed(0)} ms (${p95Many < 500 ? "met" : "NOT met"})`,
      );
      await printDatabaseTimes(db, queries);
      if (options.http) await benchSearchHttp(url, queries, options.durationSeconds);
    } finally {
      await db.$disconnect();
    }
  } finally {
    await fresh?.drop();
  }
}

async function printMatchShares(db: Db, queries: SearchQuery[]) {
  const [row] = await db.$queryRaw<{ n: bigint }[]>`
    SELECT count(*) AS n FROM "Story" WHERE status = 'published' AND "deletedAt" IS NULL`;
  const published = Number(row?.n ?? 1);
  const shares = new Map<string, number[]>();
  for (const query of queries) {
    const [count] = await db.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM "Story"
      WHERE "searchVector" @@ websearch_to_tsquery('english', ${query.q}) AND status = 'published' AND "deletedAt" IS NULL`;
    shares.set(query.kind, [...(shares.get(query.kind) ?? []), (Number(count?.n ?? 0) / published) * 100]);
  }
  console.log(
    `\nshare of the ${published.toLocaleString("en")} published stories each query matches (before filters):`,
  );
  console.log(pad("kind", 16) + pad("n", 5) + pad("min %", 9) + pad("median %", 10) + "max %");
  for (const [kind, list] of shares)
    console.log(
      pad(kind, 16) +
        pad(String(list.length), 5) +
        pad(Math.min(...list).toFixed(3), 9) +
        pad(percentile(list, 50).toFixed(3), 10) +
        Math.max(...list).toFixed(3),
    );
  const examples = queries.slice(0, 12).map((query) => query.q);
  console.log(`e.g. ${examples.map((q) => `«${q}»`).join(" ")}`);
}

type Measured = { times: number[]; byKind: Map<string, number[]>; seconds: number; total: number };

/** `connections` callers each take the next query until every query has run (twice at 50). */
async function measureConcurrent(
  queries: SearchQuery[],
  connections: number,
  run: (query: SearchQuery) => Promise<{ total: number }>,
): Promise<Measured> {
  const list = connections === 1 ? queries : [...queries, ...queries];
  const times: number[] = [];
  const byKind = new Map<string, number[]>();
  let next = 0;
  let total = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      for (let index = next++; index < list.length; index = next++) {
        const query = list[index] as SearchQuery;
        const t0 = performance.now();
        total += (await run(query)).total;
        const ms = performance.now() - t0;
        times.push(ms);
        byKind.set(query.kind, [...(byKind.get(query.kind) ?? []), ms]);
      }
    }),
  );
  return { times, byKind, seconds: (performance.now() - started) / 1000, total };
}

function report(label: string, measured: Measured) {
  const { times, byKind, seconds } = measured;
  console.log(
    `${pad(label, 15)} ${times.length} searches, ${(times.length / seconds).toFixed(0)}/s: ` +
      `p50 ${percentile(times, 50).toFixed(1)} ms · p95 ${percentile(times, 95).toFixed(1)} ms · max ${Math.max(...times).toFixed(0)} ms`,
  );
  if (label !== "1 connection") return;
  for (const [kind, list] of byKind)
    console.log(
      `  ${pad(kind, 16)} p50 ${pad(percentile(list, 50).toFixed(1), 6)} ms · p95 ${percentile(list, 95).toFixed(1)} ms`,
    );
}

/** Execution time inside PostgreSQL (EXPLAIN ANALYZE of the service's own statement). */
async function printDatabaseTimes(db: Db, queries: SearchQuery[]) {
  const times: number[] = [];
  const buffers: number[] = [];
  const byKind = new Map<string, number[]>();
  for (const { kind, ...input } of queries) {
    const { executionMs, plan } = await explainSearch(db, input);
    times.push(executionMs);
    const top = (plan as { Plan?: Record<string, number> } | undefined)?.Plan;
    buffers.push((top?.["Shared Hit Blocks"] ?? 0) + (top?.["Shared Read Blocks"] ?? 0));
    byKind.set(kind, [...(byKind.get(kind) ?? []), executionMs]);
  }
  console.log(
    `\ndatabase execution time (EXPLAIN ANALYZE, one at a time; load average ${load()}): p50 ${percentile(times, 50).toFixed(1)} ms · ` +
      `p95 ${percentile(times, 95).toFixed(1)} ms · max ${Math.max(...times).toFixed(1)} ms`,
  );
  // Pages touched does not depend on how busy the machine is: the work itself.
  console.log(
    `8 kB pages touched per search (shared hit + read): p50 ${percentile(buffers, 50)} · p95 ${percentile(buffers, 95)} · max ${Math.max(...buffers)}`,
  );
  for (const [kind, list] of byKind)
    console.log(
      `  ${pad(kind, 16)} p50 ${pad(percentile(list, 50).toFixed(1), 6)} ms · p95 ${percentile(list, 95).toFixed(1)} ms`,
    );
}

async function benchSearchHttp(databaseUrl: string, queries: SearchQuery[], durationSeconds: number) {
  const app = await startBuiltApp("reader", {
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: "bench-only-secret-0123456789abcdef0123456789",
  });
  try {
    const port = new URL(app.url).port;
    const paths = queries.map(({ kind: _kind, pageSize: _size, ...input }) => {
      const params = new URLSearchParams({ q: input.q });
      if (input.topic) params.set("topic", input.topic);
      if (input.source) params.set("source", input.source);
      if (input.from) params.set("from", input.from.toISOString().slice(0, 10));
      if (input.to) params.set("to", input.to.toISOString().slice(0, 10));
      if (input.page > 1) params.set("page", String(input.page));
      return `/search?${params.toString()}`;
    });
    for (const path of paths.slice(0, 20)) await (await fetch(app.url + path)).text();
    const before = readerMemoryMb(port);
    console.log(
      `\nthe built reader's /search page over HTTP (autocannon, ${durationSeconds} s each); load average ${load()}`,
    );
    // Said so the figures are read rightly: the reader keeps each search's answer until a story
    // changes (page-data-cache.ts), and these requests cycle over the same ${paths.length} searches.
    console.log(
      `(the reader keeps each search's answer until a story changes; requests cycle over ${paths.length} ` +
        "searches, so after the first round they are answered from memory: this measures rendering more than search)",
    );
    for (const connections of [1, CONCURRENT]) {
      let next = 0;
      const result = await autocannon({
        url: app.url,
        connections,
        duration: durationSeconds,
        requests: [
          {
            setupRequest: (request: Record<string, unknown>) => ({
              ...request,
              path: paths[next++ % paths.length],
            }),
          },
        ],
      });
      console.log(
        `${pad(`${connections} connection${connections === 1 ? "" : "s"}`, 15)} ${result.requests.average.toFixed(0)} req/s: ` +
          `p50 ${result.latency.p50} ms · p97.5 ${result.latency.p97_5} ms · p99 ${result.latency.p99} ms · ` +
          `errors ${result.errors + result.timeouts + result.non2xx}`,
      );
    }
    console.log(
      `reader memory (RSS): ${before} MB before → ${readerMemoryMb(port)} MB after; load average ${load()}`,
    );
  } finally {
    await app.stop();
  }
}

/** RSS of the process listening on the port (next start's server), from /proc. */
function readerMemoryMb(port: string): string {
  try {
    const listing = execFileSync("ss", ["-ltnpH", `sport = :${port}`], { encoding: "utf8" });
    const pid = /pid=(\d+)/.exec(listing)?.[1];
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
    return (kb / 1024).toFixed(0);
  } catch {
    return "?";
  }
}

function load(): string {
  return loadavg()
    .map((value) => value.toFixed(1))
    .join(" / ");
}
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}
function pad(text: string, width: number): string {
  return text.padEnd(width);
}
