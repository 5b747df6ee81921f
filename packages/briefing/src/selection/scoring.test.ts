import { describe, expect, it } from "vitest";
import { buildBriefing } from "../build-briefing";
import { isFurnitureSentence } from "./furniture";
import { measureLexRank } from "./sentence-graph";

// Three outlets on one event, each pasted with the page furniture a scraper leaves behind:
// a photo caption written as a sentence above the lead, a share widget, an embedded post.
const stories = [
  {
    id: "harbour-gazette",
    title: "",
    source: "Harbour Gazette",
    publishedAt: null,
    body: [
      "Engineers inspect the cracked span of the Harlow Bridge in Saltmere, Tuesday, March 3, 2026.",
      "The Harlow Bridge in Saltmere will stay closed for six weeks after inspectors found a crack in its main steel span, the city council said on Tuesday.",
      "Click to share this story on Facebook (Opens in new window)",
      "About 40,000 drivers cross the bridge each day, and the council said ferries would add evening sailings during the closure.",
      "Repairs will cost an estimated 12 million pounds, council leader Maren Holt said.",
    ].join("\n\n"),
  },
  {
    id: "coast-daily",
    title: "",
    source: "Coast Daily",
    publishedAt: null,
    body: [
      "Commuters queue for the ferry at Saltmere harbour, Wednesday, March 4, 2026.",
      "Saltmere council has closed the Harlow Bridge for six weeks after inspectors found a crack in the bridge's main steel span.",
      "Click to share this story on Facebook (Opens in new window)",
      "Ferries will add evening sailings for the 40,000 drivers who cross the bridge each day.",
      "The repairs are expected to cost 12 million pounds, according to council leader Maren Holt.",
    ].join("\n\n"),
  },
  {
    id: "valley-post",
    title: "",
    source: "Valley Post",
    publishedAt: null,
    body: [
      "Bridge closed again, what a week for Saltmere commuters — Jo Pike (@jopike) March 3, 2026",
      "Inspectors found a crack in the main steel span of the Harlow Bridge, and Saltmere council closed it for six weeks on Tuesday.",
      "Click to share this story on Facebook (Opens in new window)",
      "Council leader Maren Holt said repairs would cost 12 million pounds and ferries would run extra evening sailings.",
    ].join("\n\n"),
  },
];

describe("selection leaves page furniture out", () => {
  const briefing = buildBriefing(stories);

  it("leads with the news, not the photo caption above it, even in a story no other outlet tells", () => {
    const alone = buildBriefing(stories.slice(0, 1));
    expect(alone.points[0]?.text).toMatch(/^The Harlow Bridge in Saltmere will stay closed/);
    expect(alone.overview[0]?.text).toMatch(/^The Harlow Bridge in Saltmere will stay closed/);
  });

  it("does not make a point of a caption, a share widget or an embedded post, even when every outlet repeats the widget", () => {
    const texts = briefing.points.map((p) => p.text).join("\n");
    expect(texts).not.toMatch(/Engineers inspect|Commuters queue|Click to share|@jopike/);
    expect(briefing.summary).not.toMatch(/Engineers inspect|Commuters queue|Click to share|@jopike/);
  });
});

describe("a story that is only page furniture", () => {
  it("gives no point, rather than a subscription notice", () => {
    const notice = {
      id: "paywall",
      title: "",
      source: "Ledger",
      publishedAt: null,
      body: "Ledger Reprints: this copy is for your personal, non-commercial use only.\n\nSubscribe to keep reading the Ledger's coverage of Saltmere.",
    };
    const briefing = buildBriefing([...stories, notice]);
    expect(briefing.points.length).toBeGreaterThan(0);
    expect(briefing.points.map((p) => p.text).join("\n")).not.toMatch(/Reprints|Subscribe/);
    expect(briefing.checks.ok).toBe(true);
  });
});

describe("isFurnitureSentence", () => {
  it("knows captions, embeds, widgets and teasers", () => {
    expect(
      isFurnitureSentence("FILE - In this photo, a crane lifts the last section of the span into place."),
    ).toBe(true);
    expect(
      isFurnitureSentence("A ferry leaves Saltmere harbour in this handout picture taken on March 4."),
    ).toBe(true);
    expect(
      isFurnitureSentence("The council's statement is pictured in this photo released by the city."),
    ).toBe(true);
    expect(isFurnitureSentence("Get our morning briefing in your inbox every day")).toBe(true);
    expect(isFurnitureSentence("Council leader Maren Holt said the bridge would reopen...")).toBe(true);
    expect(isFurnitureSentence("Watch the council leader's statement below:")).toBe(true);
  });

  it("keeps reporting, including dates with a year and a sentence that introduces a list", () => {
    expect(isFurnitureSentence("The bridge opened on March 3, 1961, and has been closed twice since.")).toBe(
      false,
    );
    expect(
      isFurnitureSentence(
        "Ferry operators said they would add sailings on three routes that the council listed as priorities:",
      ),
    ).toBe(false);
    expect(isFurnitureSentence("Holt said the council had subsidised the ferry since 2019.")).toBe(false);
  });
});

describe("measureLexRank", () => {
  const vector = (terms: string[]): Map<string, number> =>
    new Map(terms.map((t) => [t, 1 / Math.sqrt(terms.length)]));

  it("ranks a sentence that several others resemble above one on its own", () => {
    const lexRank = measureLexRank([
      vector(["bridge", "crack", "span", "closed"]),
      vector(["bridge", "crack", "span", "weeks"]),
      vector(["bridge", "crack", "closed", "weeks"]),
      vector(["mayor", "cake", "fair", "bridge"]),
    ]);
    expect(lexRank[0]).toBe(1);
    expect(lexRank[0]).toBeGreaterThan(lexRank[3] ?? 1);
  });
});
