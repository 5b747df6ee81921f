// redactBriefing on a briefing the engine built from three stories: whatever rests on a
// story that is no longer public disappears; the rest is left as built.
import { describe, expect, it } from "vitest";
import { buildBriefing, type StoryInput } from "@dispatch/briefing";
import { redactBriefing } from "./briefing-redaction";

const STORIES: StoryInput[] = [
  {
    id: "keep",
    title: "Orlen ferry service suspended after engine fault",
    source: "Marsh Gazette",
    publishedAt: "2026-11-03",
    body:
      "The Orlen ferry service was suspended on Tuesday after an engine fault on the vessel Tamsin, the operator said.\n" +
      "Operator chief Delia Brook said repairs would take at least a week and that a replacement boat had been chartered.",
  },
  {
    id: "gone",
    title: "Tamsin engine failure strands Orlen commuters",
    source: "Quayside Post",
    publishedAt: "2026-11-04",
    body:
      "Commuters were stranded on Tuesday when the Orlen ferry Tamsin suffered an engine failure, the operator said.\n" +
      '"We have never seen a breakdown like this," said deckhand Piotr Wendle, who has crewed the Tamsin for a decade.\n' +
      "On 4 November 2026 Marmalade lighthouse keepers counted nineteen herons on the Orlen slipway.",
  },
  {
    id: "also",
    title: "Chartered boat to replace stricken Orlen ferry",
    source: "Estuary Herald",
    publishedAt: "2026-11-05",
    body:
      "A chartered boat will replace the stricken Orlen ferry Tamsin from Thursday, operator chief Delia Brook said.\n" +
      "Brook said the engine fault on the Tamsin would take at least a week to repair.",
  },
];

const built = buildBriefing(STORIES);
const titles = (ids: string[]) =>
  new Map(
    STORIES.filter((story) => ids.includes(story.id)).map((story) => [story.id, { title: story.title }]),
  );

describe("redactBriefing", () => {
  it("returns the briefing untouched when every story is public", () => {
    expect(redactBriefing(built, titles(["keep", "gone", "also"]))).toBe(built);
  });

  it("leaves no trace of a removed story: citations, quotes, sources, people, headline, summary", () => {
    // The built briefing uses the story, so the checks below can fail.
    expect(JSON.stringify(built)).toContain('"gone"');
    const redacted = redactBriefing(built, titles(["keep", "also"]));
    const text = JSON.stringify(redacted);
    expect(text).not.toContain('"gone"');
    expect(text).not.toContain("Quayside Post");
    expect(text).not.toContain("Piotr Wendle");
    expect(text).not.toContain("never seen a breakdown");
    expect(text).not.toContain("Marmalade");
    expect(text).not.toContain("Tamsin engine failure strands");
    expect(redacted.points.length).toBeGreaterThan(0);
    expect(redacted.sources.map((source) => source.name).sort()).toEqual(["Estuary Herald", "Marsh Gazette"]);
  });

  it("keeps what rests only on public stories as it was", () => {
    const redacted = redactBriefing(built, titles(["keep", "also"]));
    const kept = built.points.filter((point) =>
      point.citations.every((citation) => citation.storyId !== "gone"),
    );
    expect(redacted.points).toEqual(kept);
  });
});
