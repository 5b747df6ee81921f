import { buildBriefing } from "@dispatch/briefing";
import { describe, expect, it } from "vitest";
import { briefingSchema } from "./briefing";

// Our own stories: two outlets differ on the toll.
const stories = [
  {
    id: "a1",
    title: "Floods kill 104",
    source: "Northern Post",
    publishedAt: "2026-11-24T09:00:00Z",
    body: "Floods in the Varnia valley killed 104 people on Monday, the regional governor said. Rescue teams are searching villages for survivors.",
  },
  {
    id: "b1",
    title: "Floods leave 140 dead",
    source: "Coastal Herald",
    publishedAt: "2026-11-24T10:00:00Z",
    body: "Floods in the Varnia valley killed 140 people on Monday, the regional governor said. Rescue teams are searching villages for survivors.",
  },
];

describe("stored briefing schema", () => {
  const built = buildBriefing(stories, { previous: buildBriefing(stories.slice(0, 1)) });

  it("passes disagreements, asOf and superseded facts through to the pages", () => {
    const parsed = briefingSchema.parse(JSON.parse(JSON.stringify(built)));
    expect(parsed.disagreements.map((d) => d.description)).toEqual([
      "Coastal Herald says 140 people killed; Northern Post says 104 people killed",
    ]);
    expect(parsed.points.every((p) => p.asOf !== null)).toBe(true);
    expect(parsed.changes?.supersededFacts).toEqual([]);
  });

  it("still reads a version stored before them, with nothing differing or superseded", () => {
    const old = JSON.parse(JSON.stringify(built)) as Record<string, unknown> & {
      points: Array<Record<string, unknown>>;
      changes: Record<string, unknown>;
    };
    delete old.disagreements;
    delete old.changes.supersededFacts;
    for (const p of old.points) {
      delete p.asOf;
      delete p.supersededBy;
    }
    const parsed = briefingSchema.parse(old);
    expect(parsed.disagreements).toEqual([]);
    expect(parsed.points.every((p) => p.asOf === null && p.supersededBy === null)).toBe(true);
    expect(parsed.changes?.supersededFacts).toEqual([]);
  });
});
