// Reader speed: builds and serves the reader on a fresh database with 50 topics and 5,000
// synthetic stories (templated sentences of our own), then loads a topic page and a fully
// static page side by side with autocannon on 127.0.0.1; then search at 100,000 stories of
// realistic vocabulary (search.ts, search-corpus.ts). Prints figures; asserts nothing.
//
//   pnpm bench:reader                 (tsx apps/reader/bench/reader.ts)
//   pnpm bench:reader --no-build      reuse apps/reader/.next
//   pnpm bench:reader --only=search   or --only=http
//   --search-db=postgres://…          search an already seeded database (skips the ~5 min seed)
//   --search-http                     with --only=search: also load the built reader's /search
// The HTTP part runs the topic page twice: with the page data cache (the default) and with
// DISPATCH_PAGE_DATA_CACHE=off (every request reads the database).
import autocannon from "autocannon";
import { rebuildBriefing } from "@dispatch/api";
import { createTestDatabase } from "@dispatch/db/testing";
import { THEMES, buildReader, seedNewsroom, startBenchReader } from "./newsroom";
import { benchSearch } from "./search";

const args = new Set(process.argv.slice(2));
const only = [...args].find((arg) => arg.startsWith("--only="))?.slice("--only=".length);
const DURATION_S = 10;
const CONNECTIONS = 100;

// ───────────────────────── HTTP ─────────────────────────
type Figures = { label: string; rps: number; p50: number; p99: number; errors: number; non2xx: number };

async function load(label: string, url: string, paths: string[]): Promise<Figures> {
  let next = 0;
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: DURATION_S,
    requests: [
      {
        setupRequest: (request: Record<string, unknown>) => ({
          ...request,
          path: paths[next++ % paths.length],
        }),
      },
    ],
  });
  return {
    label,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

async function benchHttp() {
  console.log(`\n## Reader over HTTP: ${THEMES.length} topics × 100 stories`);
  const database = await createTestDatabase();
  try {
    let started = performance.now();
    await seedNewsroom(database, 100);
    console.log(`seeded 5,000 stories in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    started = performance.now();
    const builds: number[] = [];
    for (const theme of THEMES) builds.push((await rebuildBriefing(database.db, theme.slug)).buildMs);
    console.log(
      `built ${THEMES.length} briefings in ${((performance.now() - started) / 1000).toFixed(1)} s (median engine ${median(builds).toFixed(0)} ms per topic)`,
    );

    if (!args.has("--no-build")) {
      buildReader();
    }
    const app = await startBenchReader(database.url);
    try {
      // First visits render from the stored briefing and fill the page cache.
      const firstHits: number[] = [];
      for (const theme of THEMES) {
        const t0 = performance.now();
        const response = await fetch(`${app.url}/topics/${theme.slug}`);
        await response.text();
        if (!response.ok) throw new Error(`/topics/${theme.slug} answered ${response.status}`);
        firstHits.push(performance.now() - t0);
      }
      await (await fetch(`${app.url}/about`)).text();
      console.log(
        `first (uncached) topic page render: median ${median(firstHits).toFixed(0)} ms, max ${Math.max(...firstHits).toFixed(0)} ms`,
      );

      const topic = THEMES[0]?.slug ?? "";
      const rows = [
        await load("static page (/about)", app.url, ["/about"]),
        await load(`topic page (/topics/${topic})`, app.url, [`/topics/${topic}`]),
        await load(
          "topic pages (all 50, rotating)",
          app.url,
          THEMES.map((theme) => `/topics/${theme.slug}`),
        ),
      ];
      console.log(`\nautocannon: ${CONNECTIONS} connections, ${DURATION_S} s each, 127.0.0.1`);
      console.log(pad("page", 46) + pad("req/s", 10) + pad("p50 ms", 9) + pad("p99 ms", 9) + "errors");
      for (const row of rows) {
        console.log(
          pad(row.label, 46) +
            pad(row.rps.toFixed(0), 10) +
            pad(String(row.p50), 9) +
            pad(String(row.p99), 9) +
            `${row.errors + row.non2xx}`,
        );
      }
      const [staticRow, topicRow] = rows;
      if (staticRow && topicRow) {
        console.log(
          `\ngoal: topic p99 < 300 ms → ${topicRow.p99} ms (${topicRow.p99 < 300 ? "met" : "NOT met"}; the static page's own p99 here: ${staticRow.p99} ms); ` +
            `topic throughput ≥ half of static → ${((topicRow.rps / staticRow.rps) * 100).toFixed(0)}% (${topicRow.rps >= staticRow.rps / 2 ? "met" : "NOT met"})`,
        );
      }
    } finally {
      await app.stop();
    }

    // The same build with the page data cache off: every request reads the database, as
    // before the cache, so the two rows show what it saves (the render is per request in both).
    const uncached = await startBenchReader(database.url, { DISPATCH_PAGE_DATA_CACHE: "off" });
    try {
      const topic = THEMES[0]?.slug ?? "";
      await (await fetch(`${uncached.url}/topics/${topic}`)).text();
      const rows = [
        await load("static page (/about)", uncached.url, ["/about"]),
        await load(`topic page (/topics/${topic})`, uncached.url, [`/topics/${topic}`]),
      ];
      console.log(`\nDISPATCH_PAGE_DATA_CACHE=off: ${CONNECTIONS} connections, ${DURATION_S} s each`);
      console.log(pad("page", 46) + pad("req/s", 10) + pad("p50 ms", 9) + pad("p99 ms", 9) + "errors");
      for (const row of rows) {
        console.log(
          pad(row.label, 46) +
            pad(row.rps.toFixed(0), 10) +
            pad(String(row.p50), 9) +
            pad(String(row.p99), 9) +
            `${row.errors + row.non2xx}`,
        );
      }
    } finally {
      await uncached.stop();
    }
  } finally {
    await database.drop();
  }
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}
function median(values: number[]): number {
  return percentile(values, 50);
}
function pad(text: string, width: number): string {
  return text.padEnd(width);
}

if (only !== "search") await benchHttp();
const searchDb = [...args].find((arg) => arg.startsWith("--search-db="))?.slice("--search-db=".length);
if (only !== "http")
  await benchSearch({
    stories: 100_000,
    databaseUrl: searchDb,
    // The full run has just built the reader; --only=search needs --search-http to load it.
    http: only !== "search" || args.has("--search-http"),
    durationSeconds: DURATION_S,
  });
process.exit(0);
