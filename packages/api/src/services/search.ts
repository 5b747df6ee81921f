// Full-text search over published stories: PostgreSQL's websearch syntax ("quoted phrase",
// -exclude, OR), ranked by ts_rank_cd on the trigger-maintained, GIN-indexed searchVector.
// Every input reaches SQL as a bound parameter; snippets come back as plain-text segments.
import type { Db } from "@dispatch/db";
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
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
  hits: SearchHit[];
  /** Set when the query had no searchable words (only stop words like "the", or punctuation). */
  notice: string | null;
};

// ts_headline wraps matches in these; they cannot come from a story (controls are stripped
// from bodies at ingest, and we remove any stray ones before splitting).
const START = "\u0002";
const STOP = "\u0003";
const MAX_QUERY_CHARS = 200;
/** How many of the newest matches are ranked; pages reach this far. */
export const RANK_CANDIDATES = 1000;

type Row = {
  total: bigint;
  rank: number;
  id: string;
  slug: string;
  title_hl: string;
  dek: string | null;
  source: string | null;
  publishedAt: Date | null;
  snippet: string;
};

/** Runs one search; an empty query returns no hits (the page shows how to search instead). */
export async function searchStories(db: Db, input: SearchInput): Promise<SearchResult> {
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
  const empty = {
    q,
    total: 0,
    page: input.page,
    pageSize: input.pageSize,
    pageCount: 0,
    hits: [],
    notice: null,
  };
  if (q === "") return empty;

  const limit = input.pageSize;
  const offset = (input.page - 1) * input.pageSize;
  const topic = input.topic ?? null;
  const source = input.source ?? null;
  const from = input.from ?? null;
  const to = input.to ?? null;

  // Ranking reads every match's tsvector, which dominates the cost for broad queries; so
  // ts_rank_cd orders the newest RANK_CANDIDATES matches (all of them for most queries),
  // while the total counts every match.
  const rows = await db.$queryRaw<Row[]>`
    WITH query AS (SELECT websearch_to_tsquery('english', ${q}) AS tsq),
    matches AS (
      SELECT s.id, s."publishedAt"
      FROM "Story" s, query
      WHERE s."searchVector" @@ query.tsq
        AND s."deletedAt" IS NULL
        AND s.status = 'published'
        AND (${source}::text IS NULL OR s."sourceId" = (SELECT id FROM "Source" WHERE name = ${source}::text))
        AND (${topic}::text IS NULL OR EXISTS (
          SELECT 1 FROM "StoryTopic" st JOIN "Topic" t ON t.id = st."topicId"
          WHERE st."storyId" = s.id AND st.status = 'approved' AND t.slug = ${topic}::text))
        AND (${from}::timestamp IS NULL OR s."publishedAt" >= ${from}::timestamp)
        AND (${to}::timestamp IS NULL OR s."publishedAt" <= ${to}::timestamp)
    ),
    total AS (SELECT count(*) AS n FROM matches),
    candidates AS (
      SELECT id, "publishedAt" FROM matches ORDER BY "publishedAt" DESC NULLS LAST, id LIMIT ${RANK_CANDIDATES}
    ),
    page AS (
      SELECT c.id, c."publishedAt", ts_rank_cd(s."searchVector", query.tsq) AS rank
      FROM candidates c JOIN "Story" s ON s.id = c.id CROSS JOIN query
      ORDER BY rank DESC, c."publishedAt" DESC NULLS LAST, c.id
      LIMIT ${limit} OFFSET ${offset}
    )
    SELECT total.n AS total, page.rank::float8 AS rank, s.id, s.slug, s.dek, s."publishedAt", src.name AS source,
      ts_headline('english', s.title, query.tsq, ${`HighlightAll=true, StartSel=${START}, StopSel=${STOP}`}) AS title_hl,
      ts_headline('english', s.body, query.tsq,
        ${`StartSel=${START}, StopSel=${STOP}, MaxWords=32, MinWords=14, ShortWord=3, MaxFragments=2, FragmentDelimiter=" … "`}) AS snippet
    FROM page
    JOIN "Story" s ON s.id = page.id
    LEFT JOIN "Source" src ON src.id = s."sourceId"
    CROSS JOIN query CROSS JOIN total
    ORDER BY page.rank DESC, page."publishedAt" DESC NULLS LAST, s.id`;

  let total = Number(rows[0]?.total ?? 0);
  let notice: string | null = null;
  if (rows.length === 0) {
    const [probe] = await db.$queryRaw<
      { nodes: number }[]
    >`SELECT numnode(websearch_to_tsquery('english', ${q}))::int AS nodes`;
    if (!probe || probe.nodes === 0) {
      notice = `“${q}” has no searchable words — very common words like “the” or “and” are ignored. Try a name, place or subject.`;
    } else if (input.page > 1) {
      // Past the last page: say how many there are, so the page can link back.
      total = await countMatches(db, { ...input, q });
    }
  }
  return {
    q,
    total,
    page: input.page,
    pageSize: input.pageSize,
    pageCount: Math.ceil(Math.min(total, RANK_CANDIDATES) / input.pageSize),
    notice,
    hits: rows.map((row) => ({
      id: row.id,
      slug: row.slug,
      title: toSegments(row.title_hl),
      snippet: toSegments(row.snippet),
      dek: row.dek,
      source: row.source,
      publishedAt: row.publishedAt,
      rank: row.rank,
    })),
  };
}

async function countMatches(db: Db, input: SearchInput): Promise<number> {
  const rows = await db.$queryRaw<{ total: bigint }[]>`
    SELECT count(*) AS total FROM "Story" s
    WHERE s."searchVector" @@ websearch_to_tsquery('english', ${input.q})
      AND s."deletedAt" IS NULL AND s.status = 'published'
      AND (${input.source ?? null}::text IS NULL OR s."sourceId" = (SELECT id FROM "Source" WHERE name = ${input.source ?? null}::text))
      AND (${input.topic ?? null}::text IS NULL OR EXISTS (
        SELECT 1 FROM "StoryTopic" st JOIN "Topic" t ON t.id = st."topicId"
        WHERE st."storyId" = s.id AND st.status = 'approved' AND t.slug = ${input.topic ?? null}::text))
      AND (${input.from ?? null}::timestamp IS NULL OR s."publishedAt" >= ${input.from ?? null}::timestamp)
      AND (${input.to ?? null}::timestamp IS NULL OR s."publishedAt" <= ${input.to ?? null}::timestamp)`;
  return Number(rows[0]?.total ?? 0);
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
