// Each upload format end to end, on fixtures written for this package (test/fixtures).

import { describe, expect, it } from "vitest";
import { parseText, parseUpload, toStoryJson } from "../src/index";
import { getOnlyStory, getRejection, getStories, readFixture, readFixtureText } from "./fixture-loading";

describe("bundle format", () => {
  it("gives one story per article, with the topic line as every story's topicHint", async () => {
    const results = await parseUpload({
      name: "harbour-bundle.txt",
      bytes: readFixture("harbour-bundle.txt"),
    });
    const stories = getStories(results);
    expect(results.map((result) => result.item)).toEqual([
      "harbour-bundle.txt#1",
      "harbour-bundle.txt#2",
      "harbour-bundle.txt#3",
    ]);
    expect(stories.map((story) => story.title)).toEqual([
      "Port of Valdera reopens after week-long dock strike, as ministers promise pay review",
      "Valdera dock strike ends but shipping backlog grows",
      "Fishing fleet welcomes harbour deal",
    ]);
    expect(stories.map((story) => story.topicHint)).toEqual(["harbour", "harbour", "harbour"]);
    expect(stories.every((story) => story.format === "bundle")).toBe(true);
  });

  it("keeps each article's own chunk verbatim as its original", async () => {
    const text = readFixtureText("harbour-bundle.txt");
    const stories = getStories(await parseUpload({ name: "harbour-bundle.txt", bytes: text }));
    for (const story of stories) expect(text).toContain(story.original);
    expect(stories[2]?.original.startsWith("Fishing fleet welcomes harbour deal")).toBe(true);
    expect(stories[2]?.original.endsWith("Source link")).toBe(true);
  });

  it("does not take a one-line headline for a topic line", () => {
    const text =
      "Storm closes ferry route\n\nThe ferry between the islands was cancelled on Friday because of high winds.\n\nSource link\n";
    const story = getOnlyStory(parseText(text));
    expect(story.topicHint).toBeNull();
    expect(story.title).toBe("Storm closes ferry route");
  });

  it("parses a last article that lacks its Source link line, with a warning", () => {
    const text =
      "ferries\n\nFirst ferry story\n\nThe first ferry sailed at dawn.\n\nSource link\n\nSecond ferry story\n\nThe second ferry sailed at noon.";
    const stories = getStories(parseText(text));
    expect(stories).toHaveLength(2);
    expect(stories[1]?.warnings.join(" ")).toMatch(/no “Source link” line/);
  });
});

describe("plain text", () => {
  it("takes the first line as the title and keeps the paragraphs", () => {
    const story = getOnlyStory(
      parseText(
        "Library opens late on Thursdays\n\nThe library will stay open until 9pm.\n\nStaff said demand was high.",
        { name: "note.txt" },
      ),
    );
    expect(story).toMatchObject({
      title: "Library opens late on Thursdays",
      format: "text",
      publishedAt: null,
      source: null,
    });
    expect(story.body).toBe("The library will stay open until 9pm.\n\nStaff said demand was high.");
  });

  it("joins hard-wrapped prose back into paragraphs", () => {
    const text =
      "Council delays budget vote\n\nThe council has delayed its budget vote by a\nweek after members asked for more time to\nread the proposals and hear from residents\nabout the cuts.";
    const story = getOnlyStory(parseText(text));
    expect(story.body).toBe(
      "The council has delayed its budget vote by a week after members asked for more time to read the proposals and hear from residents about the cuts.",
    );
  });
});

describe("markdown", () => {
  it("honours front matter and strips Markdown syntax", async () => {
    const story = getOnlyStory(
      await parseUpload({ name: "canal-article.md", bytes: readFixture("canal-article.md") }),
    );
    expect(story).toMatchObject({
      title: "Canal locks restored after two-year repair",
      dek: "Volunteers and engineers finished the work a month early.",
      byline: ["Priya Okafor", "Jonah Lindqvist"],
      source: "The Riverside Courier",
      url: "https://riverside-courier.example/news/canal-locks-restored",
      publishedAt: "2024-05-14T00:00:00.000Z",
      topicHint: "waterways",
      format: "markdown",
    });
    expect(story.body.startsWith("The Millbrook canal locks reopened")).toBe(true);
    expect(story.body).toContain("volunteers from the Millbrook Canal Trust gave");
    expect(story.body).not.toMatch(/[*#!]|\]\(/);
    expect(story.dropped).toContainEqual({
      text: "A narrowboat passes through the restored lock gates",
      reason: "image (markdown)",
    });
  });

  it("never runs JavaScript front matter", () => {
    const marker = globalThis as { ingestFrontMatterRan?: boolean };
    const text =
      "---js\n{ title: (globalThis.ingestFrontMatterRan = true, 'x') }\n---\n# A heading\n\nBody text here.";
    const story = getOnlyStory(parseText(text, { name: "evil.md" }));
    expect(marker.ingestFrontMatterRan).toBeUndefined();
    expect(story.warnings.join(" ")).toMatch(/front matter ignored/);
  });
});

describe("HTML pages", () => {
  it("extracts the article and reads metadata from meta tags, OpenGraph and JSON-LD", async () => {
    const story = getOnlyStory(
      await parseUpload({
        name: "tram-article.html",
        bytes: readFixture("tram-article.html"),
        contentType: "text/html",
      }),
    );
    expect(story).toMatchObject({
      title: "City approves new tram line to the airport",
      dek: "The line will open in 2028 and cost about £400m.",
      byline: ["Sam Adeyemi", "Rhona Castell"],
      source: "BBC",
      url: "https://www.bbc.co.uk/news/articles/tram-line-example",
      publishedAt: "2025-03-04T09:30:00.000Z",
      format: "html",
    });
    const paragraphs = story.body.split("\n\n");
    expect(paragraphs).toHaveLength(6);
    expect(paragraphs[0]).toMatch(/^Councillors have approved/);
    expect(story.body).not.toMatch(/Home|footer|Advertisement|injected|Getty/);
  });

  it("lets no script, event handler or javascript: URL through, and says what it removed", async () => {
    const story = getOnlyStory(
      await parseUpload({ name: "tram-article.html", bytes: readFixture("tram-article.html") }),
    );
    expect(`${story.title}\n${story.body}`).not.toMatch(/alert|steal|tracker|javascript:|cookie|onclick/i);
    expect(story.body).toContain("cut journey times to the airport");
    const removed = story.dropped
      .filter((entry) => entry.reason === "active content removed by the sanitizer")
      .map((entry) => entry.text);
    expect(removed).toEqual(
      expect.arrayContaining(["2 × <script> element", "3 × on… event handler", "1 × javascript: URL"]),
    );
    expect(story.original).toBe(readFixtureText("tram-article.html"));
  });

  it("falls back to the page's text when Readability finds no article block", () => {
    const story = getOnlyStory(
      parseText(
        "<html><head><title>Short note</title></head><body><p>Just one short line of text.</p></body></html>",
        { name: "note.html" },
      ),
    );
    expect(story.title).toBe("Short note");
    expect(story.body).toBe("Just one short line of text.");
  });
});

describe("JSON and NDJSON", () => {
  it("parses each array item on its own; a bad item is rejected with its index, the others kept", async () => {
    const results = await parseUpload({
      name: "market-stories.json",
      bytes: readFixture("market-stories.json"),
    });
    expect(results.map((result) => [result.item, result.ok])).toEqual([
      ["market-stories.json[0]", true],
      ["market-stories.json[1]", true],
      ["market-stories.json[2]", false],
      ["market-stories.json[3]", true],
      ["market-stories.json[4]", false],
    ]);
    expect(getRejection(results, "market-stories.json[2]")).toMatchObject({
      code: "INVALID_INPUT",
      message: expect.stringContaining("not a story object"),
    });
    expect(getRejection(results, "market-stories.json[4]").code).toBe("TITLE_ONLY");

    const [first, second, third] = getStories(results);
    expect(first).toMatchObject({
      byline: ["Dev Ramnath", "Ines Calloway"],
      source: "Hillford Gazette",
      publishedAt: "2025-04-02T08:00:00.000Z",
      format: "json",
    });
    expect(second).toMatchObject({ byline: ["Ines Calloway"], publishedAt: "2025-04-02T00:00:00.000Z" });
    expect(third?.body).toBe(
      "Repairs to the leisure centre roof finished two weeks ahead of schedule.\n\nThe pool reopens on Saturday.",
    );
  });

  it("reads NDJSON line by line and names the bad line", async () => {
    const results = await parseUpload({
      name: "market-stories.ndjson",
      bytes: readFixture("market-stories.ndjson"),
    });
    expect(results.map((result) => [result.item, result.ok])).toEqual([
      ["market-stories.ndjson:1", true],
      ["market-stories.ndjson:2", false],
      ["market-stories.ndjson:4", true],
      ["market-stories.ndjson:5", false],
    ]);
    expect(getRejection(results, "market-stories.ndjson:2")).toMatchObject({
      code: "INVALID_INPUT",
      message: expect.stringMatching(/line 2 is not valid JSON.*other lines were still read/),
    });
    expect(getRejection(results, "market-stories.ndjson:5").code).toBe("EMPTY");
    expect(getStories(results)[1]?.byline).toEqual(["Maya Brook", "Leo Tran"]);
  });

  it("detects NDJSON content in a .json file and a wrapper object with an items array", () => {
    const lines = '{"title":"One","body":"First body."}\n{"title":"Two","body":"Second body."}\n';
    expect(getStories(parseText(lines, { name: "export.json" })).map((story) => story.format)).toEqual([
      "ndjson",
      "ndjson",
    ]);
    const wrapped = JSON.stringify({
      title: "Valley Weekly",
      items: [{ title: "One", content_text: "First body." }],
    });
    expect(getOnlyStory(parseText(wrapped, { name: "feed.json" }))).toMatchObject({
      title: "One",
      body: "First body.",
      source: "Valley Weekly",
    });
  });
});

describe("RSS and Atom", () => {
  it("gives one story per RSS item with full content:encoded cleaned to text", async () => {
    const results = await parseUpload({ name: "hillford-feed.rss", bytes: readFixture("hillford-feed.rss") });
    const [solar, cafe] = getStories(results);
    expect(solar).toMatchObject({
      title: "Bus station to get solar roof & new shelters",
      dek: "The bus station will be the first public building in Hillford with solar panels.",
      byline: ["Ines Calloway"],
      source: "Hillford Gazette",
      url: "https://hillford-gazette.example/bus-solar-roof",
      publishedAt: "2025-05-06T10:15:00.000Z",
      format: "rss",
    });
    expect(solar?.body).toBe(
      "The bus station will get a solar roof and twelve new shelters this summer, the council said.\n\nThe panels are expected to cover most of the station’s electricity use.",
    );
    expect(solar?.dropped.map((entry) => entry.reason)).toEqual(
      expect.arrayContaining(["photo caption (figcaption)", "widget: share/save button"]),
    );
    expect(solar?.original).toMatch(/^<item>[\s\S]*<\/item>$/);
    expect(cafe?.body).toBe("The cafe in Riverside Park has reopened after being closed for a year.");
    expect(cafe?.warnings.join(" ")).toMatch(/only a summary/);
  });

  it("gives one story per Atom entry, including XHTML content and HTML titles", async () => {
    const [flood, ferry] = getStories(
      await parseUpload({ name: "hillford-feed.atom", bytes: readFixture("hillford-feed.atom") }),
    );
    expect(flood).toMatchObject({
      title: "Flood defences finished ahead of winter",
      byline: ["Oren Blake"],
      source: "Valley Weekly",
      url: "https://valley-weekly.example/flood-defences",
      publishedAt: "2025-06-01T09:00:00.000Z",
      body: "New flood walls along the river were finished this week, two months before the wet season.\n\nThe walls protect about 400 homes.",
      format: "atom",
    });
    expect(ferry?.publishedAt).toBe("2025-06-02T07:00:00.000Z");
  });
});

describe("format detection", () => {
  it.each([
    {
      label: ".md extension",
      name: "a.md",
      contentType: undefined,
      text: "# Title\n\nBody text.",
      expected: "markdown",
    },
    {
      label: ".txt extension",
      name: "a.txt",
      contentType: undefined,
      text: "Title\n\nBody text.",
      expected: "text",
    },
    {
      label: "text/html content type",
      name: undefined,
      contentType: "text/html; charset=utf-8",
      text: "<p>Title</p><p>Body text.</p>",
      expected: "html",
    },
    {
      label: "HTML doctype",
      name: undefined,
      contentType: undefined,
      text: "<!DOCTYPE html><html><head><title>T</title></head><body><p>Body text.</p></body></html>",
      expected: "html",
    },
    {
      label: "RSS in a .xml file",
      name: "feed.xml",
      contentType: undefined,
      text: readFixtureText("hillford-feed.rss"),
      expected: "rss",
    },
    {
      label: "Atom root, no name",
      name: undefined,
      contentType: undefined,
      text: readFixtureText("hillford-feed.atom"),
      expected: "atom",
    },
    {
      label: "JSON array, no name",
      name: undefined,
      contentType: undefined,
      text: '[{"title":"T","body":"Body text."}]',
      expected: "json",
    },
    {
      label: "front matter, no name",
      name: undefined,
      contentType: undefined,
      text: "---\ntitle: T\n---\nBody text.",
      expected: "markdown",
    },
    {
      label: "Source link lines in a .txt",
      name: "paste.txt",
      contentType: undefined,
      text: "Title\n\nBody text.\n\nSource link",
      expected: "bundle",
    },
  ])("$label → $expected", ({ name, contentType, text, expected }) => {
    const [result] = parseText(text, { name, contentType });
    expect(result?.ok && result.story.format).toBe(expected);
  });

  it("refuses XML that is not a feed", () => {
    expect(
      getRejection(parseText("<?xml version='1.0'?><catalog><book/></catalog>", { name: "books.xml" })),
    ).toMatchObject({ code: "UNSUPPORTED_TYPE" });
  });
});

describe("toStoryJson", () => {
  it("gives the CLI the story fields without the verbatim original", () => {
    const json = toStoryJson(getOnlyStory(parseText("A title here\n\nA body here.")));
    expect(Object.keys(json).sort()).toEqual([
      "body",
      "byline",
      "dek",
      "dropped",
      "format",
      "publishedAt",
      "source",
      "title",
      "topicHint",
      "url",
      "warnings",
    ]);
  });
});
