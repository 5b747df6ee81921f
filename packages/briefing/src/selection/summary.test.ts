import { describe, expect, it } from "vitest";
import { writeOverview } from "./headline";
import { writeSummary } from "./summary";
import type { CitedSentence, Point, Storyline } from "../types";

const cite = (storyId: string, sentenceIndex: number) => ({ storyId, sentenceIndex, start: 0, end: 1 });
const point = (id: string, text: string, storyId: string, index: number): Point => ({
  id,
  text,
  mode: "extractive",
  storylineId: "sl",
  score: 1,
  citations: [cite(storyId, index)],
  sourceCount: 1,
  singleSource: true,
  asOf: null,
  supersededBy: null,
});

describe("writeSummary", () => {
  const overview: CitedSentence[] = [
    { text: "The bridge will close on Monday.", mode: "extractive", citations: [cite("a", 0)] },
  ];
  const points = [
    point("p1", "The bridge will close on Monday.", "a", 0),
    point("p2", "Ferries will add six evening sailings during the closure.", "b", 3),
  ];

  it("puts the overview first and does not repeat it", () => {
    expect(writeSummary(overview, points, 250)).toBe(
      "The bridge will close on Monday. Ferries will add six evening sailings during the closure.",
    );
  });

  it("never exceeds the word limit", () => {
    const summary = writeSummary(overview, points, 8);
    expect(summary.split(/\s+/)).toHaveLength(8);
    expect(writeSummary(overview, points, 0)).toBe("");
  });
});

describe("writeOverview, whose first sentence the home page shows alone", () => {
  const storyline = (id: string, pointIds: string[]): Storyline => ({
    id,
    label: id,
    title: id,
    storyIds: [],
    pointIds,
    sources: [],
  });

  it("never opens with our own “Separately,”, even when the main storyline has no point", () => {
    const other = point("p9", "The ferry operator added two evening sailings.", "b", 1);
    const overview = writeOverview(
      [storyline("main", []), storyline("second", ["p9"])],
      new Map([["p9", other]]),
    );
    expect(overview[0]?.text).toBe("The ferry operator added two evening sailings.");
  });

  it("still marks the turn to a second storyline after the main one", () => {
    const first = point("p1", "The bridge will close on Monday.", "a", 0);
    const other = point("p9", "The ferry operator added two evening sailings.", "b", 1);
    const overview = writeOverview(
      [storyline("main", ["p1"]), storyline("second", ["p9"])],
      new Map([
        ["p1", first],
        ["p9", other],
      ]),
    );
    expect(overview.map((s) => s.text)).toEqual([
      "The bridge will close on Monday.",
      "Separately, the ferry operator added two evening sailings.",
    ]);
  });
});
