// Full-text search over published stories: PostgreSQL's websearch syntax ("quoted phrase",
// -exclude, OR), ranked by ts_rank_cd on the trigger-maintained, GIN-indexed searchVector.
// Every input reaches SQL as a bound parameter; snippets come back as plain-text segments.
//
// Why it is shaped this way: what EXPLAIN (ANALYZE, BUFFERS) showed at 100,000 stories of
// realistic vocabulary (apps/reader/bench/search-corpus.ts; `pnpm bench:reader --only=search`).
// - The work must not grow with the number of matches. Heap rows are narrow (~13 a page; body,
//   original and searchVector live in TOAST), so visiting a match costs a few µs, but a word in
//   10% of stories is 10,000 visits: the old exact count and date sort over all matches cost
//   40–100 ms alone. So counting stops at `countCap` (1,000: "1,000+").
// - `LIMIT 1001` alone does not bound it: the planner then picks a sequential scan filtering
//   on `@@`, reading each row's searchVector from TOAST (300 ms for that word), since it does
//   not price de-TOASTing. Matches are instead read in three date windows (the newest 5,000
//   stories, the next 20,000, the rest), each a BitmapAnd of the GIN and publishedAt indexes;
//   an older window runs only while fewer than the cap are in hand (a one-time gate). Not the
//   Append's order: a parallel Append ran all three at once and read the oldest first. A
//   search so reads at most the newest window's matches (sorted, so the newest come first)
//   plus up to the cap from older ones. Window edges are cached per process for 10 minutes;
//   a stale edge makes a window a little wider, never a result wrong.
// - Ranking reads each candidate's searchVector from TOAST (~8 buffer hits each), so
//   ts_rank_cd sees a bounded set: the newest 150 matches plus the newest 50 matching on
//   headVector (title A + standfirst B, small enough to stay in the row). A title match scores
//   1.0 to a body mention's 0.2, so what ranks first is in that set even when years old.
//   Pages reach the ranked set (about 20 pages of 10).
// - ts_headline parses all the text it is given (1–3 ms for a 3,600-character body on this
//   busy machine: it was the largest cost left), so it runs on the page's rows only, over a
//   600-character excerpt from just before the first place a query word's stem starts a word.
// - Known costs left: a phrase makes GIN recheck positions, reading searchVector for every
//   story holding all its words (a name whose first and last names are common: ~6,000 pages);
//   a topic filter is tested per story read, so a common word in a small topic reads every
//   story with the word (~10,000 pages). Topic ids in the GIN index (btree_gin, kept by a
//   trigger on StoryTopic) would fix the second. Planning this statement takes 1–5 ms.
// Figures (240 queries, load average 12–15 on 2 cores): database time p50 38 → 26 ms, p95
// 159 → 72 ms; pages touched p95 11,473 → 6,322, max 57,844 → 15,262.
import { Prisma, type Db } from "@dispatch/db";
import { AppError } from "../errors";

export type SearchInput = {
  q: string;
  topic?: string;
  source?: string;
  from?: Date;
  to?: Date;
  page: number;
  pageSize: number;
};

/** A piece of a snippet: text, and whether it matched the query (shown in <mark>). */
export type HighlightSegment = { text: string; match: boolean };

export type SearchHit = {
  id: string;
  slug: string;
  title: HighlightSegment[];
  snippet: HighlightSegment[];
  dek: string | null;
  source: string | null;
  publishedAt: Date | null;
  rank: number;
};

export type SearchResult = {
  q: string;
  /** Matching stories, counted up to the cap; when `totalCapped`, at least this many match. */
  total: number;
  /** True when more stories match than `total` (counting stops at the cap). */
  totalCapped: boolean;
  page: number;
  pageSize: number;
  /** Pages of ranked results; broad searches rank a bounded set, so this can be below total. */
  pageCount: number;
  hits: SearchHit[];
  /** Set when the query had no searchable words (only stop words like "the", or punctuation). */
  notice: string | null;
};

/** How much one search may read; tests shrink these to exercise the bounds on a few stories. */
export type SearchLimits = {
  /** Count matches up to this many, then say "N+". */
  countCap: number;
  /** Rank the newest this-many matches… */
  newest: number;
  /** …and the newest this-many title/standfirst matches, from any date. */
  head: number;
  /** Date windows, as the number of newest stories each reaches: matches are read newest first. */
  windows: [number, number];
};

export const SEARCH_LIMITS: SearchLimits = {
  countCap: 1000,
  newest: 150,
  head: 50,
  windows: [5_000, 25_000],
};

// ts_headline wraps matches in these; they cannot come from a story (controls are stripped
// from bodies at ingest, and we remove any stray ones before splitting).
const START = "\u0002";
const STOP = "\u0003";
const MAX_QUERY_CHARS = 200;
const CUTOFF_TTL_MS = 10 * 60_000;
// ts_headline parses all the text it is given (~1–3 ms for a 3,600-character body), so it gets
// an excerpt around the first match instead of the whole body.
const EXCERPT_BEFORE = 200;
const EXCERPT_CHARS = 600;

type Row = {
  matched: bigint;
  ranked: bigint;
  nodes: number;
  rank: number | null;
  id: string | null;
  slug: string;
  title_hl: string;
  dek: string | null;
  source: string | null;
  publishedAt: Date | null;
  snippet: string;
};

/** Runs one search; an empty query returns no hits (the page shows how to search instead). */
export async function searchStories(
  db: Db,
  input: SearchInput,
  limits: SearchLimits = SEARCH_LIMITS,
): Promise<SearchResult> {
  const q = input.q.trim();
  if (q.length > MAX_QUERY_CHARS) {
    throw new AppError(
      "INVALID_INPUT",
      `The search is ${q.length} characters long; keep it under ${MAX_QUERY_CHARS}.`,
    );
  }
  if (input.from && input.to && input.from > input.to) {
    throw new AppError("INVALID_INPUT", "The “from” date is after the “to” date: swap them or clear one.");
  }
  const result: SearchResult = {
    q,
    total: 0,
    totalCapped: false,
    page: input.page,
    pageSize: input.pageSize,
    pageCount: 0,
    hits: [],
    notice: null,
  };
  if (q === "") return result;

  const rows = await db.$queryRaw<Row[]>(await buildSearchSql(db, { ...input, q }, limits));
  const meta = rows[0];
  const matched = Number(meta?.matched ?? 0);
  if (meta && meta.nodes === 0) {
    result.notice = `“${q}” has no searchable words — very common words like “the” or “and” are ignored. Try a name, place or subject.`;
  }
  result.total = Math.min(matched, limits.countCap);
  result.totalCapped = matched > limits.countCap;
  result.pageCount = Math.ceil(Number(meta?.ranked ?? 0) / input.pageSize);
  result.hits = rows.flatMap((row) =>
    row.id === null
      ? []
      : [
          {
            id: row.id,
            slug: row.slug,
            title: toSegments(row.title_hl),
            snippet: toSegments(row.snippet),
            dek: row.dek,
            source: row.source,
            publishedAt: row.publishedAt,
            rank: row.rank ?? 0,
          },
        ],
  );
  return result;
}

/** The database's own plan and time for one search (the benchmark reports it). */
export async function explainSearch(db: Db, input: SearchInput, limits: SearchLimits = SEARCH_LIMITS) {
  const sql = await buildSearchSql(db, { ...input, q: input.q.trim() }, limits);
  // TIMING OFF: per-node clocks would double the cost of the many-row nodes being measured.
  const rows = await db.$queryRaw<{ "QUERY PLAN": unknown }[]>(
    Prisma.sql`EXPLAIN (ANALYZE, BUFFERS, TIMING OFF, FORMAT JSON) ${sql}`,
  );
  const [plan] = (rows[0]?.["QUERY PLAN"] ?? []) as { "Execution Time": number }[];
  return { executionMs: plan?.["Execution Time"] ?? Number.NaN, plan };
}

async function buildSearchSql(db: Db, input: SearchInput, limits: SearchLimits): Promise<Prisma.Sql> {
  const [recent, older] = await getWindowCutoffs(db, limits.windows);
  const tsq = Prisma.sql`websearch_to_tsquery('english', ${input.q}::text)`;
  const source = input.source ?? null;
  const topic = input.topic ?? null;
  const from = input.from ?? null;
  const to = input.to ?? null;
  // The IS NULL arms fold away when PostgreSQL plans with the values, leaving only live filters.
  const filters = Prisma.sql`s."deletedAt" IS NULL AND s.status = 'published'
    AND (${source}::text IS NULL OR s."sourceId" = (SELECT id FROM "Source" WHERE name = ${source}::text))
    AND (${topic}::text IS NULL OR s.id IN (
      SELECT st."storyId" FROM "StoryTopic" st JOIN "Topic" t ON t.id = st."topicId"
      WHERE st.status = 'approved' AND t.slug = ${topic}::text))
    AND (${from}::timestamp IS NULL OR s."publishedAt" >= ${from}::timestamp)
    AND (${to}::timestamp IS NULL OR s."publishedAt" <= ${to}::timestamp)`;
  // Newest window first; an older window runs only while fewer than `cap` matches are in
  // hand (a gate PostgreSQL checks once, before reading anything). The gate, not the Append's
  // order, holds it: a parallel Append would start all windows at once. The newest window is
  // sorted, so a word in most recent stories (or a small newsroom, all in that window) still
  // yields the newest matches rather than the first ones on disk; it holds WINDOWS[0] stories
  // at most. An older window is read only when the newer ones held few matches, so it rarely
  // holds more than the cap.
  const windowed = (name: string, match: Prisma.Sql, cap: number) => {
    const [w1, w2, w3] = [1, 2, 3].map((n) => Prisma.raw(`${name}_${n}`)) as [
      Prisma.Sql,
      Prisma.Sql,
      Prisma.Sql,
    ];
    const select = Prisma.sql`SELECT s.id, s."publishedAt", s."searchVector" FROM "Story" s WHERE ${match} AND ${filters}`;
    return Prisma.sql`
    ${w1} AS (${select} AND s."publishedAt" >= ${recent}::timestamp ORDER BY s."publishedAt" DESC, s.id LIMIT ${cap}),
    ${w2} AS (${select} AND s."publishedAt" >= ${older}::timestamp AND s."publishedAt" < ${recent}::timestamp
      AND (SELECT count(*) FROM ${w1}) < ${cap} LIMIT ${cap}),
    ${w3} AS (${select} AND (s."publishedAt" < ${older}::timestamp OR s."publishedAt" IS NULL)
      AND (SELECT count(*) FROM ${w1}) + (SELECT count(*) FROM ${w2}) < ${cap} LIMIT ${cap}),
    ${Prisma.raw(name)} AS (SELECT * FROM ${w1} UNION ALL SELECT * FROM ${w2} UNION ALL SELECT * FROM ${w3} LIMIT ${cap})`;
  };

  return Prisma.sql`
    WITH ${windowed("matched", Prisma.sql`s."searchVector" @@ ${tsq}`, limits.countCap + 1)},
    head AS (
      -- headVector lives in the row, so testing it costs no TOAST read whichever plan runs.
      SELECT s.id, s."publishedAt", s."searchVector" FROM "Story" s
      WHERE s."headVector" @@ ${tsq} AND ${filters}
      ORDER BY s."publishedAt" DESC NULLS LAST, s.id LIMIT ${limits.head}
    ),
    pool AS (
      (SELECT id, "publishedAt", "searchVector" FROM matched ORDER BY "publishedAt" DESC NULLS LAST, id LIMIT ${limits.newest})
      UNION ALL
      (SELECT id, "publishedAt", "searchVector" FROM head)
    ),
    ranked AS (
      SELECT DISTINCT ON (id) id, "publishedAt", ts_rank_cd("searchVector", ${tsq}) AS rank FROM pool ORDER BY id
    ),
    page AS (
      SELECT id, "publishedAt", rank FROM ranked
      ORDER BY rank DESC, "publishedAt" DESC NULLS LAST, id
      LIMIT ${input.pageSize} OFFSET ${(input.page - 1) * input.pageSize}
    ),
    -- Where the snippet is cut from: the first place a query word's stem starts a word (a stem
    -- is a prefix of its words, but for a final y turned i: "citi" in "city").
    stems AS (
      SELECT coalesce('\\m(' || string_agg(regexp_replace(regexp_replace(lexeme, '([^[:alnum:]_])', '\\\\\\1', 'g'), 'i$', '[iy]'), '|') || ')', '$^') AS pattern
      FROM unnest(tsvector_to_array(to_tsvector('english', ${input.q}::text))) AS lexeme
    ),
    meta AS (
      SELECT (SELECT count(*) FROM matched) AS matched, (SELECT count(*) FROM ranked) AS ranked,
        numnode(${tsq})::int AS nodes
    )
    SELECT meta.matched, meta.ranked, meta.nodes, page.rank::float8 AS rank,
      s.id, s.slug, s.dek, s."publishedAt", src.name AS source,
      ts_headline('english', s.title, ${tsq}, ${`HighlightAll=true, StartSel=${START}, StopSel=${STOP}`}) AS title_hl,
      ts_headline('english', excerpt.text, ${tsq},
        ${`StartSel=${START}, StopSel=${STOP}, MaxWords=32, MinWords=14, ShortWord=3, MaxFragments=2, FragmentDelimiter=" … "`}) AS snippet
    FROM meta
    LEFT JOIN page ON true
    LEFT JOIN "Story" s ON s.id = page.id
    LEFT JOIN "Source" src ON src.id = s."sourceId"
    LEFT JOIN LATERAL (
      SELECT greatest(1, regexp_instr(s.body, stems.pattern, 1, 1, 0, 'i') - ${EXCERPT_BEFORE}) AS start FROM stems
    ) AS at ON true
    -- Whole words only: a cut word at either edge is dropped.
    LEFT JOIN LATERAL (
      SELECT regexp_replace(
        CASE WHEN at.start > 1 THEN regexp_replace(cut, '^\\S*\\s+', '') ELSE cut END,
        CASE WHEN at.start + ${EXCERPT_CHARS} <= length(s.body) THEN '\\s+\\S*$' ELSE '$^' END, '') AS text
      FROM substr(s.body, at.start, ${EXCERPT_CHARS}) AS cut
    ) AS excerpt ON true
    ORDER BY page.rank DESC, page."publishedAt" DESC NULLS LAST, s.id`;
}

const cutoffCache = new WeakMap<Db, Map<string, { at: number; edges: Promise<[string, string]> }>>();

/**
 * The publishedAt of the Nth newest story for each window size, as text (exact, no time-zone
 * round trip). Fewer stories than a window: '-infinity', so that window holds them all.
 */
function getWindowCutoffs(db: Db, windows: [number, number]): Promise<[string, string]> {
  const key = windows.join(",");
  const perDb = cutoffCache.get(db) ?? new Map<string, { at: number; edges: Promise<[string, string]> }>();
  cutoffCache.set(db, perDb);
  const cached = perDb.get(key);
  if (cached && Date.now() - cached.at < CUTOFF_TTL_MS) return cached.edges;
  const edges = Promise.all(
    windows.map(async (size) => {
      const [row] = await db.$queryRaw<{ edge: string }[]>`
        SELECT "publishedAt"::text AS edge FROM "Story" WHERE "publishedAt" IS NOT NULL
        ORDER BY "publishedAt" DESC OFFSET ${size - 1} LIMIT 1`;
      return row?.edge ?? "-infinity";
    }),
  ).then(([recent = "-infinity", older = "-infinity"]): [string, string] => [recent, older]);
  perDb.set(key, { at: Date.now(), edges });
  edges.catch(() => perDb.delete(key));
  return edges;
}

/**
 * Splits ts_headline output at its match markers into plain-text segments. Nothing from the
 * story is ever treated as markup: the page renders matches as <mark> and the rest as text.
 */
export function toSegments(headline: string): HighlightSegment[] {
  const segments: HighlightSegment[] = [];
  let match = false;
  let text = "";
  for (const char of headline) {
    if (char === START || char === STOP) {
      if (text) segments.push({ text, match });
      text = "";
      match = char === START;
    } else {
      text += char;
    }
  }
  if (text) segments.push({ text, match });
  return mergeAdjacent(segments);
}

// "port strike" as a phrase comes back as two marks with a space between; one reads better.
function mergeAdjacent(segments: HighlightSegment[]): HighlightSegment[] {
  const out: HighlightSegment[] = [];
  for (let index = 0; index < segments.length; index += 1) {
    const segment = segments[index];
    if (!segment) continue;
    const previous = out.at(-1);
    const next = segments[index + 1];
    if (previous?.match && !segment.match && next?.match && /^\s+$/.test(segment.text)) {
      previous.text += segment.text + next.text;
      index += 1;
      continue;
    }
    out.push({ ...segment });
  }
  return out;
}

/** The choices the search form offers: topics and sources that have published stories. */
export async function listSearchFilters(db: Db) {
  const [topics, sources] = await Promise.all([
    db.topic.findMany({
      where: { status: "active" },
      orderBy: { name: "asc" },
      select: { slug: true, name: true },
    }),
    db.source.findMany({
      where: { stories: { some: { deletedAt: null, status: "published" } } },
      orderBy: { name: "asc" },
      select: { name: true },
    }),
  ]);
  return { topics, sources: sources.map((source) => source.name) };
}
