// Uploads: parse files into stories (preview), or parse and store them (commit) with one
// result per item. Each item is stored atomically; a broken one never stops the others.
import type { Db, Prisma } from "@dispatch/db";
import {
  computeContentHash,
  parseUpload,
  INGEST_LIMITS,
  type ItemResult,
  type ParsedStory,
  type UploadFile,
} from "@dispatch/ingest";
import { AppError } from "../errors";
import { noJobs, type JobQueue } from "../jobs/job-queue";
import type { Actor } from "./audit";
import { storeParsedStory } from "./store-parsed-story";
import { slugify } from "./slugs";
import { tagStory } from "./tags";
import { findTopicForHint, requestTopic, topicNameFromHint } from "./topic-requests";
import { createTopic } from "./topics";

/** Items stored at once; the same article twice in one upload still ends as one story (unique hash). */
const STORE_CONCURRENCY = 4;

/** Files in one upload at most. */
export const MAX_FILES_PER_UPLOAD = 200;

export type PreviewItem =
  { item: string; ok: true; story: ParsedStory } | { item: string; ok: false; code: string; message: string };

export type CommitItem = {
  item: string;
  title: string | null;
  status: "stored" | "duplicate" | "rejected";
  message: string;
  storyId: string | null;
  storySlug: string | null;
  duplicateOfId: string | null;
  nearDuplicateOfId: string | null;
  topicHint: string | null;
};

export type CommitResult = {
  batchId: string;
  items: CommitItem[];
  stored: number;
  duplicates: number;
  rejected: number;
};

function checkFileCount(files: readonly UploadFile[]): void {
  if (files.length === 0)
    throw new AppError("INVALID_INPUT", "No files in the upload: add at least one file or paste some text.");
  if (files.length > MAX_FILES_PER_UPLOAD)
    throw new AppError("TOO_LARGE", describeTooManyFiles(files.length));
}

/** "201 files; the limit is 200 per upload — split them into two uploads." */
export function describeTooManyFiles(count: number): string {
  const uploads = Math.ceil(count / MAX_FILES_PER_UPLOAD);
  const split = uploads === 2 ? "two uploads" : `${uploads} uploads`;
  return `${count} files; the limit is ${MAX_FILES_PER_UPLOAD} per upload — split them into ${split}.`;
}

/** Parses one file; what the parser throws rejects that file only (it should never throw). */
async function parseFileSafely(file: UploadFile, maxBytes: number): Promise<ItemResult[]> {
  const label = file.name?.trim() || "upload";
  try {
    return await parseUpload(file, { maxBytes });
  } catch (error) {
    console.error(`[upload] parsing ${label} failed:`, error);
    return [
      {
        ok: false,
        item: label,
        error: {
          code: "INVALID_INPUT",
          message: `${label}: could not be read because of a server error; the other files were still processed. Report it if it repeats.`,
        },
      },
    ];
  }
}

/** Parses without storing: what would be stored, with warnings and what cleaning dropped. */
export async function previewUpload(
  files: readonly UploadFile[],
  options: { maxBytes?: number } = {},
): Promise<PreviewItem[]> {
  checkFileCount(files);
  const results: PreviewItem[] = [];
  for (const file of files) {
    for (const result of await parseFileSafely(file, options.maxBytes ?? INGEST_LIMITS.maxBytes)) {
      results.push(
        result.ok
          ? result
          : { item: result.item, ok: false, code: result.error.code, message: result.error.message },
      );
    }
  }
  return results;
}

export type CommitOptions = {
  maxBytes?: number;
  /** Edits made in the preview, by item name, applied before storing. */
  overrides?: Record<string, Partial<Pick<ParsedStory, "title" | "source" | "publishedAt" | "topicHint">>>;
  /** Called after each item, for progress bars. */
  onItem?: (item: CommitItem, done: number) => void;
  /** The worker's queue: new stories get topic suggestions. */
  jobs?: JobQueue;
  /** Tag each story with the topic its bundle names. */
  topicFromHint?: boolean;
  /**
   * Whether a topic line naming no topic creates it (admins, the CLI); otherwise it becomes a
   * topic request for an admin and the item's message says so.
   */
  createTopics?: boolean;
  /** Add to an upload already started (a browser sends its files one by one, for progress). */
  batchId?: string;
};

/** Parses and stores every file; returns the batch id and one result per item. */
export async function commitUpload(
  db: Db,
  files: readonly UploadFile[] | AsyncIterable<UploadFile>,
  actor: Actor,
  options: CommitOptions = {},
): Promise<CommitResult> {
  // A stream of files (the CLI over a folder) is read one file at a time, so memory stays flat.
  if (Array.isArray(files)) checkFileCount(files);
  const batch = options.batchId
    ? await continueBatch(db, options.batchId, actor)
    : {
        ...(await db.uploadBatch.create({
          data: { uploaderId: actor.userId, via: actor.via },
          select: { id: true },
        })),
        itemCount: 0,
      };
  const firstPosition = batch.itemCount;
  const jobs = options.jobs ?? noJobs;
  const hints = options.topicFromHint
    ? createHintTagger(db, actor, jobs, options.createTopics ?? false)
    : null;
  const items: CommitItem[] = [];
  const rows: Prisma.UploadItemCreateManyInput[] = [];
  const flushRows = async () => {
    if (rows.length > 0) await db.uploadItem.createMany({ data: rows.splice(0) });
  };
  // Items are stored a few at a time (each atomically) and reported in upload order; a
  // bounded window keeps memory flat however long the stream of files is.
  const window: { pending: Promise<CommitItem> }[] = [];
  const settleOldest = async () => {
    const oldest = window.shift();
    if (!oldest) return;
    let item = await oldest.pending;
    if (hints) item = await hints.tag(item);
    items.push(item);
    rows.push({
      batchId: batch.id,
      position: firstPosition + items.length - 1,
      // The item's label ("bundle.txt#2") tells a bundle's articles apart in the history.
      filename: item.item,
      title: item.title,
      status: item.status,
      message: item.message,
      storyId: item.storyId,
      duplicateOfId: item.duplicateOfId,
    });
    if (rows.length >= 100) await flushRows();
    options.onItem?.(item, items.length);
  };
  // The same article twice in one upload: the later copy waits for the earlier one, so the
  // first in upload order is the one stored and the second is reported as its duplicate.
  const inFlight = new Map<string, Promise<unknown>>();
  try {
    for await (const file of files) {
      for (const result of await parseFileSafely(file, options.maxBytes ?? INGEST_LIMITS.maxBytes)) {
        window.push({
          pending: result.ok
            ? startStoring(result.item, result.story)
            : Promise.resolve(rejected(result.item, result.error.message)),
        });
        if (window.length >= STORE_CONCURRENCY) await settleOldest();
      }
    }
  } finally {
    // Whatever stops the upload (a file stream that fails midway), every item already under
    // way is reported and counted in the history. Settling never throws: each item's store
    // and tagging answer for their own errors.
    while (window.length > 0) await settleOldest();
    await flushRows();
    await recordCounts(db, batch.id, items);
  }

  function startStoring(item: string, parsed: ParsedStory): Promise<CommitItem> {
    try {
      const story = { ...parsed, ...options.overrides?.[item] };
      const hash = computeContentHash(story);
      const earlier = inFlight.get(hash) ?? Promise.resolve();
      const stored = earlier.then(() => storeItem(db, item, story, actor));
      inFlight.set(hash, stored);
      // Once settled the database answers for it; a long stream keeps no map of every hash.
      return stored.finally(() => {
        if (inFlight.get(hash) === stored) inFlight.delete(hash);
      });
    } catch (error) {
      console.error(`[upload] preparing ${item} failed:`, error);
      return Promise.resolve(
        rejected(
          item,
          `${item}: could not be stored because of a server error; the other items were still processed. Report it if it repeats.`,
          parsed.title,
        ),
      );
    }
  }

  const counts = countItems(items);
  const storedIds = items.flatMap((item) => (item.status === "stored" && item.storyId ? [item.storyId] : []));
  if (storedIds.length > 0) await jobs.storiesAdded(storedIds);
  return {
    batchId: batch.id,
    items,
    stored: counts.storedCount,
    duplicates: counts.duplicateCount,
    rejected: counts.rejectedCount,
  };
}

function countItems(items: readonly CommitItem[]) {
  return {
    storedCount: items.filter((item) => item.status === "stored").length,
    duplicateCount: items.filter((item) => item.status === "duplicate").length,
    rejectedCount: items.filter((item) => item.status === "rejected").length,
  };
}

async function recordCounts(db: Db, batchId: string, items: readonly CommitItem[]): Promise<void> {
  const counts = countItems(items);
  await db.uploadBatch.update({
    where: { id: batchId },
    data: {
      storedCount: { increment: counts.storedCount },
      duplicateCount: { increment: counts.duplicateCount },
      rejectedCount: { increment: counts.rejectedCount },
    },
  });
}

async function continueBatch(db: Db, batchId: string, actor: Actor) {
  const batch = await db.uploadBatch.findUnique({
    where: { id: batchId },
    select: { id: true, uploaderId: true, _count: { select: { items: true } } },
  });
  if (!batch || batch.uploaderId !== actor.userId)
    throw new AppError(
      "NOT_FOUND",
      `Upload ${batchId} was not found among your uploads; start a new upload.`,
    );
  return { id: batch.id, itemCount: batch._count.items };
}

/**
 * Tags each stored (or already-stored) story with the topic its topic line names. A missing
 * topic is created when the uploader may create topics, and otherwise requested from an
 * admin; either way the item's message says what happened to its topic line.
 */
function createHintTagger(db: Db, actor: Actor, jobs: JobQueue, createTopics: boolean) {
  const topicIds = new Map<string, string | null>();
  const resolve = async (hint: string): Promise<string | null> => {
    const key = slugify(hint, 60);
    if (topicIds.has(key)) return topicIds.get(key) ?? null;
    const existing = await findTopicForHint(db, hint);
    const id = existing?.id ?? (createTopics ? (await createHintTopic(db, hint, actor)).id : null);
    topicIds.set(key, id);
    return id;
  };
  return {
    async tag(item: CommitItem): Promise<CommitItem> {
      const storyId = item.storyId ?? item.duplicateOfId;
      if (!item.topicHint || !storyId) return item;
      const name = topicNameFromHint(item.topicHint);
      try {
        const topicId = await resolve(item.topicHint);
        if (topicId) {
          await tagStory(db, storyId, topicId, actor, jobs);
          return item;
        }
        await requestTopic(db, item.topicHint, storyId, actor);
        return {
          ...item,
          message: `${item.message} Topic ‘${name}’ does not exist; an admin has been asked to create it.`,
        };
      } catch (error) {
        console.error(`[upload] tagging ${item.item} with “${item.topicHint}” failed:`, error);
        return {
          ...item,
          message: `${item.message} It could not be tagged with the topic ‘${name}’ because of a server error; tag it from the story page.`,
        };
      }
    },
  };
}

async function createHintTopic(db: Db, hint: string, actor: Actor) {
  const name = topicNameFromHint(hint);
  return createTopic(
    db,
    { name, slug: slugify(name, 60), description: `Stories uploaded under the topic line “${hint.trim()}”.` },
    actor,
  );
}

async function storeItem(db: Db, item: string, story: ParsedStory, actor: Actor): Promise<CommitItem> {
  try {
    const result = await storeParsedStory(db, story, actor);
    if (result.status === "duplicate") {
      return {
        item,
        title: story.title,
        status: "duplicate",
        message: `Duplicate of “${result.duplicateOf.title}” (${result.duplicateOf.id}); nothing new stored.`,
        storyId: null,
        storySlug: null,
        duplicateOfId: result.duplicateOf.id,
        nearDuplicateOfId: null,
        topicHint: story.topicHint,
      };
    }
    return {
      item,
      title: story.title,
      status: "stored",
      message: result.nearDuplicateOf
        ? `Stored; ${Math.round(result.nearDuplicateOf.score * 100)}% similar to “${result.nearDuplicateOf.title}” (${result.nearDuplicateOf.id}).`
        : "Stored.",
      storyId: result.storyId,
      storySlug: result.slug,
      duplicateOfId: null,
      nearDuplicateOfId: result.nearDuplicateOf?.id ?? null,
      topicHint: story.topicHint,
    };
  } catch (error) {
    console.error(`[upload] storing ${item} failed:`, error);
    return rejected(
      item,
      `${item}: could not be stored because of a server error; the other items were still processed. Try this one again, and report it if it repeats.`,
      story.title,
    );
  }
}

function rejected(item: string, message: string, title: string | null = null): CommitItem {
  return {
    item,
    title,
    status: "rejected",
    message,
    storyId: null,
    storySlug: null,
    duplicateOfId: null,
    nearDuplicateOfId: null,
    topicHint: null,
  };
}
