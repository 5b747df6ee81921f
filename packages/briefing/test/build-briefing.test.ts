import { describe, expect, it } from "vitest";
import { BriefingInputError, ENGINE_VERSION, buildBriefing, renderBriefing } from "../src/index";
import type { StoryInput } from "../src/index";
import { readGoldenStories } from "./golden-stories";

const stories = readGoldenStories();

describe("determinism", () => {
  it("gives the same bytes for the same stories, in any order", () => {
    const a = JSON.stringify(buildBriefing(stories));
    const b = JSON.stringify(buildBriefing([...stories].reverse()));
    const c = JSON.stringify(buildBriefing(stories));
    expect(b).toBe(a);
    expect(c).toBe(a);
  });

  it("adds timings only when a clock is injected", () => {
    expect(buildBriefing(stories).checks.timings).toBeUndefined();
    let t = 0;
    const timed = buildBriefing(stories, { now: () => (t += 1) });
    expect(Object.keys(timed.checks.timings ?? {})).toContain("entities");
    expect(timed.engineVersion).toBe(ENGINE_VERSION);
  });
});

describe("storylines and redundancy", () => {
  it("clusters by event, not by outlet", () => {
    const briefing = buildBriefing(stories);
    for (const s of briefing.storylines)
      expect(new Set(s.storyIds.map((id) => id.split("-")[0])).size).toBe(1);
  });

  it("does not merge different facts about the same person", () => {
    const briefing = buildBriefing(stories);
    const pryceVisit = briefing.points.find((p) =>
      p.text.startsWith("Agriculture Minister Sir Alan Pryce visited"),
    );
    expect(pryceVisit?.citations.map((c) => c.storyId) ?? ["frost-1"]).toEqual(["frost-1"]);
  });
});

describe("bad input", () => {
  it("returns an empty briefing with a diagnostic for no stories", () => {
    const briefing = buildBriefing([]);
    expect(briefing.diagnostics.map((d) => d.code)).toContain("NO_STORIES");
    expect(briefing.points).toEqual([]);
    expect(briefing.storylines).toEqual([]);
    expect(briefing.summary).toBe("");
    expect(briefing.checks.ok).toBe(true);
  });

  it("throws a typed error only for a non-array", () => {
    expect(() => buildBriefing(null as unknown as StoryInput[])).toThrow(BriefingInputError);
  });

  it("handles one story, a story without sentences and duplicates", () => {
    const one = stories[0];
    if (!one) throw new Error("fixture missing");
    const briefing = buildBriefing([
      one,
      { ...one },
      { id: "empty", title: "Nothing here", body: "Photo: a bridge\n\nBy A. Writer" },
      { id: "blank", title: "", body: "" },
    ]);
    const codes = briefing.diagnostics.map((d) => d.code);
    expect(codes).toEqual(expect.arrayContaining(["DUPLICATE_ID", "NO_SENTENCES", "EMPTY_STORY"]));
    expect(briefing.points.length).toBeGreaterThan(0);
    expect(briefing.checks.ok).toBe(true);
  });

  it("cuts very long stories with a diagnostic and stays within bounds", () => {
    const body = Array.from(
      { length: 3000 },
      (_, i) => `Sentence number ${i} says the council met again about the budget.`,
    ).join(" ");
    const briefing = buildBriefing([{ id: "long", title: "Long", body }], { maxCharsPerStory: 20_000 });
    expect(briefing.diagnostics.map((d) => d.code)).toContain("TRUNCATED");
    expect(briefing.checks.ok).toBe(true);
  });

  it("flags non-English text and still cites real spans", () => {
    const body =
      "Der Stadtrat hat am Dienstag einen neuen Haushalt beschlossen. Die Opposition kritisierte die hohen Kosten für die neue Brücke. Die Bürgermeisterin verteidigte den Plan vor der Presse. Die Arbeiten sollen im Frühjahr beginnen und zwei Jahre dauern.";
    const briefing = buildBriefing([{ id: "de", title: "Haushalt beschlossen", body }]);
    expect(briefing.diagnostics.map((d) => d.code)).toContain("NON_ENGLISH");
    expect(briefing.points.length).toBeGreaterThan(0);
    expect(briefing.checks.ok).toBe(true);
  });

  it("ignores a bad publishedAt instead of guessing", () => {
    const briefing = buildBriefing([
      {
        id: "x",
        title: "Council meets",
        body: "The council met on Tuesday to discuss the budget for the new tram line.",
        publishedAt: "yesterday",
      },
    ]);
    expect(briefing.diagnostics.map((d) => d.code)).toContain("BAD_DATE");
    expect(briefing.timeline.every((e) => e.date === null)).toBe(true);
  });
});

describe("changes", () => {
  it("reports what is new against the previous briefing", () => {
    const bridgeOnly = stories.filter((s) => s.id.startsWith("bridge"));
    const previous = buildBriefing(bridgeOnly);
    const next = buildBriefing(stories, { previous });
    expect(next.changes?.newStoryIds).toEqual(["frost-1", "frost-2"]);
    expect(next.changes?.newSources).toEqual(["Valley Courier"]);
    expect(next.changes?.newStorylineIds).toHaveLength(1);
    const frostPoints = next.points
      .filter((p) => p.citations.every((c) => c.storyId.startsWith("frost")))
      .map((p) => p.id);
    expect(next.changes?.newPointIds).toEqual(expect.arrayContaining(frostPoints));
    expect(buildBriefing(stories).changes).toBeNull();
  });
});

describe("renderBriefing", () => {
  it("renders markdown and plain text", () => {
    const briefing = buildBriefing(stories);
    const md = renderBriefing(briefing, "md");
    expect(md.startsWith(`# ${briefing.headline}`)).toBe(true);
    expect(md).toContain("## Quotes");
    const text = renderBriefing(briefing, "text");
    expect(text).not.toMatch(/^#/m);
    expect(text).toContain(briefing.headline.toUpperCase());
  });

  it("numbers the sources so every citation leads to a titled story and a sentence", () => {
    const briefing = buildBriefing(stories);
    const md = renderBriefing(briefing, "md", { stories });
    const listed = new Map(
      [...md.matchAll(/^(\d+)\. .* — \*(.+)\* \((.+)\)$/gm)].map((m) => [m[1], { title: m[2], id: m[3] }]),
    );
    const citations = [...md.matchAll(/\[((?:\d+\.\d+(?:; )?)+)\]/g)].flatMap((m) =>
      (m[1] ?? "").split("; "),
    );
    expect(citations.length).toBeGreaterThan(5);
    for (const citation of citations) {
      const [n, sentence] = citation.split(".");
      const story = listed.get(n ?? "");
      expect(story, `citation ${citation} names a listed story`).toBeDefined();
      const source = stories.find((s) => s.id === story?.id);
      expect(source?.title).toBe(story?.title);
      expect(Number(sentence)).toBeGreaterThanOrEqual(1);
    }
  });

  it("wraps plain text to the width asked for, keeping a hanging indent", () => {
    const text = renderBriefing(buildBriefing(stories), "text", { width: 60 });
    const lines = text.split("\n");
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(60);
    expect(lines.some((l) => l.startsWith("  ") && !l.startsWith("   "))).toBe(true);
  });
});
