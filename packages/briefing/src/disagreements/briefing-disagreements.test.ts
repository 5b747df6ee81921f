import { describe, expect, it } from "vitest";
import { buildBriefing } from "../build-briefing";
import type { Briefing, Citation, StoryInput } from "../types";

// Our own stories: two outlets on the Dalmora floods an hour apart, the ministry's plan, and a
// later story from one of them.
const early: StoryInput = {
  id: "post-1",
  title: "Floods kill 104 in the Dalmora valley",
  source: "Northern Post",
  publishedAt: "2026-11-24T09:00:00Z",
  body: "Floods in the Dalmora valley killed 104 people on Monday, the regional governor said. Rescue teams are searching villages along the river for survivors. The interior ministry will meet aid agencies on Thursday to plan the relief effort.",
};
const rival: StoryInput = {
  id: "herald-1",
  title: "Dalmora valley floods leave 140 dead",
  source: "Coastal Herald",
  publishedAt: "2026-11-24T10:00:00Z",
  body: "Floods in the Dalmora valley killed 140 people on Monday, the regional governor said. Rescue teams are searching villages along the river for survivors. Aid agencies said roads into the valley remain cut off.",
};
const later: StoryInput = {
  id: "post-2",
  title: "Ministry meets aid agencies over Dalmora floods",
  source: "Northern Post",
  publishedAt: "2026-11-26T18:00:00Z",
  body: "The interior ministry met aid agencies on Thursday to plan the relief effort in the Dalmora valley. Officials agreed to open three more shelters.",
};

const cited = (stories: StoryInput[], c: Citation): string =>
  stories.find((s) => s.id === c.storyId)?.body.slice(c.start, c.end) ?? "";

describe("disagreements in a briefing", () => {
  const stories = [early, rival];
  const briefing = buildBriefing(stories);

  it("says where two outlets differ on a figure, each side cited", () => {
    const numbers = briefing.disagreements.filter((d) => d.kind === "number");
    expect(numbers).toHaveLength(1);
    const [d] = numbers;
    expect(d?.description).toBe(
      "Coastal Herald says 140 people killed; Northern Post says 104 people killed",
    );
    expect(d?.sides.map((s) => cited(stories, s.citation))).toEqual([
      "Floods in the Dalmora valley killed 140 people on Monday, the regional governor said.",
      "Floods in the Dalmora valley killed 104 people on Monday, the regional governor said.",
    ]);
    expect(d?.pointIds.length).toBeGreaterThan(0);
    expect(
      briefing.checks.results.find((r) => r.name === "disagreements and supersessions cite both sides")?.ok,
    ).toBe(true);
  });

  it("dates every point by its newest story", () => {
    for (const p of briefing.points) {
      const times = p.citations.map((c) => stories.find((s) => s.id === c.storyId)?.publishedAt ?? "");
      expect(p.asOf).toBe([...times].sort().pop());
    }
  });

  it("is the same whatever order the stories come in", () => {
    expect(JSON.stringify(buildBriefing([rival, early]))).toBe(JSON.stringify(briefing));
  });

  it("finds nothing when the outlets agree (a weekday and the date it falls on, a figure and 'at least')", () => {
    const agreeing = buildBriefing([
      {
        ...early,
        body: "Floods in the Dalmora valley killed 104 people on Monday, the regional governor said. Rescue teams are searching villages along the river for survivors.",
      },
      {
        ...rival,
        body: "At least 100 people were killed in the Dalmora valley floods on November 23, the regional governor said. Rescue teams are searching villages along the river for survivors.",
      },
    ]);
    expect(agreeing.disagreements).toEqual([]);
    expect(agreeing.points.every((p) => p.supersededBy === null)).toBe(true);
  });
});

describe("superseded facts", () => {
  const stories = [early, rival, later];
  const briefing = buildBriefing(stories);
  const planned = briefing.points.find((p) => p.text.startsWith("The interior ministry will meet"));

  it("marks the planned meeting superseded by the story saying it happened, citing it", () => {
    expect(planned?.supersededBy?.kind).toBe("status");
    expect(planned?.supersededBy?.citations.map((c) => cited(stories, c))).toEqual([
      "The interior ministry met aid agencies on Thursday to plan the relief effort in the Dalmora valley.",
    ]);
    expect(planned?.supersededBy?.description).toBe(
      "Northern Post (26 November 2026) reports that the interior ministry met aid agencies on Thursday; Northern Post (24 November 2026) had reported that the interior ministry will meet aid agencies on Thursday",
    );
  });

  it("lets the newer fact lead: the superseded point comes after every current one, in the briefing and its storyline", () => {
    const newer = briefing.points.find((p) => p.id === planned?.supersededBy?.pointId);
    expect(newer?.text).toMatch(/^The interior ministry met aid agencies/);
    const order = briefing.points.map((p) => p.id);
    const current = briefing.points.filter((p) => p.supersededBy === null).map((p) => order.indexOf(p.id));
    expect(Math.max(...current)).toBeLessThan(order.indexOf(planned?.id ?? ""));
    const storyline = briefing.storylines.find((s) => s.pointIds.includes(planned?.id ?? ""));
    expect(storyline?.pointIds.at(-1)).toBe(planned?.id);
    expect(briefing.checks.ok).toBe(true);
  });

  it("lists the superseded fact among the changes from the version before", () => {
    const before = buildBriefing([early, rival]);
    const after = buildBriefing(stories, { previous: before });
    expect(after.changes?.supersededFacts.map((f) => f.text)).toEqual([planned?.text]);
    // Already superseded in the previous version: not news again.
    expect(buildBriefing(stories, { previous: after }).changes?.supersededFacts).toEqual([]);
  });

  it("takes a higher toll a day later as an update, not a disagreement", () => {
    const nextDay: StoryInput = { ...rival, id: "herald-2", publishedAt: "2026-11-25T12:00:00Z" };
    const b = buildBriefing([early, nextDay]);
    expect(b.disagreements.filter((d) => d.kind === "number")).toEqual([]);
    const old = b.points.find((p) => p.text.includes("killed 104"));
    expect(old?.supersededBy?.description).toBe(
      "Coastal Herald (25 November 2026) reports 140 people killed; Northern Post (24 November 2026) had reported 104 people killed",
    );
    expect(b.points[0]?.text).toContain("killed 140");
  });
});

describe("checks", () => {
  it("fail when a disagreement's side does not resolve to a sentence", async () => {
    const { checkBriefing } = await import("../output/checks");
    const b: Briefing = buildBriefing([early, rival]);
    const [d] = b.disagreements;
    expect(d).toBeDefined();
    if (!d) return;
    const broken = {
      ...d,
      sides: d.sides.map((s, i) => (i === 0 ? { ...s, citation: { ...s.citation, sentenceIndex: 9 } } : s)),
    };
    const bodies = new Map([early, rival].map((s) => [s.id, { body: s.body }]));
    const result = checkBriefing({ ...b, disagreements: [broken] }, bodies, 6).results.find(
      (r) => r.name === "disagreements and supersessions cite both sides",
    );
    expect(result?.ok).toBe(false);
  });
});
