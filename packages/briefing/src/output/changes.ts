// What is new against the previous briefing: stories, points (no citation or text in
// common with an old point), storylines (no story in common with an old one), outlets, and
// facts a newer story has superseded since.
import type { Briefing, BriefingChanges, Point, Storyline } from "../types";

export function compareBriefings(
  current: { points: readonly Point[]; storylines: readonly Storyline[]; sources: Briefing["sources"] },
  previous: Briefing,
): BriefingChanges {
  const oldStories = new Set(previous.storylines.flatMap((s) => s.storyIds));
  const oldCitations = new Set(
    previous.points.flatMap((p) => p.citations.map((c) => `${c.storyId}#${c.sentenceIndex}`)),
  );
  const oldTexts = new Set(previous.points.map((p) => normalizeText(p.text)));
  const oldSources = new Set(previous.sources.map((s) => s.name));
  const currentStories = [...new Set(current.storylines.flatMap((s) => s.storyIds))].sort();
  const newPoints = current.points.filter(
    (p) =>
      !oldTexts.has(normalizeText(p.text)) &&
      !p.citations.some((c) => oldCitations.has(`${c.storyId}#${c.sentenceIndex}`)),
  );
  const currentCitations = new Set(
    current.points.flatMap((p) => p.citations.map((c) => `${c.storyId}#${c.sentenceIndex}`)),
  );
  const currentTexts = new Set(current.points.map((p) => normalizeText(p.text)));
  const removed = previous.points.filter(
    (p) =>
      !currentTexts.has(normalizeText(p.text)) &&
      !p.citations.some((c) => currentCitations.has(`${c.storyId}#${c.sentenceIndex}`)),
  );
  return {
    previousEngineVersion: typeof previous.engineVersion === "string" ? previous.engineVersion : null,
    newStoryIds: currentStories.filter((id) => !oldStories.has(id)),
    newPointIds: newPoints.map((p) => p.id),
    newStorylineIds: current.storylines
      .filter((s) => !s.storyIds.some((id) => oldStories.has(id)))
      .map((s) => s.id),
    newSources: current.sources.map((s) => s.name).filter((n) => !oldSources.has(n)),
    removedPointCount: removed.length,
    supersededFacts: listSupersededFacts(current.points, previous),
  };
}

// Facts superseded now that the previous version did not already mark superseded.
function listSupersededFacts(
  points: readonly Point[],
  previous: Briefing,
): BriefingChanges["supersededFacts"] {
  const alreadySuperseded = new Set(
    previous.points.filter((p) => p.supersededBy).map((p) => normalizeText(p.text)),
  );
  return points
    .filter((p) => p.supersededBy && !alreadySuperseded.has(normalizeText(p.text)))
    .map((p) => ({ pointId: p.id, text: p.text, description: p.supersededBy?.description ?? "" }));
}

function normalizeText(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}
