import { describe, expect, it } from "vitest";
import { buildBriefing } from "../build-briefing";
import type { StoryInput, TimelineEvent } from "../types";

const p = (...paragraphs: string[]): string => paragraphs.join("\n\n");
const entryFor = (timeline: readonly TimelineEvent[], words: string): TimelineEvent | undefined =>
  timeline.find((e) => e.text.includes(words));

// Published on Thursday 14 March 2024.
const bridgeStory: StoryInput = {
  id: "bridge",
  title: "Harlow Street bridge to close for repairs",
  source: "Valley Courier",
  publishedAt: "2024-03-14T09:00:00Z",
  body: p(
    "Engineers closed the Harlow Street bridge to lorries on Tuesday after finding cracks in two of its supports.",
    "The council said the full repair would begin on November 10 and last about six weeks.",
    "Inspectors first reported rust on the bridge on 14 October, according to documents seen by the Courier.",
  ),
};

describe("timeline dates", () => {
  it("resolves dates written without a year against the publication date, and says so", () => {
    const { timeline } = buildBriefing([bridgeStory]);
    expect(entryFor(timeline, "closed the Harlow Street bridge")).toMatchObject({
      date: "2024-03-12",
      resolution: "relative",
      basis: "published",
      dateText: "Tuesday",
    });
    expect(entryFor(timeline, "full repair would begin")).toMatchObject({
      date: "2024-11-10",
      resolution: "relative",
      basis: "published",
    });
    expect(entryFor(timeline, "first reported rust")).toMatchObject({
      date: "2023-10-14",
      resolution: "relative",
      basis: "published",
    });
  });

  it("resolves them against the upload time when the story has no publication date, never leaving them undated", () => {
    const { timeline } = buildBriefing([
      { ...bridgeStory, publishedAt: null, uploadedAt: "2024-03-14T09:00:00Z" },
    ]);
    expect(timeline.length).toBeGreaterThanOrEqual(3);
    expect(timeline.filter((e) => e.date === null)).toEqual([]);
    expect(entryFor(timeline, "closed the Harlow Street bridge")).toMatchObject({
      date: "2024-03-12",
      resolution: "relative",
      basis: "uploaded",
    });
    expect(entryFor(timeline, "full repair would begin")).toMatchObject({
      date: "2024-11-10",
      basis: "uploaded",
    });
  });

  it("prefers the publication date to the upload time", () => {
    const { timeline } = buildBriefing([{ ...bridgeStory, uploadedAt: "2025-01-02T09:00:00Z" }]);
    expect(entryFor(timeline, "closed the Harlow Street bridge")).toMatchObject({
      date: "2024-03-12",
      basis: "published",
    });
  });

  it("keeps relative dates unresolved when the story has neither date", () => {
    const { timeline } = buildBriefing([{ ...bridgeStory, publishedAt: null }]);
    expect(entryFor(timeline, "closed the Harlow Street bridge")).toMatchObject({
      date: null,
      resolution: "unresolved",
      basis: null,
    });
  });

  it("marks dates written with a year as absolute, with no basis", () => {
    const { timeline } = buildBriefing([
      {
        id: "dam",
        title: "Dam inquiry",
        source: "Valley Courier",
        publishedAt: null,
        body: "The old dam on the Skell failed on 3 May 2019 after a week of heavy rain upstream.",
      },
    ]);
    expect(entryFor(timeline, "old dam")).toMatchObject({
      date: "2019-05-03",
      resolution: "absolute",
      basis: null,
    });
  });
});

describe("timeline: the date of what happened", () => {
  const envoyStory: StoryInput = {
    id: "envoy",
    title: "Envoy says Marovia will join the alliance",
    source: "Harbour Times",
    publishedAt: "2024-11-04T08:00:00Z",
    body: p(
      "Envoy Lena Brandt told reporters on Saturday that Marovia would join the alliance the Union has led since 2014 against the river pirates.",
      "Brandt said the alliance, which was first formed in 2014, had cleared the lower river between 2015 and 2018.",
      "The Marovian navy, founded in 1990, sent two patrol boats to the delta in September.",
    ),
  };
  const { timeline } = buildBriefing([envoyStory]);

  it("dates a recent remark by when it was made, not by a year named as background", () => {
    expect(entryFor(timeline, "told reporters on Saturday")).toMatchObject({
      date: "2024-11-02",
      dateText: "Saturday",
    });
    expect(timeline.some((e) => e.date === "2014")).toBe(false);
  });

  it("leaves out sentences whose only dates are background", () => {
    expect(entryFor(timeline, "had cleared the lower river")).toBeUndefined();
  });

  it("dates an event by its own clause, not by when its subject was founded", () => {
    expect(entryFor(timeline, "sent two patrol boats")).toMatchObject({
      date: "2024-09",
      precision: "month",
    });
  });
});

describe("timeline: one entry per event", () => {
  const first: StoryInput = {
    id: "a-gazette",
    title: "Ferry operator cancels winter sailings",
    source: "Island Gazette",
    publishedAt: "2024-02-08T10:00:00Z",
    body: p(
      "Skerry Lines cancelled all its winter sailings to Inishmore on Tuesday, blaming a shortage of qualified crew.",
      "Islanders said the decision left them without a ferry for the first time in forty years.",
    ),
  };
  const second: StoryInput = {
    id: "b-radio",
    title: "Islanders angry as ferries stop",
    source: "West Coast Radio",
    publishedAt: "2024-02-08T15:00:00Z",
    body: p(
      "Winter crossings to Inishmore were scrapped by Skerry Lines on Tuesday because too few crew had the right certificates.",
      "The island's only doctor said patients would have to fly to hospital appointments.",
    ),
  };

  it("merges the same event told by two outlets into one entry citing both", () => {
    const { timeline } = buildBriefing([first, second]);
    const onTuesday = timeline.filter((e) => e.date === "2024-02-06");
    expect(onTuesday).toHaveLength(1);
    expect(onTuesday[0]?.citations.map((c) => c.storyId).sort()).toEqual(["a-gazette", "b-radio"]);
  });

  it("keeps different events on the same day apart", () => {
    const third: StoryInput = {
      id: "c-courier",
      title: "Mainland council approves new harbour wall",
      source: "Island Gazette",
      publishedAt: "2024-02-08T11:00:00Z",
      body: "The mainland council approved a new harbour wall at Rossaveel on Tuesday after a vote of nine to four.",
    };
    const { timeline } = buildBriefing([first, second, third]);
    expect(timeline.filter((e) => e.date === "2024-02-06")).toHaveLength(2);
  });
});

describe("timeline: only sentences that report something happening", () => {
  const story: StoryInput = {
    id: "scam",
    title: "Police warn of delivery text scam",
    source: "Valley Courier",
    publishedAt: "2024-06-14T09:00:00Z",
    body: p(
      "If you got a text on Tuesday asking you to pay a delivery fee, don't click it.",
      "Don't reply to messages sent on Wednesday from unknown numbers either.",
      "Police arrested two men in Carlow on Thursday in connection with the messages.",
      "Is the bank liable for what was taken on Monday?",
    ),
  };
  const { timeline } = buildBriefing([story]);

  it("keeps the event and leaves out advice, instructions and questions", () => {
    expect(entryFor(timeline, "Police arrested two men")).toMatchObject({ date: "2024-06-13" });
    expect(entryFor(timeline, "don't click it")).toBeUndefined();
    expect(entryFor(timeline, "Don't reply")).toBeUndefined();
    expect(entryFor(timeline, "Is the bank liable")).toBeUndefined();
  });
});

describe("timeline entries read alone", () => {
  const mayorStory: StoryInput = {
    id: "mayor",
    title: "Mayor Ines Calloway opens the Harlow ferry",
    source: "Valley Courier",
    publishedAt: "2024-06-07T09:00:00Z",
    body: p(
      "Mayor Ines Calloway opened the new Harlow ferry terminal on Friday in front of a crowd of several hundred people.",
      "She first proposed the ferry link in March, after the Harlow Street bridge closed to lorries.",
      "However, the ferry operator said on Thursday that winter sailings would be cut to two a day.",
    ),
  };

  it("names who a pronoun stands for, in brackets, and drops a leading connective, keeping the cited span exact", () => {
    const { timeline } = buildBriefing([mayorStory]);
    const proposal = entryFor(timeline, "first proposed the ferry link");
    expect(proposal?.text.startsWith("[Ines Calloway] first proposed")).toBe(true);
    const cut = entryFor(timeline, "winter sailings");
    expect(cut?.text.startsWith("The ferry operator said")).toBe(true);
    const citation = cut?.citations[0];
    expect(citation && mayorStory.body.slice(citation.start, citation.end)).toBe(
      cut?.text.replace(/^T/, "t"),
    );
  });

  it("passes the briefing's own checks with a trimmed entry (citations resolve, the shown text is the cited text)", () => {
    const { checks } = buildBriefing([mayorStory]);
    expect(checks.results.filter((r) => !r.ok)).toEqual([]);
  });
});
