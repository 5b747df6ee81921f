// The stored briefing's one owner: the only code that reads or writes the Briefing table's
// JSON (content, passages, timings). Rows are parsed against the engine's shape
// (schemas/briefing.ts) on the way in, never cast; rows of an older format are upgraded once,
// on first read, and written back.
//
// Upgrades go by the row's `format`, not its engine version: the engine added fields (asOf,
// disagreements, …) without changing "dispatch-briefing/1.0.0", so rows of one engine version
// hold two shapes. Format 1 is every row stored before passages were; format 2 is now.
//
// Every read here is what readers may see unless asked otherwise: published versions only
// (a topic reviewed before publishing keeps its drafts from readers; `{ drafts: true }` is for
// editors), with editors' controls applied (services/briefing-controls.ts) — the one place
// they are, so pages, feeds, the public API and the admin agree.
import type { Db, Prisma } from "@dispatch/db";
import { splitSentences, type Briefing, type Citation } from "@dispatch/briefing";
import { z } from "zod";
import { briefingSchema, citedPassageSchema, type CitedPassage } from "../schemas/briefing";
import {
  applyBriefingControls,
  citationKey,
  readBriefingControls,
  type BriefingControlRecord,
  type EditorialView,
} from "./briefing-controls";

/** The stored shape written now. */
export const BRIEFING_FORMAT = 2;

/** One stored version, parsed. `passages` hold every cited sentence as the build read it. */
export type StoredBriefing = {
  id: string;
  topicId: string;
  version: number;
  createdAt: Date;
  storyIds: string[];
  engineVersion: string;
  /** null while a draft. */
  publishedAt: Date | null;
  /** As readers see it: editors' controls applied. */
  briefing: Briefing;
  passages: CitedPassage[];
  /** What the controls changed (struck points, what each control found), for editors. */
  editorial: EditorialView;
};

/** Drafts are read only when asked for (editors' views). */
export type ReadOptions = { drafts?: boolean };

const publishedOnly = (options?: ReadOptions) => (options?.drafts ? {} : { publishedAt: { not: null } });

export type BriefingVersionSummary = {
  version: number;
  createdAt: Date;
  publishedAt: Date | null;
  publishedBy: string | null;
  storyCount: number;
  engineVersion: string;
  timings: Record<string, number>;
};

const passagesSchema = z.array(citedPassageSchema);

const ROW_SELECT = {
  id: true,
  topicId: true,
  version: true,
  createdAt: true,
  content: true,
  passages: true,
  format: true,
  storyIds: true,
  engineVersion: true,
  publishedAt: true,
} satisfies Prisma.BriefingSelect;

type Row = Prisma.BriefingGetPayload<{ select: typeof ROW_SELECT }>;

/** Stores a new version (one INSERT: readers only ever see complete versions). */
export async function insertBriefingVersion(
  db: Db,
  input: {
    topicId: string;
    version: number;
    briefing: Briefing;
    storyIds: string[];
    passages: CitedPassage[];
    timings: Record<string, unknown>;
    /** false: stored as a draft, unseen by readers until published. */
    published: boolean;
  },
): Promise<void> {
  await db.briefing.create({
    data: {
      topicId: input.topicId,
      version: input.version,
      content: toJson(input.briefing),
      passages: toJson(input.passages),
      format: BRIEFING_FORMAT,
      storyIds: input.storyIds,
      engineVersion: input.briefing.engineVersion,
      timings: toJson(input.timings),
      publishedAt: input.published ? new Date() : null,
    },
  });
}

/** The newest version number of a topic, drafts included (0 before the first build). */
export async function readLatestVersionNumber(db: Db, topicId: string): Promise<number> {
  const latest = await db.briefing.findFirst({
    where: { topicId },
    orderBy: { version: "desc" },
    select: { version: true },
  });
  return latest?.version ?? 0;
}

/** Publishes a draft; false when it was published (or removed) meanwhile. */
export async function markBriefingPublished(
  db: Pick<Db, "briefing">,
  topicId: string,
  version: number,
  publishedById: string | null,
): Promise<boolean> {
  const { count } = await db.briefing.updateMany({
    where: { topicId, version, publishedAt: null },
    data: { publishedAt: new Date(), publishedById },
  });
  return count === 1;
}

/** The latest published version of a topic's briefing, or the given one; null when there is none. */
export async function readBriefingVersion(
  db: Db,
  topicId: string,
  version?: number,
  options?: ReadOptions,
): Promise<StoredBriefing | null> {
  const [row, controls] = await Promise.all([
    db.briefing.findFirst({
      where: { topicId, ...(version ? { version } : {}), ...publishedOnly(options) },
      orderBy: { version: "desc" },
      select: ROW_SELECT,
    }),
    readBriefingControls(db, [topicId]),
  ]);
  return row ? toStored(db, row, controls) : null;
}

/** A topic's newest published versions, newest first. */
export async function readBriefingVersions(
  db: Db,
  topicId: string,
  limit: number,
): Promise<StoredBriefing[]> {
  const [rows, controls] = await Promise.all([
    db.briefing.findMany({
      where: { topicId, ...publishedOnly() },
      orderBy: { version: "desc" },
      take: limit,
      select: ROW_SELECT,
    }),
    readBriefingControls(db, [topicId]),
  ]);
  return Promise.all(rows.map((row) => toStored(db, row, controls)));
}

/** The latest published version of each of these topics' briefings (topics without one are absent). */
export async function readLatestBriefings(db: Db, topicIds: string[]): Promise<Map<string, StoredBriefing>> {
  if (topicIds.length === 0) return new Map();
  const [latest, controls] = await Promise.all([
    db.$queryRaw<{ id: string }[]>`
      SELECT DISTINCT ON ("topicId") id FROM "Briefing"
      WHERE "topicId" = ANY(${topicIds}::text[]) AND "publishedAt" IS NOT NULL
      ORDER BY "topicId", version DESC`,
    readBriefingControls(db, topicIds),
  ]);
  const rows = await db.briefing.findMany({
    where: { id: { in: latest.map((row) => row.id) } },
    select: ROW_SELECT,
  });
  const stored = await Promise.all(rows.map((row) => toStored(db, row, controls)));
  return new Map(stored.map((entry) => [entry.topicId, entry]));
}

/** The latest published version of every topic whose latest published version was built with this story. */
export async function readLatestBriefingsWithStory(db: Db, storyId: string): Promise<StoredBriefing[]> {
  const latest = await db.$queryRaw<{ id: string }[]>`
    SELECT b.id FROM "Topic" t
    JOIN LATERAL (
      SELECT id, "storyIds" FROM "Briefing"
      WHERE "topicId" = t.id AND "publishedAt" IS NOT NULL ORDER BY version DESC LIMIT 1
    ) b ON true
    WHERE ${storyId}::text = ANY(b."storyIds")`;
  if (latest.length === 0) return [];
  const rows = await db.briefing.findMany({
    where: { id: { in: latest.map((row) => row.id) } },
    select: ROW_SELECT,
  });
  const controls = await readBriefingControls(
    db,
    rows.map((row) => row.topicId),
  );
  return Promise.all(rows.map((row) => toStored(db, row, controls)));
}

/**
 * The stored passages of every topic's latest version built with any of these stories (the
 * briefings a reader can be looking at), without parsing their content.
 */
export async function readLatestPassagesOfStories(db: Db, storyIds: string[]): Promise<CitedPassage[]> {
  if (storyIds.length === 0) return [];
  const latest = await db.$queryRaw<{ id: string }[]>`
    SELECT b.id FROM "Topic" t
    JOIN LATERAL (
      SELECT id, "storyIds" FROM "Briefing"
      WHERE "topicId" = t.id AND "publishedAt" IS NOT NULL ORDER BY version DESC LIMIT 1
    ) b ON true
    WHERE b."storyIds" && ${storyIds}::text[]`;
  if (latest.length === 0) return [];
  const rows = await db.briefing.findMany({
    where: { id: { in: latest.map((row) => row.id) } },
    select: { ...ROW_SELECT, content: false },
  });
  const lists = await Promise.all(
    rows.map(async (row) =>
      row.format === BRIEFING_FORMAT
        ? parseOrExplain(
            passagesSchema,
            row.passages,
            `version ${row.version} of topic ${row.topicId}'s passages`,
          )
        : ((await readBriefingVersion(db, row.topicId, row.version, { drafts: true }))?.passages ?? []),
    ),
  );
  return lists.flat();
}

/** Every published version of a topic's briefing (drafts too when asked), newest first, without their content. */
export async function listBriefingVersionSummaries(
  db: Db,
  topicId: string,
  options?: ReadOptions,
): Promise<BriefingVersionSummary[]> {
  const rows = await db.briefing.findMany({
    where: { topicId, ...publishedOnly(options) },
    orderBy: { version: "desc" },
    select: {
      version: true,
      createdAt: true,
      publishedAt: true,
      publishedBy: { select: { name: true } },
      storyIds: true,
      engineVersion: true,
      timings: true,
    },
  });
  return rows.map((row) => ({
    version: row.version,
    createdAt: row.createdAt,
    publishedAt: row.publishedAt,
    publishedBy: row.publishedBy?.name ?? null,
    storyCount: row.storyIds.length,
    engineVersion: row.engineVersion,
    timings: flattenTimings(row.timings),
  }));
}

/**
 * The sentences a briefing cites, each once (in order of first citation), with the sentence
 * either side. `bodies` are the texts the briefing was built from, by story id; a citation of
 * a story not among them, or past its last sentence, has no passage.
 */
export function extractCitedPassages(
  briefing: Briefing,
  bodies: ReadonlyMap<string, string>,
): CitedPassage[] {
  const spans = new Map<string, ReturnType<typeof splitSentences>>();
  const seen = new Set<string>();
  const passages: CitedPassage[] = [];
  for (const citation of citationsOf(briefing)) {
    const key = citationKey(citation);
    if (seen.has(key)) continue;
    seen.add(key);
    const body = bodies.get(citation.storyId);
    if (body === undefined) continue;
    let sentences = spans.get(citation.storyId);
    if (!sentences) {
      sentences = splitSentences(body);
      spans.set(citation.storyId, sentences);
    }
    const sentence = sentences[citation.sentenceIndex];
    if (!sentence) continue;
    passages.push({
      storyId: citation.storyId,
      sentenceIndex: citation.sentenceIndex,
      start: sentence.start,
      end: sentence.end,
      before: sentences[citation.sentenceIndex - 1]?.text ?? "",
      sentence: sentence.text,
      after: sentences[citation.sentenceIndex + 1]?.text ?? "",
    });
  }
  return passages;
}

/** Every citation in a briefing: overview, points (and what superseded them), timeline, quotes, disagreements. */
export function citationsOf(briefing: Briefing): Citation[] {
  return [
    ...briefing.overview.flatMap((sentence) => sentence.citations),
    ...briefing.points.flatMap((point) => [...point.citations, ...(point.supersededBy?.citations ?? [])]),
    ...briefing.disagreements.flatMap((disagreement) => disagreement.sides.map((side) => side.citation)),
    ...briefing.timeline.flatMap((event) => event.citations),
    ...briefing.quotes.map((quote) => quote.citation),
  ];
}

/**
 * Format 1 → 2, the content: fields the engine added while format 1 was written get the
 * value that means "none" (an undated point, nothing superseded or disagreeing).
 */
export function upgradeContentFromFormat1(content: unknown): unknown {
  if (!isObject(content)) return content;
  const upgraded: Record<string, unknown> = { ...content };
  if (Array.isArray(content.points)) {
    upgraded.points = content.points.map((point: unknown) =>
      isObject(point) ? { asOf: null, supersededBy: null, ...point } : point,
    );
  }
  if (Array.isArray(content.timeline)) {
    upgraded.timeline = content.timeline.map((event: unknown) =>
      isObject(event) ? { basis: null, ...event } : event,
    );
  }
  upgraded.disagreements ??= [];
  if (isObject(content.changes)) upgraded.changes = { supersededFacts: [], ...content.changes };
  return upgraded;
}

/** Parses a row (upgrading an older format) and applies the topic's controls. */
async function toStored(
  db: Db,
  row: Row,
  controls: ReadonlyMap<string, BriefingControlRecord[]>,
): Promise<StoredBriefing> {
  const parsed = await parseRow(db, row);
  const applied = applyBriefingControls(parsed.briefing, row.version, controls.get(row.topicId) ?? []);
  if (applied.editorial.struck.length === 0)
    return { ...parsed, briefing: applied.briefing, editorial: applied.editorial };
  // A struck point's own sentences are no longer cited passages of this version.
  const cited = new Set(citationsOf(applied.briefing).map(citationKey));
  return {
    ...parsed,
    briefing: applied.briefing,
    passages: parsed.passages.filter((passage) => cited.has(citationKey(passage))),
    editorial: applied.editorial,
  };
}

/** Parses a row, upgrading (and writing back, once) a row stored in an older format. */
async function parseRow(db: Db, row: Row): Promise<Omit<StoredBriefing, "editorial">> {
  const where = `version ${row.version} of topic ${row.topicId}'s briefing`;
  if (row.format > BRIEFING_FORMAT) {
    throw new Error(
      `Stored ${where} is in format ${row.format}, newer than this server's ${BRIEFING_FORMAT}; deploy the newer server.`,
    );
  }
  if (row.format === BRIEFING_FORMAT) {
    return {
      ...pick(row),
      briefing: parseOrExplain(briefingSchema, row.content, where),
      passages: parseOrExplain(passagesSchema, row.passages, `${where} (passages)`),
    };
  }
  const briefing = parseOrExplain(briefingSchema, upgradeContentFromFormat1(row.content), where);
  // The build's texts are gone; the stories' bodies now are the nearest (a body edited since
  // queued a rebuild, which stores its own passages). Removed stories are split too: what
  // readers may see is decided on the way out, per request.
  const cited = [...new Set(citationsOf(briefing).map((citation) => citation.storyId))];
  const stories = await db.story.findMany({ where: { id: { in: cited } }, select: { id: true, body: true } });
  const passages = extractCitedPassages(briefing, new Map(stories.map((story) => [story.id, story.body])));
  await db.briefing.updateMany({
    where: { id: row.id, format: row.format },
    data: { content: toJson(briefing), passages: toJson(passages), format: BRIEFING_FORMAT },
  });
  return { ...pick(row), briefing, passages };
}

function pick(row: Row) {
  return {
    id: row.id,
    topicId: row.topicId,
    version: row.version,
    createdAt: row.createdAt,
    storyIds: row.storyIds,
    engineVersion: row.engineVersion,
    publishedAt: row.publishedAt,
  };
}

function parseOrExplain<T>(schema: z.ZodType<T>, value: unknown, where: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new Error(
    `Stored ${where} does not match the engine's shape (${issue?.path.join(".") || "top level"}: ${issue?.message}); rebuild the topic's briefing to replace it.`,
  );
}

function flattenTimings(value: unknown): Record<string, number> {
  const result: Record<string, number> = {};
  if (isObject(value)) {
    for (const [key, entry] of Object.entries(value)) if (typeof entry === "number") result[key] = entry;
  }
  return result;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Plain JSON (the engine's output survives JSON.stringify unchanged) as Prisma's JSON input. */
function toJson(value: Briefing | CitedPassage[] | Record<string, unknown>): Prisma.InputJsonValue {
  return value as Prisma.InputJsonValue;
}
