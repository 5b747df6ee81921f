// Applying editors' controls to a version, without a database: how a point and a storyline
// are found again when a rebuild changed their ids, and what a strike takes with it.
import { describe, expect, it } from "vitest";
import type { Briefing, Point } from "@dispatch/briefing";
import { applyBriefingControls, findControlledPoint, type BriefingControlRecord } from "./briefing-controls";

const cite = (storyId: string, sentenceIndex: number) => ({ storyId, sentenceIndex, start: 0, end: 1 });
const point = (id: string, text: string, citations: Point["citations"]): Point => ({
  id,
  text,
  mode: "extractive",
  storylineId: "storyline-a",
  score: 1,
  citations,
  sourceCount: citations.length,
  singleSource: citations.length === 1,
  asOf: null,
  supersededBy: null,
});

function briefingOf(points: Point[]): Briefing {
  return {
    engineVersion: "test",
    headline: "Engine headline",
    headlineStoryId: "a",
    overview: points.map((p) => ({ text: p.text, mode: "extractive" as const, citations: p.citations })),
    storylines: [
      {
        id: "storyline-a",
        label: "Engine label",
        title: "A story's title",
        storyIds: ["a", "b"],
        pointIds: points.map((p) => p.id),
        sources: [],
      },
    ],
    points,
    people: [],
    organizations: [],
    places: [],
    timeline: [],
    quotes: [],
    sources: [],
    disagreements: [],
    changes: null,
    checks: { ok: true, results: [], counts: {} as Briefing["checks"]["counts"] },
    summary: points.map((p) => p.text).join(" "),
    diagnostics: [],
  };
}

let n = 0;
const control = (
  fields: Partial<BriefingControlRecord> & Pick<BriefingControlRecord, "kind">,
): BriefingControlRecord => ({
  id: `c${(n += 1)}`,
  topicId: "t",
  targetId: "",
  citationKeys: [],
  storyIds: [],
  targetText: "",
  value: null,
  reason: null,
  sinceVersion: 1,
  createdAt: new Date(Date.UTC(2026, 10, 29, 0, n)),
  createdBy: { name: "Edda Vale", email: "e@x.test" },
  ...fields,
});

describe("finding a controlled point again", () => {
  const rebuilt = [
    point("point-c-0", "Talks with the union will be held on Thursday.", [cite("b", 3), cite("c", 0)]),
    point("point-a-0", "Crews went on strike.", [cite("a", 0)]),
  ];
  it("by the sentences it cited, when a new lead changed its id and words", () => {
    const found = findControlledPoint(rebuilt, {
      targetId: "point-b-3",
      citationKeys: ["b#3"],
      targetText: "Talks would be held on Thursday.",
    });
    expect(found?.id).toBe("point-c-0");
  });
  it("by its words, when none of its sentences is cited any more", () => {
    const found = findControlledPoint(rebuilt, {
      targetId: "point-z-9",
      citationKeys: ["z#9"],
      targetText: "crews went on STRIKE",
    });
    expect(found?.id).toBe("point-a-0");
  });
  it("not at all, rather than a guess", () => {
    expect(
      findControlledPoint(rebuilt, { targetId: "x", citationKeys: ["z#1"], targetText: "Nothing alike." }),
    ).toBe(undefined);
  });
});

describe("applying controls", () => {
  const points = [
    point("p1", "First point.", [cite("a", 0)]),
    point("p2", "Second point.", [cite("a", 1)]),
    point("p3", "Third point.", [cite("b", 0)]),
  ];
  it("pins lead, strikes leave (with the overview sentence repeating them), locks replace the wording", () => {
    const { briefing, editorial } = applyBriefingControls(briefingOf(points), 2, [
      control({ kind: "pin", targetId: "p3", citationKeys: ["b#0"] }),
      control({ kind: "strike", targetId: "p2", citationKeys: ["a#1"], reason: "Wrong." }),
      control({ kind: "label", targetId: "storyline-a", storyIds: ["a"], value: "Our label" }),
      control({ kind: "headline", value: "Our headline" }),
    ]);
    expect(briefing.points.map((p) => p.id)).toEqual(["p3", "p1"]);
    expect(briefing.storylines[0]).toMatchObject({
      pointIds: ["p3", "p1"],
      label: "Our label",
      title: "Our label",
    });
    expect(briefing.headline).toBe("Our headline");
    expect(briefing.overview.map((s) => s.text)).toEqual(["First point.", "Third point."]);
    expect(briefing.summary).not.toContain("Second point.");
    expect(editorial.struck.map((entry) => entry.point.id)).toEqual(["p2"]);
    expect(editorial.effects.map((effect) => effect.original)).toEqual([
      null,
      null,
      "Engine label",
      "Engine headline",
    ]);
  });
  it("applies pins and locks from the version they were made on; strikes to every version", () => {
    const { briefing } = applyBriefingControls(briefingOf(points), 1, [
      control({ kind: "pin", targetId: "p3", sinceVersion: 2 }),
      control({ kind: "headline", value: "Our headline", sinceVersion: 2 }),
      control({ kind: "strike", targetId: "p2", sinceVersion: 2, reason: "Wrong." }),
    ]);
    expect(briefing.points.map((p) => p.id)).toEqual(["p1", "p3"]);
    expect(briefing.headline).toBe("Engine headline");
  });
  describe("a headline the engine wrote from a struck point", () => {
    const told = [
      point("route", "The island route to Kessa was cancelled for the day, the ferry company said.", [
        cite("a", 0),
      ]),
      point("strike", "Ferry crews at Orrin harbour went on strike on Monday over new rotas.", [
        cite("b", 0),
      ]),
    ];
    const engine = { ...briefingOf(told), headline: "Island route to Kessa cancelled for the day" };
    const strikeRoute = control({
      kind: "strike",
      targetId: "route",
      citationKeys: ["a#0"],
      reason: "Wrong.",
    });

    it("is written again from what is left", () => {
      const { briefing } = applyBriefingControls(engine, 1, [strikeRoute]);
      expect(briefing.headline).not.toMatch(/Kessa|cancel/i);
      expect(briefing.headline).toMatch(/Ferry crews/);
      expect(briefing.headlineStoryId).toBeNull();
    });
    it("stays when the struck point is another, and gives way to an editor's lock", () => {
      const other = control({ kind: "strike", targetId: "strike", citationKeys: ["b#0"], reason: "Wrong." });
      expect(applyBriefingControls(engine, 1, [other]).briefing.headline).toBe(engine.headline);
      const locked = control({ kind: "headline", value: "Kessa cut off" });
      expect(applyBriefingControls(engine, 1, [strikeRoute, locked]).briefing.headline).toBe("Kessa cut off");
    });
  });
});
