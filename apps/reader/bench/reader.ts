// Reader speed: builds and serves the reader on a fresh database with 50 topics and 5,000
// synthetic stories (templated sentences of our own), then loads a topic page and a fully
// static page side by side with autocannon on 127.0.0.1; then search latency at 100,000
// stories through the search service. Prints figures; asserts nothing.
//
//   pnpm bench:reader                 (tsx apps/reader/bench/reader.ts)
//   pnpm bench:reader --no-build      reuse apps/reader/.next
//   pnpm bench:reader --only=search   or --only=http
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { createCaller, createInnerContext, rebuildBriefing } from "@dispatch/api";
import { createTestDatabase } from "@dispatch/db/testing";
import { startBuiltApp } from "@dispatch/ui/testing";
import { DAYS, PEOPLE, PLACES, SOURCES, SUBJECTS, THEMES, seedNewsroom } from "./newsroom";

const args = new Set(process.argv.slice(2));
const only = [...args].find((arg) => arg.startsWith("--only="))?.slice("--only=".length);
const readerDir = path.resolve(fileURLToPath(new URL("..", import.meta.url)));
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
      started = performance.now();
      const build = spawnSync("npx", ["next", "build"], {
        cwd: readerDir,
        stdio: "inherit",
        env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
      });
      if (build.status !== 0) throw new Error("next build failed");
      console.log(`built the reader in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    }
    const app = await startBuiltApp("reader", {
      DATABASE_URL: database.url,
      AUTH_SECRET: "bench-only-secret-0123456789abcdef0123456789",
    });
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
          `\ngoal: topic p99 < 100 ms → ${topicRow.p99} ms (${topicRow.p99 < 100 ? "met" : "NOT met"}); ` +
            `topic throughput ≥ half of static → ${((topicRow.rps / staticRow.rps) * 100).toFixed(0)}% (${topicRow.rps >= staticRow.rps / 2 ? "met" : "NOT met"})`,
        );
      }
    } finally {
      await app.stop();
    }
  } finally {
    await database.drop();
  }
}

// ───────────────────────── search ─────────────────────────
const SEARCH_QUERIES = [
  "flood",
  "strike",
  "tram",
  "breach",
  "hospital",
  "barrier",
  "inquiry",
  "volunteers",
  "insurers",
  "underinvestment",
  "Ardmoor",
  "Kestwick flood",
  "Mara Holt",
  "Oskar Brandt strike",
  "council funding",
  "customer database",
  '"independent inquiry"',
  '"flood barrier"',
  '"town hall"',
  '"full timeline"',
  '"serious but under control"',
  "strike -Ardmoor",
  "flood -volunteers",
  "tram -council",
  "breach -regulator",
  "hospital -Dunmere",
  "flood OR breach",
  "strike OR tram",
  "Calderwick OR Eskholt",
  "insurers OR volunteers",
  "surgical wing delay",
  "terminal closed hours",
  "residents demand answers",
  "nonexistentword",
  "Glenhallow tram budget approved",
];

async function benchSearch() {
  const TOTAL = 100_000;
  console.log(`\n## Search at ${TOTAL.toLocaleString("en")} stories (PostgreSQL, GIN on searchVector)`);
  const database = await createTestDatabase();
  if (database.embedded) console.log("(embedded PGlite: no PostgreSQL server reachable; expect ~2× slower)");
  try {
    const { db } = database;
    const started = performance.now();
    await db.$executeRaw`INSERT INTO "Source" (id, name) SELECT 'src' || i, s FROM unnest(${SOURCES}::text[]) WITH ORDINALITY AS t(s, i)`;
    await db.$executeRaw`INSERT INTO "Topic" (id, slug, name, "updatedAt") SELECT 'top' || i, lower(replace(p || '-' || s, ' ', '-')), p || ' ' || s, now()
      FROM unnest(${PLACES}::text[]) WITH ORDINALITY AS a(p, i0), unnest(${SUBJECTS.map((s) => s.name)}::text[]) WITH ORDINALITY AS b(s, j0),
      LATERAL (SELECT (i0 - 1) * 5 + j0 AS i) AS k`;
    // Sentences are templates; each story picks 12 of them by a hash of its number and fills
    // in a place, a person, a subject and a day.
    const templates = [
      "Officials in {p} said on {d} that the {s} would keep the terminal closed for hours.",
      "The council approved funding for the {s} response after talks with {n} ended.",
      "{n} told reporters the situation in {p} was serious but under control.",
      "Residents of {p} gathered outside the town hall to demand answers about the {s}.",
      "Figures released on {d} show hundreds of people affected by the {s}.",
      "{n} said the {s} had exposed years of underinvestment in {p}.",
      "Opposition councillors called for an independent inquiry into the {s}.",
      "The regulator said it would publish a full timeline of the {s} on {d}.",
      "Volunteers from {p} arrived on {d} to help with the clean-up.",
      "Insurers estimate the cost of the {s} in {p} at several million euros.",
      "The surgical wing in {p} reported a delay in planned operations.",
      "Engineers inspected the flood barrier near {p} overnight.",
      "{n} defended the decision to close the customer database on {d}.",
      "Tram drivers in {p} voted on a new offer from the operator.",
      "Dockworkers at the container terminal in {p} walked out on {d}.",
    ];
    await db.$executeRaw`
      WITH words AS (
        SELECT ${templates}::text[] AS t, ${PLACES}::text[] AS p, ${PEOPLE}::text[] AS n,
               ${SUBJECTS.map((s) => s.name)}::text[] AS s, ${DAYS}::text[] AS d
      )
      INSERT INTO "Story" (id, slug, title, dek, body, original, "originalFormat", byline, "sourceId", "publishedAt", "contentHash", minhash, status, "ingestedAt", "updatedAt", cleaning)
      SELECT 'bs' || g, 'bench-search-' || g,
        w.p[1 + g % 10] || ' ' || w.s[1 + (g / 10) % 5] || ': ' || w.n[1 + (g * 7) % 12] || ' ' || (ARRAY['speaks out','faces questions','sets deadline','meets officials'])[1 + g % 4],
        replace(replace(w.t[1 + (g * 3) % 15], '{p}', w.p[1 + g % 10]), '{s}', w.s[1 + (g / 10) % 5]),
        body.text, body.text, 'text', ARRAY[w.n[1 + (g * 5) % 12]], 'src' || (1 + g % 8),
        timestamp '2025-01-01' + (g % 600) * interval '1 day', 'bench-search-' || g, '{}'::int[], 'published'::"StoryStatus", now(), now(), '{}'::jsonb
      FROM generate_series(1, ${TOTAL}::int) AS g, words w,
      LATERAL (
        SELECT string_agg(
          replace(replace(replace(replace(w.t[1 + ((g * 31 + k * 17 + k * k) % 15)], '{p}', w.p[1 + (g + k) % 10]), '{n}', w.n[1 + (g * k) % 12]), '{s}', w.s[1 + (g / 10) % 5]), '{d}', w.d[1 + (g + k) % 7]),
          ' ') AS text
        FROM generate_series(1, 12) AS k
      ) AS body`;
    await db.$executeRaw`INSERT INTO "StoryTopic" ("storyId", "topicId", origin, status)
      SELECT 'bs' || g, 'top' || (1 + ((g % 10) * 5) + ((g / 10) % 5)), 'manual'::"TagOrigin", 'approved'::"TagStatus" FROM generate_series(1, ${TOTAL}::int) AS g`;
    await db.$executeRaw`ANALYZE "Story"`;
    await db.$executeRaw`ANALYZE "StoryTopic"`;
    console.log(
      `inserted ${TOTAL.toLocaleString("en")} stories (trigger-built search vectors) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );

    // ~200 varied queries: words, phrases, exclusions, OR; a third with a filter; some page 2.
    const inputs = Array.from({ length: 200 }, (_, index) => {
      const q = SEARCH_QUERIES[index % SEARCH_QUERIES.length] ?? "flood";
      const filter = index % 3;
      return {
        q,
        page: index % 7 === 0 ? 2 : 1,
        pageSize: 10,
        ...(filter === 1 && index % 2 === 0 ? { source: SOURCES[index % SOURCES.length] } : {}),
        ...(filter === 1 && index % 2 === 1 ? { topic: THEMES[index % THEMES.length]?.slug } : {}),
        ...(filter === 2 && index % 4 === 0
          ? { from: new Date(Date.UTC(2025, 3, 1)), to: new Date(Date.UTC(2025, 8, 30)) }
          : {}),
      };
    });
    // Through the public procedure, as the search page calls it (zod in and out included).
    const caller = createCaller(createInnerContext({ db }));
    const searchStories = (_db: unknown, input: (typeof inputs)[number]) => caller.search.stories(input);
    for (const input of inputs.slice(0, 20)) await searchStories(db, input); // warm caches
    const times: number[] = [];
    const byKind = new Map<string, number[]>();
    let hits = 0;
    for (const input of inputs) {
      const t0 = performance.now();
      const result = await searchStories(db, input);
      const ms = performance.now() - t0;
      times.push(ms);
      hits += result.total;
      const kind = input.q.includes('"')
        ? "phrase"
        : input.q.includes(" -")
          ? "exclude"
          : input.q.includes(" OR ")
            ? "or"
            : input.q.includes(" ")
              ? "words"
              : "word";
      byKind.set(kind, [...(byKind.get(kind) ?? []), ms]);
    }
    console.log(`${inputs.length} queries, ${(hits / inputs.length).toFixed(0)} matches on average`);
    console.log(
      `search latency: p50 ${percentile(times, 50).toFixed(1)} ms · p95 ${percentile(times, 95).toFixed(1)} ms · max ${Math.max(...times).toFixed(1)} ms`,
    );
    for (const [kind, list] of byKind)
      console.log(
        `  ${pad(kind, 8)} n=${pad(String(list.length), 4)} p50 ${percentile(list, 50).toFixed(1)} ms · p95 ${percentile(list, 95).toFixed(1)} ms`,
      );
    const p95 = percentile(times, 95);
    console.log(`goal: search p95 < 50 ms → ${p95.toFixed(1)} ms (${p95 < 50 ? "met" : "NOT met"})`);
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
if (only !== "http") await benchSearch();
process.exit(0);
