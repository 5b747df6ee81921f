// Golden test: the briefing for our own five-story bundle must match the reviewed JSON in
// test/fixtures/golden-briefing.json. After a deliberate change, regenerate it with
//   UPDATE_GOLDEN=1 pnpm vitest run --project briefing
// and review the diff before committing.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildBriefing } from "../src/index";
import { readGoldenStories } from "./golden-stories";

const goldenUrl = new URL("./fixtures/golden-briefing.json", import.meta.url);
const stories = readGoldenStories();
const briefing = buildBriefing(stories);
const bodyOf = (id: string): string => stories.find((s) => s.id === id)?.body ?? "";

describe("golden briefing", () => {
  it("matches the reviewed output byte for byte", () => {
    const json = `${JSON.stringify(briefing, null, 2)}\n`;
    if (process.env.UPDATE_GOLDEN === "1") writeFileSync(goldenUrl, json);
    // A missing golden file is a failure, never a fresh expectation written by the test itself.
    if (!existsSync(goldenUrl))
      throw new Error(
        `${goldenUrl.pathname} is missing: run with UPDATE_GOLDEN=1, review the output, commit it`,
      );
    expect(json).toBe(readFileSync(goldenUrl, "utf8"));
  });

  it("separates the two storylines", () => {
    expect(briefing.storylines.map((s) => [...s.storyIds].sort())).toEqual([
      ["bridge-1", "bridge-2", "bridge-3"],
      ["frost-1", "frost-2"],
    ]);
  });

  it("merges the closure reported by two outlets into one point citing both", () => {
    const closure = briefing.points.find((p) =>
      p.citations.some((c) => c.storyId === "bridge-1" && c.sentenceIndex === 2),
    );
    expect(closure?.citations.map((c) => c.storyId)).toEqual(["bridge-1", "bridge-2"]);
    expect(closure?.sourceCount).toBe(2);
    expect(closure?.singleSource).toBe(false);
    const single = briefing.points.find((p) => p.citations.length === 1);
    expect(single?.singleSource).toBe(true);
  });

  it("does not list a common word that opens a sentence (“Growers said…”) as a person", () => {
    expect(briefing.people.map((p) => p.name)).not.toContain("Growers");
  });

  it("names each person once, whatever the spelling or title", () => {
    const volkovs = briefing.people.filter((p) => /volkov/i.test([p.name, ...p.aliases].join(" ")));
    expect(volkovs).toHaveLength(1);
    expect(volkovs[0]?.name).toBe("Dmitri Volkov");
    expect(volkovs[0]?.aliases).toEqual(
      expect.arrayContaining(["Dmitriy Volkov", "Dmitry Volkov", "Volkov"]),
    );
    expect(volkovs[0]?.storyIds).toEqual(["bridge-1", "bridge-2", "bridge-3"]);
    const pryce = briefing.people.find((p) => p.name === "Alan Pryce");
    expect(pryce?.roles).toContain("Agriculture Minister");
    expect(briefing.people.some((p) => /^(Sir|Minister|Commissioner)\b/.test(p.name))).toBe(false);
  });

  it("attributes quotes and keeps them verbatim", () => {
    expect(briefing.quotes.length).toBeGreaterThanOrEqual(4);
    for (const q of briefing.quotes)
      expect(bodyOf(q.citation.storyId).slice(q.citation.start, q.citation.end)).toBe(q.text);
    const volkovId = briefing.people.find((p) => p.name === "Dmitri Volkov")?.id;
    expect(briefing.quotes.filter((q) => q.speaker?.entityId === volkovId).length).toBeGreaterThanOrEqual(2);
    expect(
      briefing.quotes.find((q) => q.text.startsWith("We will look at every form of help"))?.speaker?.name,
    ).toBe("Alan Pryce");
    expect(briefing.quotes.find((q) => q.text.startsWith("Nobody was in danger"))?.speaker?.name).toBe(
      "Ines Marr",
    );
  });

  it("resolves relative dates against each story's date", () => {
    const on = (storyId: string, dateText: string) =>
      briefing.timeline.find((e) => e.citations[0]?.storyId === storyId && e.dateText === dateText);
    expect(on("bridge-1", "Monday")?.date).toBe("2024-03-18");
    expect(on("frost-1", "Tuesday night")?.date).toBe("2024-03-12");
    expect(on("frost-1", "Thursday")?.date).toBe("2024-03-14");
    expect(on("bridge-1", "3 May 2019")).toMatchObject({ date: "2019-05-03", resolution: "absolute" });
    const dated = briefing.timeline.filter((e) => e.date !== null).map((e) => e.date ?? "");
    expect(dated).toEqual([...dated].sort());
  });

  it("keeps captions, bylines and teasers out of points", () => {
    const texts = [...briefing.points.map((p) => p.text), ...briefing.overview.map((s) => s.text)];
    expect(texts.some((t) => /^(Photo|Watch):|^By Mara/.test(t))).toBe(false);
  });

  it("passes its own checks and respects the summary limit", () => {
    expect(briefing.checks.ok).toBe(true);
    expect(briefing.summary.split(/\s+/).length).toBeLessThanOrEqual(250);
    expect(briefing.overview.length).toBeGreaterThanOrEqual(2);
    expect(briefing.overview.length).toBeLessThanOrEqual(3);
    for (const s of briefing.overview) expect(s.citations.length).toBeGreaterThan(0);
    expect(briefing.sources).toEqual([
      { name: "Coastal Wire", stories: 2, storyIds: ["bridge-2", "frost-1"] },
      { name: "Harbor Times", stories: 2, storyIds: ["bridge-1", "bridge-3"] },
      { name: "Valley Courier", stories: 1, storyIds: ["frost-2"] },
    ]);
  });
});
