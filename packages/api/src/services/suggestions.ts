// Topic suggestions: each new story is scored against every active topic, and the topics
// above the threshold are stored as pending tags with a confidence and a readable reason
// (or approved at once when a topic's keyword rule says so). Admins review the rest.
import type { Db } from "@dispatch/db";
import { profileStory, type StoryProfile } from "@dispatch/briefing";
import { cursorArgs, toPage, type PageInput } from "../pagination";
import { prepareTopics, scoreStory, SUGGESTION_THRESHOLD, type TopicModel } from "./topic-scoring";

/** Stories per topic that describe it: the most recent approved ones. */
const STORIES_PER_TOPIC = 60;
/** Suggestions stored per story at most. */
const MAX_SUGGESTIONS = 3;

// Profiles are pure functions of a story's text, so the worker keeps them between jobs.
const profileCache = new Map<string, StoryProfile>();
function getProfile(story: { id: string; updatedAt: Date; title: string; body: string }): StoryProfile {
  const key = `${story.id}@${story.updatedAt.getTime()}`;
  let profile = profileCache.get(key);
  if (!profile) {
    profile = profileStory(story);
    if (profileCache.size > 5_000) profileCache.clear();
    profileCache.set(key, profile);
  }
  return profile;
}

async function loadTopicModels(db: Db): Promise<TopicModel[]> {
  const topics = await db.topic.findMany({
    where: { status: "active" },
    orderBy: { slug: "asc" },
    select: {
      id: true,
      slug: true,
      name: true,
      aliases: true,
      includeTerms: true,
      excludeTerms: true,
      ruleSources: true,
      autoApprove: true,
    },
  });
  return Promise.all(
    topics.map(async (topic) => {
      const stories = await db.story.findMany({
        where: { deletedAt: null, topics: { some: { topicId: topic.id, status: "approved" } } },
        orderBy: [{ ingestedAt: "desc" }, { id: "desc" }],
        take: STORIES_PER_TOPIC,
        select: { id: true, updatedAt: true, title: true, body: true },
      });
      return { ...topic, stories: stories.map(getProfile) };
    }),
  );
}

export type StorySuggestions = { storyId: string; suggestions: number; autoApproved: string[] };

/** Scores the stories against every topic and stores the suggestions worth a look. */
export async function suggestTopicsForStories(
  db: Db,
  storyIds: readonly string[],
): Promise<StorySuggestions[]> {
  if (storyIds.length === 0) return [];
  const [models, stories] = await Promise.all([
    loadTopicModels(db),
    db.story.findMany({
      where: { id: { in: [...storyIds] }, deletedAt: null },
      select: {
        id: true,
        updatedAt: true,
        title: true,
        body: true,
        source: { select: { name: true } },
        topics: { select: { topicId: true } },
      },
    }),
  ]);
  const prepared = prepareTopics(models);
  const results: StorySuggestions[] = [];
  for (const story of stories) {
    const alreadyTagged = new Set(story.topics.map((tag) => tag.topicId));
    const candidates = scoreStory(
      {
        title: story.title,
        body: story.body,
        source: story.source?.name ?? null,
        profile: getProfile(story),
      },
      prepared,
    ).filter((score) => !alreadyTagged.has(score.topicId));
    // A rule marked auto-approve always applies; the best of the rest are suggested.
    const scores = [
      ...candidates.filter((score) => score.autoApprove),
      ...candidates
        .filter((score) => !score.autoApprove && score.confidence >= SUGGESTION_THRESHOLD)
        .slice(0, MAX_SUGGESTIONS),
    ];
    const autoApproved: string[] = [];
    for (const score of scores) {
      const approved = score.autoApprove;
      if (approved) autoApproved.push(score.topicId);
      await db.storyTopic.createMany({
        data: [
          {
            storyId: story.id,
            topicId: score.topicId,
            origin: approved ? "rule" : "suggested",
            status: approved ? "approved" : "pending",
            confidence: score.confidence,
            reason: score.reason,
            approvedAt: approved ? new Date() : null,
          },
        ],
        skipDuplicates: true,
      });
      if (approved) {
        await db.auditLog.create({
          data: {
            action: "tag.add",
            entityType: "story",
            entityId: story.id,
            via: "rule",
            details: { topicId: score.topicId, reason: score.reason },
          },
        });
      }
    }
    results.push({ storyId: story.id, suggestions: scores.length, autoApproved });
  }
  return results;
}

export type SuggestionItem = {
  storyId: string;
  storySlug: string;
  storyTitle: string;
  source: string | null;
  topicId: string;
  topicSlug: string;
  topicName: string;
  confidence: number | null;
  reason: string | null;
  createdAt: Date;
};

/** Pending suggestions, most confident first. */
export async function listSuggestions(db: Db, input: PageInput & { topic?: string; storyId?: string }) {
  const rows = await db.storyTopic.findMany({
    where: {
      status: "pending",
      story: { deletedAt: null },
      ...(input.topic ? { topic: { slug: input.topic } } : {}),
      ...(input.storyId ? { storyId: input.storyId } : {}),
    },
    orderBy: [
      { confidence: { sort: "desc", nulls: "last" } },
      { createdAt: "asc" },
      { storyId: "asc" },
      { topicId: "asc" },
    ],
    take: input.limit + 1,
    ...(input.cursor ? { skip: Number(input.cursor) } : {}),
    select: {
      storyId: true,
      topicId: true,
      confidence: true,
      reason: true,
      createdAt: true,
      story: { select: { slug: true, title: true, source: { select: { name: true } } } },
      topic: { select: { slug: true, name: true } },
    },
  });
  const offset = input.cursor ? Number(input.cursor) : 0;
  const items: SuggestionItem[] = rows.slice(0, input.limit).map((row) => ({
    storyId: row.storyId,
    storySlug: row.story.slug,
    storyTitle: row.story.title,
    source: row.story.source?.name ?? null,
    topicId: row.topicId,
    topicSlug: row.topic.slug,
    topicName: row.topic.name,
    confidence: row.confidence,
    reason: row.reason,
    createdAt: row.createdAt,
  }));
  // Offsets, not ids: a suggestion's key is (story, topic), and approving rows shifts nothing before the cursor.
  return { items, nextCursor: rows.length > input.limit ? String(offset + input.limit) : null };
}

/** Stories that fit no topic: no tag and no suggestion at all. */
export async function listUnmatchedStories(db: Db, input: PageInput) {
  const rows = await db.story.findMany({
    where: { deletedAt: null, topics: { none: { status: { in: ["pending", "approved"] } } } },
    orderBy: [{ ingestedAt: "desc" }, { id: "desc" }],
    ...cursorArgs(input),
    select: { id: true, slug: true, title: true, ingestedAt: true, source: { select: { name: true } } },
  });
  const page = toPage(rows, input.limit);
  return {
    nextCursor: page.nextCursor,
    items: page.items.map(({ source, ...story }) => ({ ...story, source: source?.name ?? null })),
  };
}
