import { buildBriefing, type Briefing } from "@dispatch/briefing";
import { describe, expect, expectTypeOf, it } from "vitest";
import type { z } from "zod";
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

describe("the stored briefing schema", () => {
  const built = buildBriefing(stories, { previous: buildBriefing(stories.slice(0, 1)), now: () => 0 });

  it("is the engine's Briefing type, exactly", () => {
    expectTypeOf<z.output<typeof briefingSchema>>().toEqualTypeOf<Briefing>();
    expectTypeOf<z.input<typeof briefingSchema>>().toEqualTypeOf<Briefing>();
  });

  it("gives back what the engine built, field for field (nothing dropped on the way through)", () => {
    const stored = JSON.parse(JSON.stringify(built)) as unknown;
    expect(briefingSchema.parse(stored)).toEqual(stored);
    expect(built.disagreements.map((d) => d.description)).toEqual([
      "Coastal Herald says 140 people killed; Northern Post says 104 people killed",
    ]);
  });

  it("refuses a briefing missing a field the engine writes, naming it", () => {
    const stored = JSON.parse(JSON.stringify(built)) as { points: Array<Record<string, unknown>> };
    const point = stored.points[0];
    if (!point) throw new Error("the fixture briefing has no point");
    delete point.asOf;
    const result = briefingSchema.safeParse(stored);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["points", 0, "asOf"]);
  });
});
