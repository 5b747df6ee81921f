import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@dispatch/db/testing";
import { createCaller } from "../root";
import { createInnerContext } from "../trpc";

let database: TestDatabase;

const STORIES = [
  {
    slug: "tram-budget",
    title: "Tram budget doubles",
    body: "The tram line budget doubled after the council vote. Riders were told the tram would open late.",
    source: "Gazette",
    day: 1,
  },
  {
    slug: "bus-budget",
    title: "Bus budget frozen",
    body: "The bus budget was frozen for a year. The council said the budget line stays flat.",
    source: "Wire",
    day: 2,
  },
  {
    slug: "tram-strike",
    title: "Tram drivers strike",
    body: "Tram drivers walked out on Monday. The strike closed every line in the city.",
    source: "Wire",
    day: 3,
  },
  {
    slug: "markup",
    title: "A <b>bold</b> headline",
    body: "Budget talks ended <script>alert(1)</script> without a deal on the tram.",
    source: "Gazette",
    day: 4,
  },
  {
    slug: "hidden",
    title: "Tram budget draft",
    body: "A draft about the tram budget nobody should see.",
    source: "Gazette",
    day: 5,
    status: "draft" as const,
  },
];

beforeAll(async () => {
  database = await createTestDatabase();
  const topic = await database.db.topic.create({ data: { slug: "trams", name: "Trams" } });
  for (const [index, story] of STORIES.entries()) {
    const source = await database.db.source.upsert({
      where: { name: story.source },
      create: { name: story.source },
      update: {},
    });
    const row = await database.db.story.create({
      data: {
        slug: story.slug,
        title: story.title,
        body: story.body,
        original: story.body,
        originalFormat: "text",
        contentHash: `hash-${index}`,
        sourceId: source.id,
        status: story.status ?? "published",
        publishedAt: new Date(Date.UTC(2026, 9, story.day)),
      },
    });
    if (story.slug.startsWith("tram"))
      await database.db.storyTopic.create({ data: { storyId: row.id, topicId: topic.id, origin: "manual" } });
  }
});
afterAll(async () => {
  await database.drop();
});

const search = (input: {
  q: string;
  topic?: string;
  source?: string;
  from?: Date;
  to?: Date;
  page?: number;
  pageSize?: number;
}) => createCaller(createInnerContext({ db: database.db })).search.stories(input);
const slugs = async (input: Parameters<typeof search>[0]) =>
  (await search(input)).hits.map((hit) => hit.slug);

describe("search.stories", () => {
  it("ranks a title match above a body match and leaves drafts out", async () => {
    const result = await search({ q: "tram" });
    expect(result.hits[0]?.slug).toMatch(/^tram-/);
    expect(result.hits.map((hit) => hit.slug)).not.toContain("hidden");
    expect(result.total).toBe(3);
  });

  it("understands quoted phrases, -exclude and OR", async () => {
    expect(await slugs({ q: '"budget doubled"' })).toEqual(["tram-budget"]);
    expect((await slugs({ q: "budget" })).sort()).toEqual(["bus-budget", "markup", "tram-budget"]);
    expect((await slugs({ q: "budget -tram" })).sort()).toEqual(["bus-budget"]);
    expect((await slugs({ q: "strike OR frozen" })).sort()).toEqual(["bus-budget", "tram-strike"]);
  });

  it("filters by topic, source and dates", async () => {
    expect((await slugs({ q: "budget", topic: "trams" })).sort()).toEqual(["tram-budget"]);
    expect((await slugs({ q: "budget", source: "Wire" })).sort()).toEqual(["bus-budget"]);
    expect(
      (
        await slugs({ q: "budget", from: new Date(Date.UTC(2026, 9, 2)), to: new Date(Date.UTC(2026, 9, 3)) })
      ).sort(),
    ).toEqual(["bus-budget"]);
  });

  it("highlights matches as segments and passes no story markup through", async () => {
    const [hit] = (await search({ q: "deal" })).hits;
    expect(hit?.snippet.some((segment) => segment.match && segment.text.toLowerCase() === "deal")).toBe(true);
    const text = hit?.snippet.map((segment) => segment.text).join("") ?? "";
    // ts_headline drops tags; what is left is text, and the page renders it as text.
    expect(text).toContain("alert(1)");
    expect(text).not.toContain("<script");
  });

  it("pages through results with a total", async () => {
    const first = await search({ q: "budget", pageSize: 2 });
    const second = await search({ q: "budget", pageSize: 2, page: 2 });
    expect(first.pageCount).toBe(2);
    expect([...first.hits, ...second.hits].map((hit) => hit.slug).sort()).toEqual([
      "bus-budget",
      "markup",
      "tram-budget",
    ]);
    expect((await search({ q: "budget", pageSize: 2, page: 9 })).total).toBe(3);
  });

  it("explains an empty or stop-word query and refuses bad input with a message", async () => {
    expect((await search({ q: "  " })).hits).toEqual([]);
    expect((await search({ q: "the" })).notice).toMatch(/no searchable words/);
    await expect(
      search({ q: "tram", from: new Date(Date.UTC(2026, 9, 5)), to: new Date(Date.UTC(2026, 9, 1)) }),
    ).rejects.toThrow(/after the “to” date/);
    await expect(search({ q: "x".repeat(300) })).rejects.toThrow(/under 200 characters/);
  });
});
