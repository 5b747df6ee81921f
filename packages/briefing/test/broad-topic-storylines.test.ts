// Storylines in a broad topic: our own mix of 20 political events in one invented country,
// each told by 3 outlets as a headline and a lead, where the same prime minister, ministers
// and parliament recur. One storyline must be one event; a shared famous name is not an event.
// Narrow topics must keep their storylines: the envoy sample (two) and the demo port topic
// (the strike and the separate collision inquiry).
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildBriefing } from "../src/index";
import type { StoryInput } from "../src/index";
import { readEnvoyStories } from "../scripts/envoy-stories";
import { scoreStoryPairs } from "./storyline-pairs";

interface MixStory extends StoryInput {
  event: string;
}

const mix = (
  JSON.parse(readFileSync(new URL("./fixtures/broad-topic-mix.json", import.meta.url), "utf8")) as {
    stories: MixStory[];
  }
).stories;
const eventOf = new Map(mix.map((s) => [s.id, s.event]));
const storiesOf = (list: readonly MixStory[]): StoryInput[] =>
  list.map(({ event: _event, ...story }) => story);

describe("storylines in a broad topic", () => {
  it("keeps the 20 events apart and each event's 3 reports together (pairwise F1 ≥ 0.8)", () => {
    const briefing = buildBriefing(storiesOf(mix), { maxStorylines: 100 });
    const scores = scoreStoryPairs(
      briefing.storylines.map((s) => s.storyIds),
      (id) => eventOf.get(id) ?? id,
    );
    expect(scores.f1).toBeGreaterThanOrEqual(0.8);
  });
});

const envoyPath = new URL("../../../../shared/fixtures/envoy-sample.txt", import.meta.url).pathname;
describe.skipIf(!existsSync(envoyPath))("storylines in a narrow topic (envoy sample)", () => {
  it("gives the Ukraine plan and the Syria visit as two storylines", () => {
    const briefing = buildBriefing(readEnvoyStories(envoyPath));
    expect(briefing.storylines.map((s) => [...s.storyIds].sort())).toEqual([
      ["envoy-1", "envoy-2"],
      ["envoy-3"],
    ]);
  });
});

const demoUrl = new URL("../../db/seed/demo-stories.json", import.meta.url);
describe.skipIf(!existsSync(demoUrl))("storylines in a narrow topic (demo port topic)", () => {
  it("gives the strike and the collision inquiry as two storylines", () => {
    const demo = JSON.parse(readFileSync(demoUrl, "utf8")) as {
      stories: Array<{ topic: string; title: string; body: string; source?: string; publishedAt?: string }>;
    };
    const port = demo.stories
      .filter((s) => s.topic === "saltmere-port-strike")
      .map((s, i) => ({
        id: `port-${i}`,
        title: s.title,
        body: s.body,
        source: s.source ?? null,
        publishedAt: s.publishedAt ?? null,
      }));
    const isCollision = (id: string): boolean =>
      /collision|ferry/i.test(port.find((s) => s.id === id)?.title ?? "");
    const briefing = buildBriefing(port);
    const groups = briefing.storylines.map((s) => s.storyIds.map(isCollision));
    expect(groups).toHaveLength(2);
    for (const g of groups) expect(new Set(g).size).toBe(1);
  });
});
