// Stores parsed stories: exact duplicates are refused (content hash), near-duplicates are
// stored but flagged with the story they match (MinHash + LSH bands), each story atomically.
import { randomBytes, randomUUID } from "node:crypto";
import type { Db, Prisma } from "@dispatch/db";
import {
  computeContentHash,
  computeMinHash,
  estimateSimilarity,
  lshBands,
  type ParsedStory,
} from "@dispatch/ingest";
import type { Actor } from "./audit";
import { slugify } from "./slugs";

/** Stories at least this similar (estimated Jaccard over shingles) are flagged near-duplicates. */
export const NEAR_DUPLICATE_THRESHOLD = 0.9;

export type StoreResult =
  | {
      status: "stored";
      storyId: string;
      slug: string;
      nearDuplicateOf: { id: string; title: string; score: number } | null;
    }
  | { status: "duplicate"; duplicateOf: { id: string; title: string; slug: string } };

export async function storeParsedStory(db: Db, parsed: ParsedStory, actor: Actor): Promise<StoreResult> {
  const { contentHash, minhash, bands } = computeDuplicateKeys(parsed);
  const matches = await findMatches(db, contentHash, bands);
  if (matches.exact) return { status: "duplicate", duplicateOf: matches.exact };
  const nearDuplicateOf = pickNearDuplicate(minhash, matches.candidates);
  const slug = `${slugify(parsed.title, 70)}-${randomBytes(3).toString("hex")}`;

  try {
    // The source row is harmless on its own, so it is settled before the story's transaction.
    const sourceId = parsed.source ? await upsertSource(db, parsed.source, parsed.url) : null;
    const story = await insertStory(db, {
      id: createRowId(),
      slug,
      parsed,
      sourceId,
      contentHash,
      minhash,
      bands,
      nearDuplicateOf,
      actor,
    });
    return { status: "stored", storyId: story.id, slug: story.slug, nearDuplicateOf };
  } catch (error) {
    // Two uploads of the same article racing: the unique hash decides, the loser is a duplicate.
    if (isUniqueViolation(error)) {
      const winner = await findByHash(db, contentHash);
      if (winner) return { status: "duplicate", duplicateOf: winner };
    }
    throw error;
  }
}

/** Row ids for rows we insert with SQL (Prisma fills @default(cuid()) only for its own writes). */
function createRowId(): string {
  return `s${randomUUID().replace(/-/g, "")}`;
}

type NewStory = {
  id: string;
  slug: string;
  parsed: ParsedStory;
  sourceId: string | null;
  contentHash: string;
  minhash: number[];
  bands: string[];
  nearDuplicateOf: { id: string; score: number } | null;
  actor: Actor;
};

/**
 * The story, its LSH bands and its audit entry in one statement, so in one round trip and
 * atomically. Through Prisma's query builder every story body passed through its query
 * compiler: the upload path spent half its time there (bench:ingest profile).
 */
async function insertStory(db: Db, story: NewStory): Promise<{ id: string; slug: string }> {
  const { parsed, actor } = story;
  const cleaning = JSON.stringify({ dropped: parsed.dropped, warnings: parsed.warnings });
  const details = JSON.stringify({ title: parsed.title, nearDuplicateOf: story.nearDuplicateOf?.id ?? null });
  const publishedAt = parsed.publishedAt ? new Date(parsed.publishedAt) : null;
  const rows = await db.$queryRaw<{ id: string; slug: string }[]>`
    WITH created AS (
      INSERT INTO "Story" (id, slug, title, dek, body, original, "originalFormat", byline, "sourceId", url,
        "publishedAt", "uploaderId", "contentHash", minhash, "nearDuplicateOfId", "nearDuplicateScore",
        "topicHint", cleaning, "updatedAt")
      VALUES (${story.id}, ${story.slug}, ${parsed.title}, ${parsed.dek}, ${parsed.body}, ${parsed.original},
        ${parsed.format}, ${parsed.byline}::text[], ${story.sourceId}, ${parsed.url}, ${publishedAt}::timestamp(3),
        ${actor.userId}, ${story.contentHash}, ${story.minhash}::int[], ${story.nearDuplicateOf?.id ?? null},
        ${story.nearDuplicateOf?.score ?? null}::float8, ${parsed.topicHint}, ${cleaning}::jsonb, now())
      RETURNING id, slug
    ), bands AS (
      INSERT INTO "StoryBand" (band, "storyId") SELECT unnest(${story.bands}::text[]), id FROM created
    ), audit AS (
      INSERT INTO "AuditLog" (id, "actorId", action, "entityType", "entityId", via, details)
      SELECT ${createRowId()}, ${actor.userId}, 'story.create', 'story', id, ${actor.via}::"Channel", ${details}::jsonb FROM created
    )
    SELECT id, slug FROM created`;
  const created = rows[0];
  if (!created) throw new Error(`Inserting story ${story.id} returned no row`);
  return created;
}

/** The keys duplicate detection stores for a story's text. */
export function computeDuplicateKeys(story: { title: string; body: string }) {
  const minhash = computeMinHash(`${story.title}\n${story.body}`);
  return { contentHash: computeContentHash(story), minhash, bands: [...new Set(lshBands(minhash))] };
}

async function findByHash(db: Db, contentHash: string) {
  return db.story.findUnique({ where: { contentHash }, select: { id: true, title: true, slug: true } });
}

type Match = { id: string; title: string; slug: string; exact: boolean; minhash: number[] };

/**
 * The exact duplicate (same hash) and the near-duplicate candidates (sharing LSH bands) in
 * one round trip: the upload path is bound by per-query overhead, not by PostgreSQL.
 */
async function findMatches(db: Db, contentHash: string, bands: string[]) {
  const rows = await db.$queryRaw<Match[]>`
    SELECT s.id, s.title, s.slug, true AS exact, s.minhash
    FROM "Story" s WHERE s."contentHash" = ${contentHash}
    UNION ALL
    SELECT s.id, s.title, s.slug, false AS exact, s.minhash
    FROM (
      SELECT b."storyId", count(*) AS shared FROM "StoryBand" b
      WHERE b.band = ANY(${bands}::text[])
      GROUP BY b."storyId" ORDER BY shared DESC, b."storyId" LIMIT 5
    ) top
    JOIN "Story" s ON s.id = top."storyId"`;
  const exact = rows.find((row) => row.exact);
  return { exact: exact ? { id: exact.id, title: exact.title, slug: exact.slug } : null, candidates: rows };
}

function pickNearDuplicate(minhash: number[], candidates: readonly Match[]) {
  let best: { id: string; title: string; score: number } | null = null;
  for (const story of candidates) {
    const score = estimateSimilarity(minhash, story.minhash);
    if (
      score >= NEAR_DUPLICATE_THRESHOLD &&
      (!best || score > best.score || (score === best.score && story.id < best.id))
    ) {
      best = { id: story.id, title: story.title, score };
    }
  }
  return best;
}

// Sources are never deleted, so a process may remember the ids it has seen.
const sourceIds = new Map<string, string>();

export async function upsertSource(
  tx: Prisma.TransactionClient,
  name: string,
  url: string | null,
): Promise<string> {
  const cached = sourceIds.get(name);
  if (cached) return cached;
  const id = await findOrCreateSource(tx, name, url);
  if (sourceIds.size > 10_000) sourceIds.clear();
  sourceIds.set(name, id);
  return id;
}

async function findOrCreateSource(
  tx: Prisma.TransactionClient,
  name: string,
  url: string | null,
): Promise<string> {
  const known = await tx.source.findUnique({ where: { name }, select: { id: true } });
  if (known) return known.id;
  try {
    const source = await tx.source.upsert({
      where: { name },
      create: { name, domain: await freeDomain(tx, url) },
      update: {},
      select: { id: true },
    });
    return source.id;
  } catch (error) {
    // Items of one upload are stored concurrently: another may have created this source
    // between our read and insert (a bundle of articles from a new outlet).
    if (!isUniqueViolation(error)) throw error;
    const winner = await tx.source.findUnique({ where: { name }, select: { id: true } });
    if (!winner) throw error;
    return winner.id;
  }
}

/** The URL's host, unless another source already claims it. */
async function freeDomain(tx: Prisma.TransactionClient, url: string | null): Promise<string | null> {
  if (!url) return null;
  let host: string;
  try {
    host = new URL(url).hostname.replace(/^www\./, "");
  } catch {
    return null;
  }
  const taken = await tx.source.findUnique({ where: { domain: host }, select: { id: true } });
  return taken ? null : host;
}

/** P2002 from Prisma's own writes; SQLSTATE 23505 inside a raw query's error. */
function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, meta, message } = error as { code?: string; meta?: { code?: string }; message?: string };
  return (
    code === "P2002" ||
    meta?.code === "23505" ||
    (code === "P2010" && /23505|unique constraint/i.test(message ?? ""))
  );
}
