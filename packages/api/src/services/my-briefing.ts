// "My briefing" (/me): for each topic a reader follows, what is new in its published briefing
// since the version the reader last saw — new points, new storylines, new disagreements and
// facts superseded since — each with its citations, newest first. "New" is the engine's own
// version comparison (compareBriefings) between the version seen and the current one, both as
// readers may see them (getBriefing: removed stories taken out). The digest (reader-digest.ts)
// uses the same comparison from the version its last mail covered.
import type { Db } from "@dispatch/db";
import { compareBriefings, type Briefing, type Citation } from "@dispatch/briefing";
import { AppError } from "../errors";
import { citationKey } from "./briefing-controls";
import { listBriefingVersionSummaries } from "./briefing-store";
import { getBriefing, listBriefingVersions, type BriefingView } from "./briefings";

/** Items shown per topic; the rest are counted ("and 12 more on the topic page"). */
export const MY_BRIEFING_ITEMS_PER_TOPIC = 20;

export type NewItemKind = "point" | "storyline" | "disagreement" | "superseded";

export type NewItemCitation = {
  /** The outlet, or "Unknown source". */
  source: string;
  storyTitle: string;
  /** The cited sentence on the story page: /stories/<slug>#s-<n> (or the story, for a storyline). */
  href: string;
};

export type NewItem = {
  kind: NewItemKind;
  /** Stable within the version: the point's, storyline's or disagreement's id. */
  id: string;
  text: string;
  /** When the newest story behind it was published (or uploaded); null when none is known. */
  asOf: Date | null;
  /** Where it is on the reader: the point's page with its sources, or the storyline on the topic page. */
  href: string;
  citations: NewItemCitation[];
};

export type TopicNews = {
  topic: { slug: string; name: string };
  /** The published version now; null before the topic's first briefing. */
  current: { version: number; createdAt: Date; headline: string } | null;
  /** What the items are new against: a version the reader saw (and when), or nothing yet (null version). */
  since: { version: number | null; at: Date };
  /** Newest first, at most MY_BRIEFING_ITEMS_PER_TOPIC. */
  items: NewItem[];
  /** Items left out past the limit. */
  moreCount: number;
  newStoryCount: number;
};

export type MyBriefing = {
  /** Topics with something new first (newest news first), then the rest by name. */
  topics: TopicNews[];
};

const byNewest = (a: { asOf: Date | null }, b: { asOf: Date | null }) =>
  (b.asOf?.getTime() ?? -Infinity) - (a.asOf?.getTime() ?? -Infinity);

/** Topics with the newest news first (its newest item, else when its version was built). */
export const byNewestNews = (a: TopicNews, b: TopicNews) => newsTime(b) - newsTime(a);
const newsTime = (news: TopicNews) =>
  news.items[0]?.asOf?.getTime() ?? news.current?.createdAt.getTime() ?? 0;

const latest = (dates: (string | Date | null | undefined)[]): Date | null => {
  const times = dates.flatMap((date) => (date ? [new Date(date).getTime()] : [])).filter(Number.isFinite);
  return times.length > 0 ? new Date(Math.max(...times)) : null;
};

/** A briefing with nothing in it: comparing with it makes everything in the current one new. */
function emptyLike(briefing: Briefing): Briefing {
  return { ...briefing, points: [], storylines: [], sources: [], disagreements: [] };
}

/** The side-citations of a disagreement as one key, to know it again in another version. */
const disagreementKey = (sides: { citation: Citation }[]) =>
  sides
    .map((side) => citationKey(side.citation))
    .sort()
    .join("|");

/**
 * What is new in `current` against `seen` (null: nothing seen yet, so everything is new), as
 * items with citations and links, newest first. Pure: the versions are read by the caller.
 */
export function describeNewSince(
  current: Pick<BriefingView, "briefing" | "stories">,
  seen: Briefing | null,
  topicSlug: string,
): { items: NewItem[]; newStoryCount: number } {
  const { briefing } = current;
  const previous = seen ?? emptyLike(briefing);
  const changes = compareBriefings(briefing, previous);
  const stories = new Map(current.stories.map((story) => [story.id, story]));
  const topicPath = `/topics/${encodeURIComponent(topicSlug)}`;
  const pointHref = (pointId: string) => `${topicPath}/points/${encodeURIComponent(pointId)}`;
  const cite = (citations: { storyId: string; sentenceIndex?: number }[]): NewItemCitation[] => {
    const out: NewItemCitation[] = [];
    const seenKeys = new Set<string>();
    for (const citation of citations) {
      const story = stories.get(citation.storyId);
      const key = `${citation.storyId}#${citation.sentenceIndex ?? ""}`;
      if (!story || seenKeys.has(key)) continue;
      seenKeys.add(key);
      const anchor = citation.sentenceIndex === undefined ? "" : `#s-${citation.sentenceIndex}`;
      out.push({
        source: story.source ?? "Unknown source",
        storyTitle: story.title,
        href: `/stories/${encodeURIComponent(story.slug)}${anchor}`,
      });
    }
    return out;
  };
  const pointsById = new Map(briefing.points.map((point) => [point.id, point]));
  const items: NewItem[] = [];

  for (const storylineId of changes.newStorylineIds) {
    const storyline = briefing.storylines.find((candidate) => candidate.id === storylineId);
    if (!storyline) continue;
    items.push({
      kind: "storyline",
      id: storyline.id,
      text: storyline.title,
      asOf: latest(storyline.storyIds.map((id) => stories.get(id)?.publishedAt)),
      href: `${topicPath}#${encodeURIComponent(storyline.id)}`,
      citations: cite(storyline.storyIds.map((storyId) => ({ storyId }))),
    });
  }
  const superseded = new Set(changes.supersededFacts.map((fact) => fact.pointId));
  for (const pointId of changes.newPointIds) {
    const point = pointsById.get(pointId);
    // A new point that is already superseded is told as the superseded fact below.
    if (!point || superseded.has(pointId)) continue;
    items.push({
      kind: "point",
      id: point.id,
      text: point.text,
      asOf: latest([point.asOf]),
      href: pointHref(point.id),
      citations: cite(point.citations),
    });
  }
  const oldDisagreements = new Set(previous.disagreements.map((d) => disagreementKey(d.sides)));
  for (const disagreement of briefing.disagreements) {
    if (oldDisagreements.has(disagreementKey(disagreement.sides))) continue;
    const pointId = disagreement.pointIds[0];
    items.push({
      kind: "disagreement",
      id: disagreement.id,
      text: disagreement.description,
      asOf: latest(disagreement.sides.map((side) => side.asOf)),
      href: pointId ? pointHref(pointId) : topicPath,
      citations: cite(disagreement.sides.map((side) => side.citation)),
    });
  }
  for (const fact of changes.supersededFacts) {
    const point = pointsById.get(fact.pointId);
    if (!point?.supersededBy) continue;
    items.push({
      kind: "superseded",
      id: point.id,
      text: fact.description || point.text,
      asOf: latest([point.supersededBy.asOf, point.asOf]),
      href: pointHref(point.supersededBy.pointId ?? point.id),
      citations: cite([...point.supersededBy.citations, ...point.citations]),
    });
  }
  items.sort(byNewest);
  return { items, newStoryCount: changes.newStoryIds.length };
}

/**
 * A topic's published version as readers see it (the current one, or `version`); null when
 * there is none to see: no briefing yet, an inactive topic, or a number that no longer reads.
 */
export async function readVisibleBriefing(
  db: Db,
  slug: string,
  version?: number,
): Promise<BriefingView | null> {
  try {
    return await getBriefing(db, slug, version);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") return null;
    throw error;
  }
}

/**
 * The version readers saw at a moment (the newest published by then), for a follow with no
 * mark yet (made before marks were kept): what is new is counted from when it was followed.
 * Null when the topic had no published version then: its whole first briefing is new.
 */
export async function readVersionAt(db: Db, slug: string, at: Date): Promise<number | null> {
  const versions = await listBriefingVersions(db, slug);
  const seen = versions.find((version) => (version.publishedAt ?? version.createdAt) <= at);
  return seen?.version ?? null;
}

/** The version number readers see now for a topic (null before its first briefing). */
export async function readCurrentVersionNumber(db: Db, slug: string): Promise<number | null> {
  return (await readVisibleBriefing(db, slug))?.version ?? null;
}

/**
 * What is new in a topic's current version against version `from` (null: everything, as for a
 * topic first briefed after it was followed), cut to the per-topic limit.
 */
export async function compareWithCurrent(
  db: Db,
  topic: { slug: string; name: string },
  current: BriefingView,
  from: number | null,
  since: Date,
): Promise<TopicNews> {
  const seen = from === null ? null : await readVisibleBriefing(db, topic.slug, from);
  const { items, newStoryCount } = describeNewSince(current, seen?.briefing ?? null, topic.slug);
  return {
    topic,
    current: { version: current.version, createdAt: current.createdAt, headline: current.briefing.headline },
    since: { version: from, at: since },
    items: items.slice(0, MY_BRIEFING_ITEMS_PER_TOPIC),
    moreCount: Math.max(0, items.length - MY_BRIEFING_ITEMS_PER_TOPIC),
    newStoryCount,
  };
}

/** What the reader's /me shows: each followed topic's news since the version they last saw. */
export async function getMyBriefing(db: Db, userId: string): Promise<MyBriefing> {
  const follows = await db.topicFollow.findMany({
    where: { userId, topic: { status: "active" } },
    select: {
      createdAt: true,
      seenVersion: true,
      seenAt: true,
      baseVersion: true,
      baseAt: true,
      topic: { select: { slug: true, name: true } },
    },
  });
  const topics = await Promise.all(
    follows.map(async (follow): Promise<TopicNews> => {
      const topic = follow.topic;
      const current = await readVisibleBriefing(db, topic.slug);
      if (!current) {
        return {
          topic,
          current: null,
          since: { version: null, at: follow.createdAt },
          items: [],
          moreCount: 0,
          newStoryCount: 0,
        };
      }
      // A newer version than the one seen: new against the one seen. The one seen again (a
      // reload): new against the visit before, so what was new stays until something newer is.
      const seenVersion = follow.seenVersion ?? (await readVersionAt(db, topic.slug, follow.createdAt));
      if (seenVersion !== current.version) {
        return compareWithCurrent(db, topic, current, seenVersion, follow.seenAt ?? follow.createdAt);
      }
      if (follow.baseVersion !== null && follow.baseVersion !== current.version) {
        return compareWithCurrent(db, topic, current, follow.baseVersion, follow.baseAt ?? follow.createdAt);
      }
      return {
        topic,
        current: {
          version: current.version,
          createdAt: current.createdAt,
          headline: current.briefing.headline,
        },
        since: { version: current.version, at: follow.seenAt ?? follow.createdAt },
        items: [],
        moreCount: 0,
        newStoryCount: 0,
      };
    }),
  );
  topics.sort((a, b) => {
    const aNew = a.items.length > 0 ? 1 : 0;
    const bNew = b.items.length > 0 ? 1 : 0;
    if (aNew !== bNew) return bNew - aNew;
    if (aNew) return byNewestNews(a, b);
    return a.topic.name.localeCompare(b.topic.name);
  });
  return { topics };
}

/**
 * Records that the reader saw these versions on /me. A newer version than the one recorded
 * moves the old one to `base` (what a reload compares with); the same or an older one (a stale
 * tab) changes nothing. A topic the reader does not follow, or a version readers cannot see
 * (none such, or a draft), is refused with what to do.
 */
export async function markMyBriefingSeen(
  db: Db,
  userId: string,
  seen: { topic: string; version: number }[],
  now: Date = new Date(),
): Promise<{ updated: number }> {
  let updated = 0;
  for (const entry of seen) {
    const follow = await db.topicFollow.findFirst({
      where: { userId, topic: { slug: entry.topic } },
      select: { topicId: true, seenVersion: true, seenAt: true },
    });
    if (!follow)
      throw new AppError(
        "NOT_FOUND",
        `You do not follow a topic at “${entry.topic}”, so there is nothing to mark as seen. Follow it from its page first.`,
      );
    // A version readers may see (published): a draft's number cannot be marked as seen.
    const published = await listBriefingVersionSummaries(db, follow.topicId);
    if (!published.some((summary) => summary.version === entry.version))
      throw new AppError(
        "NOT_FOUND",
        `“${entry.topic}” has no version ${entry.version}. Reload /me to see the current one.`,
      );
    if (follow.seenVersion !== null && entry.version <= follow.seenVersion) continue;
    await db.topicFollow.update({
      where: { userId_topicId: { userId, topicId: follow.topicId } },
      data: {
        baseVersion: follow.seenVersion,
        baseAt: follow.seenAt,
        seenVersion: entry.version,
        seenAt: now,
      },
    });
    updated += 1;
  }
  return { updated };
}
