// What the version comparison (admin and the reader's old versions) calls added and removed.
import { describe, expect, it } from "vitest";
import type { Briefing, Point } from "@dispatch/briefing";
import { compareBriefingViews } from "./briefings";

const cite = (storyId: string, sentenceIndex: number) => ({ storyId, sentenceIndex, start: 0, end: 1 });
const point = (id: string, text: string, citations: Point["citations"]): Point => ({
  id,
  text,
  mode: "extractive",
  storylineId: "s",
  score: 1,
  citations,
  sourceCount: citations.length,
  singleSource: citations.length === 1,
  asOf: null,
  supersededBy: null,
});
const view = (version: number, points: Point[], storyIds: string[]) => ({
  version,
  briefing: { points, storylines: [], sources: [] } as unknown as Briefing,
  stories: storyIds.map((id) => ({ id })) as never,
});

describe("comparing two versions", () => {
  const talks = point("point-b-3", "The ferry company said talks would be held on Thursday.", [cite("b", 3)]);
  const strike = point("point-a-0", "Ferry crews at Orrin harbour went on strike on Monday.", [cite("a", 0)]);

  it("a point reworded by a rebuild, still citing its sentence, is neither added nor removed", () => {
    const reworded = point(
      "point-c-0",
      "The ferry company said talks with the seafarers' union would be held on Thursday.",
      [cite("c", 0), cite("b", 3)],
    );
    const relief = point("point-c-2", "A relief boat carried medicine to Kessa on Tuesday.", [cite("c", 2)]);
    const diff = compareBriefingViews(
      view(1, [talks, strike], ["a", "b"]),
      view(2, [reworded, strike, relief], ["a", "b", "c"]),
    );
    expect(diff.addedPoints.map((p) => p.text)).toEqual([relief.text]);
    expect(diff.removedPoints).toEqual([]);
    expect(diff.addedStoryIds).toEqual(["c"]);
  });

  it("a point whose sentences and words are both gone is removed", () => {
    const diff = compareBriefingViews(view(1, [talks, strike], ["a", "b"]), view(2, [strike], ["a"]));
    expect(diff.removedPoints.map((p) => p.text)).toEqual([talks.text]);
    expect(diff.removedStoryIds).toEqual(["b"]);
  });
});
