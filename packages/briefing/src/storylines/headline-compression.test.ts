import { describe, expect, it } from "vitest";
import { buildBriefing } from "../build-briefing";
import { prepareStories } from "../text/prepared-stories";
import type { StoryInput } from "../types";
import { compressToHeadline } from "./headline-compression";
import { labelStoryline } from "./storyline-labels";

const words = (text: string): number => text.split(/\s+/).length;

describe("compressToHeadline", () => {
  it("keeps subject, verb and object in headline tense, without attribution, title or time", () => {
    expect(
      compressToHeadline(
        "Harbour Minister Lena Ostrova will visit the port of Kellhaven on Friday, her office said.",
      ),
    ).toBe("Ostrova to visit port of Kellhaven");
    expect(
      compressToHeadline(
        "The regional council approved a 12 million euro repair fund on Tuesday, after a four-hour debate.",
      ),
    ).toBe("Regional council approves 12 million euro repair fund");
    expect(
      compressToHeadline("Brindle Foods said on Monday that it had recalled 40,000 jars of pesto."),
    ).toBe("Brindle Foods recalls 40,000 jars of pesto");
  });

  it("drops datelines, appositions and subordinate clauses", () => {
    expect(
      compressToHeadline(
        "KELLHAVEN (Wire) — Dockworkers walked off the job on Monday after talks collapsed.",
      ),
    ).toBe("Dockworkers walk off job");
    expect(
      compressToHeadline(
        "Tarn Mobility, the company behind the Zipline scooters, has recalled 8,000 scooters, citing faulty brakes.",
      ),
    ).toBe("Tarn Mobility recalls 8,000 scooters");
  });

  it("refuses quotes, first-person sentences and sentences that lean on an earlier one", () => {
    expect(compressToHeadline("“We will not move an inch,” said the union chair.")).toBeNull();
    expect(compressToHeadline("We have waited eleven weeks for a serious offer.")).toBeNull();
    expect(compressToHeadline("That is why the council voted against the plan on Monday.")).toBeNull();
  });
});

const story = (
  id: string,
  title: string,
  body: string,
  publishedAt: string | null = null,
  source = "Morning Lantern",
): StoryInput => ({ id, title, body, source, publishedAt });

describe("storyline labels and the headline", () => {
  const strike = [
    story(
      "strike-1",
      "Kellhaven dockworkers walk out",
      "Dockworkers at the port of Kellhaven began a strike on Monday after wage talks with the terminal operators collapsed. The union wants a 9 percent rise.",
      "2026-03-02T08:00:00Z",
      "Harbour Wire",
    ),
    story(
      "strike-2",
      "Deal ends Kellhaven port strike",
      "The dockworkers' union and the terminal operators signed a wage agreement on Friday, ending the Kellhaven port strike after five days. Cranes will restart on Saturday.",
      "2026-03-06T18:00:00Z",
      "Morning Lantern",
    ),
  ];
  const fire = [
    story(
      "fire-1",
      "Fire destroys Tessling sawmill",
      "A fire destroyed the old sawmill in the village of Tessling on Wednesday night, and forty residents were moved to the school hall. Nobody was hurt.",
      "2026-03-04T07:00:00Z",
      "Harbour Wire",
    ),
    story(
      "fire-2",
      "Tessling sawmill fire under control",
      "Firefighters brought the fire at the Tessling sawmill under control on Thursday morning, the fire service said. Residents returned home by noon.",
      "2026-03-05T09:00:00Z",
      "Morning Lantern",
    ),
  ];

  it("labels each storyline with a short sentence of its own news, not a noun and names", () => {
    const briefing = buildBriefing([...strike, ...fire]);
    expect(briefing.storylines).toHaveLength(2);
    const labels = briefing.storylines.map((s) => s.label);
    expect(new Set(labels).size).toBe(2);
    for (const label of labels) {
      expect(words(label)).toBeLessThanOrEqual(10);
      expect(label).not.toMatch(/^[^:]+: /);
    }
    expect(labels.some((l) => /fire|sawmill/i.test(l))).toBe(true);
  });

  it("writes the headline from the main storyline's latest central fact, in ten words or fewer", () => {
    const briefing = buildBriefing([...strike, ...fire]);
    expect(words(briefing.headline)).toBeLessThanOrEqual(10);
    expect(briefing.headline).toMatch(/agreement|deal/i);
    expect(briefing.headline).not.toBe(strike[1]?.title);
  });

  it("falls back to the most central story's title when no lead sentence makes a headline", () => {
    const briefing = buildBriefing([
      story(
        "vox-1",
        "Orrinford ferry fares to double | Transport News",
        "“I cannot pay twice as much to get to work,” one commuter said. “We were never asked,” said another.",
      ),
    ]);
    expect(briefing.headline).toBe("Orrinford ferry fares to double");
    expect(briefing.storylines[0]?.label).toBe("Orrinford ferry fares to double");
  });

  it("never gives two storylines of one briefing the same label", () => {
    const prepared = prepareStories(strike, { maxCharsPerStory: 60_000, referenceDate: null }, []);
    const taken = new Set<string>();
    const first = labelStoryline({ stories: prepared, entities: [] }, new Map(), prepared.length, taken);
    const second = labelStoryline({ stories: prepared, entities: [] }, new Map(), prepared.length, taken);
    expect(second).not.toBe(first);
  });
});
