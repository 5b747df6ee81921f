import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@dispatch/db/testing";
import { createCaller } from "../root";
import { createInnerContext } from "../trpc";
import { searchStories } from "./search";

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
  // A broad word: 1,050 newer stories mention herons once in the body; the oldest story of all
  // is *about* herons (title). Bounded ranking must still put it first.
  const gazette = await database.db.source.findUniqueOrThrow({ where: { name: "Gazette" } });
  await database.db.story.createMany({
    data: Array.from({ length: HERON_STORIES }, (_, index) => ({
      slug: `heron-${index}`,
      title: `Harbour notes ${index}`,
      body: `Boats came and went. A heron was seen near pier ${index}. The tide turned at noon.`,
      original: "-",
      originalFormat: "text",
      contentHash: `heron-${index}`,
      sourceId: gazette.id,
      publishedAt: new Date(Date.UTC(2025, 0, 1) + index * 3_600_000),
    })),
  });
  await database.db.story.create({
    data: {
      slug: "heron-colony",
      title: "Herons return to the estuary colony",
      body: "The colony of herons on the estuary grew again this spring, wardens said.",
      original: "-",
      originalFormat: "text",
      contentHash: "heron-colony",
      publishedAt: new Date(Date.UTC(2020, 0, 1)),
    },
  });
  // The match sits ~3,000 characters in, past any excerpt taken from the start.
  await database.db.story.create({
    data: {
      slug: "long-read",
      title: "A long read about the coast",
      body: `${"The coast road runs past fields and dunes for many miles. ".repeat(50)}At last the ferry to Quarrow appears.`,
      original: "-",
      originalFormat: "text",
      contentHash: "long-read",
      publishedAt: new Date(Date.UTC(2024, 5, 1)),
    },
  });
});
afterAll(async () => {
  await database.drop();
});

const HERON_STORIES = 1_050;

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

describe("search.stories at scale", () => {
  it("stops counting at 1,000 and says more match", async () => {
    const result = await search({ q: "heron" });
    expect(result.total).toBe(1000);
    expect(result.totalCapped).toBe(true);
    // Below the cap the count is exact.
    const few = await search({ q: "tram" });
    expect([few.total, few.totalCapped]).toEqual([3, false]);
  });

  it("ranks over a bounded set yet puts the story about the word first, however old", async () => {
    const result = await search({ q: "heron" });
    expect(result.hits[0]?.slug).toBe("heron-colony");
    // The rest are the newest mentions, newest first (equal rank).
    expect(result.hits[1]?.slug).toBe(`heron-${HERON_STORIES - 1}`);
  });

  it("pages through the ranked results without repeats, and past them says how many match", async () => {
    const seen = new Set<string>();
    const first = await search({ q: "heron", pageSize: 50 });
    expect(first.pageCount).toBeGreaterThan(1);
    for (let page = 1; page <= first.pageCount; page += 1) {
      for (const hit of (await search({ q: "heron", pageSize: 50, page })).hits) {
        expect(seen.has(hit.slug)).toBe(false);
        seen.add(hit.slug);
      }
    }
    expect(seen.size).toBeGreaterThanOrEqual(150);
    const past = await search({ q: "heron", pageSize: 50, page: first.pageCount + 1 });
    expect(past.hits).toEqual([]);
    expect([past.total, past.totalCapped]).toEqual([1000, true]);
  });

  it("highlights a match deep in a long body", async () => {
    // "ferries" is stored as the stem "ferri"; the snippet is cut around "ferry" all the same.
    const [hit] = (await search({ q: "ferries" })).hits;
    expect(hit?.slug).toBe("long-read");
    expect(hit?.snippet.some((segment) => segment.match && segment.text === "ferry")).toBe(true);
    expect(hit?.snippet.map((segment) => segment.text).join("")).toContain("Quarrow");
  });

  it("gives the same results when matches are read in small date windows", async () => {
    // Windows of 2 and 4 stories put every match of the small corpus in a different window.
    const tiny = { countCap: 1000, newest: 150, head: 50, windows: [2, 4] as [number, number] };
    const inputs = [
      { q: "budget" },
      { q: "budget", topic: "trams" },
      { q: "budget", source: "Wire" },
      { q: "budget", from: new Date(Date.UTC(2026, 9, 2)), to: new Date(Date.UTC(2026, 9, 3)) },
      { q: "tram OR strike" },
      { q: '"budget doubled"' },
    ];
    for (const input of inputs) {
      const full = { ...input, page: 1, pageSize: 10 };
      const windowed = await searchStories(database.db, full, tiny);
      const plain = await searchStories(database.db, full);
      expect(windowed.hits.map((hit) => hit.slug)).toEqual(plain.hits.map((hit) => hit.slug));
      expect(windowed.total).toBe(plain.total);
    }
  });
});
