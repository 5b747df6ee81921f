// The shape the `dispatch parse` CLI prints: the story without its verbatim original.

import type { ParsedStory, StoryJson } from "./types";

export function toStoryJson(story: ParsedStory): StoryJson {
  return {
    title: story.title,
    dek: story.dek,
    body: story.body,
    byline: [...story.byline],
    source: story.source,
    url: story.url,
    publishedAt: story.publishedAt,
    topicHint: story.topicHint,
    format: story.format,
    warnings: [...story.warnings],
    dropped: story.dropped.map((entry) => ({ ...entry })),
  };
}
