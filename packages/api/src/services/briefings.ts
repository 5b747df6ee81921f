// Briefing versions: build one from a topic's approved stories and store it as the next
// version (one INSERT, so readers only ever see complete versions) — published at once, or a
// draft when the topic is reviewed before publishing; read the latest or any version; compare two.
import type { Db } from "@dispatch/db";
import { buildBriefing, type Briefing, type Point, type StoryInput } from "@dispatch/briefing";
import { AppError, notFound } from "../errors";
import type { CitedPassage } from "../schemas/briefing";
import { recordAudit, type Actor } from "./audit";
import { citationKey } from "./briefing-controls";
import { redactBriefing } from "./briefing-redaction";
import {
  extractCitedPassages,
  insertBriefingVersion,
  listBriefingVersionSummaries,
  readBriefingVersion,
  readLatestVersionNumber,
  type ReadOptions,
  type StoredBriefing,
} from "./briefing-store";

export type RebuildResult = {
  topicId: string;
  slug: string;
  version: number;
  storyCount: number;
  buildMs: number;
  /** false: stored as a draft waiting for an editor (the topic is reviewed before publishing). */
  published: boolean;
};

/** The stories a topic's briefing is built from: approved, published, not deleted. */
async function loadTopicStories(db: Db, topicId: string) {
  return db.story.findMany({
    where: { deletedAt: null, status: "published", topics: { some: { topicId, status: "approved" } } },
    orderBy: [{ publishedAt: { sort: "asc", nulls: "last" } }, { id: "asc" }],
    select: {
      id: true,
      slug: true,
      title: true,
      body: true,
      url: true,
      publishedAt: true,
      ingestedAt: true,
      source: { select: { name: true } },
    },
  });
}

/** A topic by slug or id, whatever its status; a clear error when there is none. */
export async function findTopic(db: Db, slugOrId: string) {
  const topic = await db.topic.findFirst({
    where: { OR: [{ slug: slugOrId }, { id: slugOrId }] },
    select: { id: true, slug: true, name: true, status: true, reviewBeforePublish: true },
  });
  if (!topic) throw notFound(`Topic “${slugOrId}”`);
  return topic;
}

/** Builds the topic's briefing now and stores it as a new version. */
export async function rebuildBriefing(db: Db, topicSlugOrId: string, actor?: Actor): Promise<RebuildResult> {
  const topic = await findTopic(db, topicSlugOrId);
  const started = performance.now();
  // "What changed" is told against what readers see now: the latest published version.
  const [stories, previous, latestNumber] = await Promise.all([
    loadTopicStories(db, topic.id),
    readBriefingVersion(db, topic.id),
    readLatestVersionNumber(db, topic.id),
  ]);
  const loadMs = performance.now() - started;
  const input: StoryInput[] = stories.map((story) => ({
    id: story.id,
    title: story.title,
    body: story.body,
    source: story.source?.name ?? null,
    publishedAt: story.publishedAt?.toISOString() ?? null,
    uploadedAt: story.ingestedAt.toISOString(),
  }));
  const briefing = buildBriefing(input, {
    previous: previous?.briefing ?? null,
    now: () => performance.now(),
  });
  const buildMs = performance.now() - started - loadMs;
  // The cited sentences as this build read them, so reading a version never splits a body.
  const passages = extractCitedPassages(briefing, new Map(stories.map((story) => [story.id, story.body])));

  // Two rebuilds racing for the same version: the unique (topic, version) lets one win;
  // the other takes the next number.
  let latestVersion = latestNumber;
  const published = !topic.reviewBeforePublish;
  for (let attempt = 0; ; attempt += 1) {
    const version = latestVersion + 1;
    try {
      await insertBriefingVersion(db, {
        topicId: topic.id,
        version,
        briefing,
        passages,
        storyIds: stories.map((story) => story.id),
        timings: { loadMs: round(loadMs), buildMs: round(buildMs), stages: briefing.checks.timings ?? {} },
        published,
      });
      if (actor) {
        await recordAudit(db, actor, {
          action: "briefing.rebuild",
          entityType: "topic",
          entityId: topic.id,
          details: { version, stories: stories.length, draft: !published },
        });
      }
      return {
        topicId: topic.id,
        slug: topic.slug,
        version,
        storyCount: stories.length,
        buildMs: round(buildMs),
        published,
      };
    } catch (error) {
      if (attempt >= 3 || (error as { code?: string }).code !== "P2002") throw error;
      latestVersion = Math.max(await readLatestVersionNumber(db, topic.id), latestVersion + 1);
    }
  }
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}

/** A story as a briefing page needs it to show and link its citations. */
export type BriefingStory = {
  id: string;
  slug: string;
  title: string;
  source: string | null;
  url: string | null;
  publishedAt: Date | null;
};

export type BriefingView = {
  topic: { id: string; slug: string; name: string; description: string };
  version: number;
  createdAt: Date;
  briefing: Briefing;
  stories: BriefingStory[];
  /** The cited sentences with their neighbours, stored with the version. */
  passages: CitedPassage[];
};

/** The stories among these ids that readers may see (published, not deleted), by id. */
export async function loadPublicStories(db: Db, storyIds: string[]): Promise<Map<string, BriefingStory>> {
  if (storyIds.length === 0) return new Map();
  const stories = await db.story.findMany({
    where: { id: { in: [...new Set(storyIds)] }, deletedAt: null, status: "published" },
    select: {
      id: true,
      slug: true,
      title: true,
      url: true,
      publishedAt: true,
      source: { select: { name: true } },
    },
  });
  return new Map(
    stories.map(({ source, ...story }) => [story.id, { ...story, source: source?.name ?? null }]),
  );
}

/**
 * A stored version as readers may see it: what rests on a story that is no longer public is
 * taken out (see redactBriefing), passages included, so a removed story leaves every version
 * at once, before the rebuild it queued has run.
 */
export function toPublicVersion(
  stored: StoredBriefing,
  visible: ReadonlyMap<string, BriefingStory>,
): Pick<BriefingView, "version" | "createdAt" | "briefing" | "stories" | "passages"> {
  return {
    version: stored.version,
    createdAt: stored.createdAt,
    briefing: redactBriefing(stored.briefing, visible),
    stories: stored.storyIds.flatMap((id) => {
      const story = visible.get(id);
      return story ? [story] : [];
    }),
    passages: stored.passages.filter((passage) => visible.has(passage.storyId)),
  };
}

/**
 * The latest published (or a given) version of a topic's briefing, with the stories and
 * passages it cites. A draft is not found unless `drafts` is asked (editors).
 */
export async function getBriefing(
  db: Db,
  topicSlug: string,
  version?: number,
  options?: ReadOptions,
): Promise<BriefingView | null> {
  const found = await getStoredBriefing(db, topicSlug, version, options);
  return found
    ? {
        topic: found.topic,
        ...toPublicVersion(found.stored, await loadPublicStories(db, found.stored.storyIds)),
      }
    : null;
}

/** The stored version itself (its editorial view included), for editors' pages. */
export async function getStoredBriefing(
  db: Db,
  topicSlug: string,
  version?: number,
  options?: ReadOptions,
): Promise<{ topic: BriefingView["topic"]; stored: StoredBriefing } | null> {
  const topic = await db.topic.findFirst({
    where: { slug: topicSlug, status: "active" },
    select: { id: true, slug: true, name: true, description: true },
  });
  if (!topic) throw notFound(`Topic “${topicSlug}”`);
  const stored = await readBriefingVersion(db, topic.id, version, options);
  if (!stored) {
    if (version) throw notFound(`Version ${version} of the “${topic.name}” briefing`);
    return null;
  }
  return { topic, stored };
}

/** A topic's published versions (drafts too when asked), newest first. */
export async function listBriefingVersions(db: Db, topicSlug: string, options?: ReadOptions) {
  const topic = await findTopic(db, topicSlug);
  return listBriefingVersionSummaries(db, topic.id, options);
}

export type BriefingDiff = {
  from: number;
  to: number;
  addedPoints: { text: string; sourceCount: number }[];
  removedPoints: { text: string }[];
  addedStorylines: string[];
  removedStorylines: string[];
  addedSources: string[];
  addedStoryIds: string[];
  removedStoryIds: string[];
};

/** What changed between two published versions (drafts too when asked): points, storylines, sources and stories. */
export async function diffBriefingVersions(
  db: Db,
  topicSlug: string,
  from: number,
  to: number,
  options?: ReadOptions,
): Promise<BriefingDiff> {
  if (from === to) throw new AppError("INVALID_INPUT", "Pick two different versions to compare.");
  const [older, newer] = await Promise.all([
    getBriefing(db, topicSlug, from, options),
    getBriefing(db, topicSlug, to, options),
  ]);
  if (!older || !newer) throw notFound(`Versions ${from} and ${to} of “${topicSlug}”`);
  return compareBriefingViews(older, newer);
}

/** What changed from one version, as read, to another. */
export function compareBriefingViews(
  older: Pick<BriefingView, "version" | "briefing" | "stories">,
  newer: Pick<BriefingView, "version" | "briefing" | "stories">,
): BriefingDiff {
  const from = older.version;
  const to = newer.version;
  const a = older.briefing;
  const b = newer.briefing;
  // A point is the same point in both when it says the same words or cites a sentence the
  // other cited: a rebuild may reword a point (a new story can lead it) without changing the fact.
  const sameIn = (points: readonly Point[]) => {
    const texts = new Set(points.map((point) => point.text));
    const cited = new Set(points.flatMap((point) => point.citations.map(citationKey)));
    return (point: Point) => texts.has(point.text) || point.citations.some((c) => cited.has(citationKey(c)));
  };
  const inOlder = sameIn(a.points);
  const inNewer = sameIn(b.points);
  const labels = new Set(a.storylines.map((storyline) => storyline.label));
  const newLabels = new Set(b.storylines.map((storyline) => storyline.label));
  const storyIds = new Set(older.stories.map((story) => story.id));
  const newStoryIds = new Set(newer.stories.map((story) => story.id));
  const sources = new Set(a.sources.map((source) => source.name));
  return {
    from,
    to,
    addedPoints: b.points
      .filter((point) => !inOlder(point))
      .map((point) => ({ text: point.text, sourceCount: point.sourceCount })),
    removedPoints: a.points.filter((point) => !inNewer(point)).map((point) => ({ text: point.text })),
    addedStorylines: [...newLabels].filter((label) => !labels.has(label)),
    removedStorylines: [...labels].filter((label) => !newLabels.has(label)),
    addedSources: b.sources.map((source) => source.name).filter((name) => !sources.has(name)),
    addedStoryIds: [...newStoryIds].filter((id) => !storyIds.has(id)),
    removedStoryIds: [...storyIds].filter((id) => !newStoryIds.has(id)),
  };
}
