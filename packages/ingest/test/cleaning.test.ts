// Cleaning rules, each on a small paste: captions, widgets, title suffixes, bylines, publisher, dates.

import { describe, expect, it } from "vitest";
import { parseText, parseUpload } from "../src/index";
import { stripTitleSuffix } from "../src/title-suffix";
import { getOnlyStory, getStories, readFixture } from "./fixture-loading";

/** One pasted article with `lines` between a title and a closing real paragraph. */
function parsePaste(lines: string[]): ReturnType<typeof getOnlyStory> {
  const text = [
    "Harbour master retires after forty years",
    ...lines,
    "The harbour master will hand over to her deputy in May.",
  ].join("\n\n");
  return getOnlyStory(parseText(text, { name: "paste.txt" }));
}

describe("photo captions and credits", () => {
  it("drops alt text that starts and ends with an agency credit", () => {
    const story = parsePaste([
      "Getty Images A harbour master in a navy coat waves from the end of the pier. Getty Images",
    ]);
    expect(story.dropped).toContainEqual({
      text: expect.stringMatching(/^Getty Images A harbour/),
      reason: "photo caption with agency credit",
    });
    expect(story.body).not.toContain("navy coat");
  });

  it.each([
    "Boats wait outside the harbour on Tuesday. EPA-EFE",
    "Fishermen unload their catch at dawn. Reuters",
    "The old lighthouse, seen from the pier. AFP via Getty Images",
    "AP Crowds gather on the quay to watch the tall ships arrive",
  ])("drops the credited caption %j", (caption) => {
    const story = parsePaste([caption]);
    expect(story.dropped.map((entry) => entry.text)).toContain(caption);
    expect(story.body).not.toContain(caption);
  });

  it("drops visible captions: (file photo) notes and the caption under credited alt text", () => {
    const story = parsePaste([
      "Reuters The harbour at low tide, with boats resting on the mud. Reuters",
      "The harbour has been run by the same family for a century",
      "The new harbour master at her desk (file picture)",
    ]);
    expect(story.dropped.map((entry) => entry.reason)).toEqual([
      "photo caption with agency credit",
      "photo caption",
      "photo caption",
    ]);
  });

  it("drops image descriptions such as 'Map showing …'", () => {
    expect(parsePaste(["Map showing the harbour and the new breakwater"]).dropped).toContainEqual({
      text: "Map showing the harbour and the new breakwater",
      reason: "image description",
    });
  });

  it("keeps real sentences that merely mention an agency", () => {
    const sentences = [
      "Reuters reported that the harbour had lost money for three years.",
      "The Reuters news agency said the port would be sold.",
      "A spokesman told AFP the sale would go ahead.",
      "Getty Images, the photo agency, bought the harbour archive last year.",
    ];
    const story = parsePaste(sentences);
    for (const sentence of sentences) expect(story.body).toContain(sentence);
    expect(story.dropped).toEqual([]);
  });
});

describe("widget residue", () => {
  it.each([
    ["Recommended Stories", "widget: recommended stories"],
    ["list of 5 itemsend of list", "widget: list marker"],
    ["list of 12 items", "widget: list marker"],
    ["end of list", "widget: list marker"],
    ["Watch: The harbour master's last day at work", "teaser (watch/read-more link)"],
    ["Read more: Why small harbours are struggling", "teaser (watch/read-more link)"],
    ["Share", "widget: share/save button"],
    ["Save", "widget: share/save button"],
    ["ADVERTISEMENT", "advertisement"],
    ["Sign up for our morning newsletter", "widget: newsletter/subscribe"],
  ])("drops %j as %s", (line, reason) => {
    const story = parsePaste([
      "The harbour master started work in 1985 as a deckhand on the pilot boat.",
      line,
    ]);
    expect(story.dropped).toContainEqual({ text: line, reason });
    expect(story.body).not.toContain(line);
  });

  it("keeps a subheading inside the article", () => {
    const story = parsePaste([
      "She started work in 1985 as a deckhand on the pilot boat.",
      "A life on the water",
      "Her first job was painting hulls.",
    ]);
    expect(story.body).toContain("A life on the water");
  });
});

describe("title suffixes", () => {
  it.each([
    ["Harbour master retires | Coastal affairs News", "Harbour master retires", "Al Jazeera"],
    ["Harbour master retires - BBC News", "Harbour master retires", "BBC"],
    ["Harbour master retires | World news | The Guardian", "Harbour master retires", "The Guardian"],
    ["Harbour master retires – Reuters", "Harbour master retires", "Reuters"],
  ])("strips %j", (raw, title, source) => {
    expect(stripTitleSuffix(raw)).toMatchObject({ title, source });
  });

  it("leaves titles whose dash is part of the headline", () => {
    expect(stripTitleSuffix("Harbour fees - what changes in April").title).toBe(
      "Harbour fees - what changes in April",
    );
    expect(stripTitleSuffix("Fees rise | Opinion").title).toBe("Fees rise | Opinion");
  });

  it("records the stripped suffix in dropped and uses it for the source", () => {
    const story = getOnlyStory(
      parseText("Harbour master retires - BBC News\n\nShe ran the harbour for forty years."),
    );
    expect(story).toMatchObject({ title: "Harbour master retires", source: "BBC" });
    expect(story.dropped).toContainEqual({ text: "- BBC News", reason: "section/site suffix on title" });
  });
});

describe("bylines", () => {
  it("splits names glued to 'and' in a pasted byline block", async () => {
    const [first] = getStories(
      await parseUpload({ name: "harbour-bundle.txt", bytes: readFixture("harbour-bundle.txt") }),
    );
    expect(first?.byline).toEqual(["Mara Quinn", "Tobias Fenwick"]);
    expect(first?.body).not.toMatch(/Quinn|Fenwick/);
  });

  it.each([
    [["By Anna Kowalski"], ["Anna Kowalski"]],
    [["By Anna Kowalski and Tom Reyes"], ["Anna Kowalski", "Tom Reyes"]],
    [["Anna Kowalski, Tom Reyes and Lee Park"], ["Anna Kowalski", "Tom Reyes", "Lee Park"]],
    [
      ["Anna Kowalski and", "Tom Reyes"],
      ["Anna Kowalski", "Tom Reyes"],
    ],
    [["By Anna Kowalski, BBC News"], ["Anna Kowalski"]],
  ])("reads %j as %j", (lines, names) => {
    expect(parsePaste(lines).byline).toEqual(names);
  });

  it("keeps a surname that ends in 'and' when no second name follows", () => {
    expect(parsePaste(["Maria Holland"]).byline).toEqual(["Maria Holland"]);
  });

  it("only looks for bylines at the top, not in the middle of the article", () => {
    const story = parsePaste([
      "The harbour master started work in 1985 as a deckhand on the pilot boat, she said.",
      "Sophie Turner",
    ]);
    expect(story.byline).toEqual([]);
    expect(story.body).toContain("Sophie Turner");
  });
});

describe("publisher", () => {
  it.each([
    ["Piers are being repaired. BBC News has not independently verified the costs.", "BBC"],
    ["Reporting from the quay, Al Jazeera’s Omar Haddad said crowds had gathered.", "Al Jazeera"],
    ["The Kyiv Independent has not independently verified the footage.", "The Kyiv Independent"],
  ])("finds the outlet named in the text of %j", (sentence, source) => {
    expect(parsePaste([sentence]).source).toBe(source);
  });

  it("does not take an outlet that is only cited as the publisher", () => {
    expect(parsePaste(["The harbour was sold, the Reuters news agency reported."]).source).toBeNull();
  });

  it("prefers the URL's domain, and falls back to the bare host for unknown outlets", () => {
    const known = getOnlyStory(
      parseText(
        JSON.stringify({
          title: "Harbour sale",
          body: "The harbour was sold.",
          url: "https://www.aljazeera.com/news/x",
        }),
      ),
    );
    expect(known.source).toBe("Al Jazeera");
    const unknown = getOnlyStory(
      parseText(
        JSON.stringify({
          title: "Harbour sale",
          body: "The harbour was sold.",
          url: "https://www.portsmouth-tide.example/x",
        }),
      ),
    );
    expect(unknown.source).toBe("portsmouth-tide.example");
  });
});

describe("dates", () => {
  it("leaves publishedAt empty when nothing says the date, never 'now'", () => {
    expect(parsePaste([]).publishedAt).toBeNull();
  });

  it("warns about a date it cannot read", () => {
    const story = getOnlyStory(
      parseText(
        JSON.stringify({ title: "Harbour sale", body: "The harbour was sold.", date: "last Tuesday-ish" }),
      ),
    );
    expect(story.publishedAt).toBeNull();
    expect(story.warnings.join(" ")).toMatch(/could not read the date "last Tuesday-ish"/);
  });

  it("reads a zone-less time as UTC", () => {
    const story = getOnlyStory(
      parseText(
        JSON.stringify({ title: "Harbour sale", body: "The harbour was sold.", date: "2 April 2025 14:30" }),
      ),
    );
    expect(story.publishedAt).toBe("2025-04-02T14:30:00.000Z");
  });
});
