// A topic page's data (page.topic: which state the topic is in and, with a briefing, what the
// page shows), read once per process until the topic's briefing or anything public changes
// (page-data-cache.ts). Shared by the topic page, its storylines' pages and the JSON routes
// that send what the page folds away, so opening a panel does not read the database again.
import { cache } from "react";
import { formatDate } from "@dispatch/ui";
import type { Reference } from "~/components/references";
import { numberStories } from "./briefing-view";
import { cachedRead } from "./page-data-cache";
import { storylinePoints } from "./point-views";
import { getPublicCaller } from "./public-caller";

export const loadTopic = cache((slug: string) =>
  cachedRead(`topic:${slug}`, [`topic:${slug}`], () => getPublicCaller().page.topic({ topic: slug })),
);

export type TopicData = Awaited<ReturnType<typeof loadTopic>>;
export type TopicBriefing = Extract<TopicData, { kind: "briefing" }>;

/** One storyline of a topic's current briefing, its points split as the topic page splits them;
 * null when the topic has no briefing or the briefing no such storyline (rebuilt since). */
export async function loadStoryline(slug: string, storylineId: string) {
  const data = await loadTopic(slug);
  if (data.kind !== "briefing") return null;
  const storylines = storylinePoints(data.page);
  const index = storylines.findIndex((entry) => entry.storyline.id === storylineId);
  const found = storylines[index];
  if (!found) return null;
  const { topic, version } = data.page;
  return { topic, version, index, count: storylines.length, ...found };
}

/** A topic's numbered stories (the numbers its citation markers show), or null without a briefing. */
export async function loadReferences(slug: string) {
  const data = await loadTopic(slug);
  if (data.kind !== "briefing") return null;
  const { briefing, stories, topic, version } = data.page;
  return { topic, version, stories: referencesOf(numberStories(briefing, stories)) };
}

export function referencesOf(numbers: ReturnType<typeof numberStories>): Reference[] {
  return [...numbers.values()].map(({ n, story }) => ({
    n,
    slug: story.slug,
    title: story.title,
    source: story.source ?? "Unknown source",
    date: formatDate(story.publishedAt),
  }));
}
