// The reader's one-query-a-page procedures on a real database, through the router (so their
// output schemas are checked too): every state a page can be in, the search form's rules, and
// that the home page reads briefings in a fixed number of queries whatever the topic count.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addTestStory, createTestDatabase, type TestDatabase } from "@dispatch/db/testing";
import { createCaller } from "../../root";
import { createInnerContext } from "../../trpc";
import { rebuildBriefing } from "../briefings";
import { getHomePage } from "./home-page";

let database: TestDatabase;
const anonymous = () => createCaller(createInnerContext({ db: database.db }));

// Our own text: a harbour dispute told by two outlets, and a topic with no stories yet.
const STORIES = [
  {
    slug: "quay-dispute",
    source: "Harbour Times",
    title: "Dockers at Pellam quay walk out over rotas",
    body:
      "Dockers at Pellam quay walked out on Monday over new shift rotas, the union said.\n" +
      "Union organiser Tess Arden said the rotas cut rest days without notice.\n" +
      "Cargo ships were held at anchor outside the breakwater.",
    publishedAt: "2026-11-20T09:00:00Z",
  },
  {
    slug: "quay-talks",
    source: "Coast Ledger",
    title: "Talks begin to end Pellam quay walkout",
    body:
      "Talks to end the Pellam quay walkout began on Wednesday, the port authority said.\n" +
      "Union organiser Tess Arden said the dockers wanted the old rotas restored.\n" +
      "The authority said three ships had been diverted to Marrow Bay.",
    publishedAt: "2026-11-22T09:00:00Z",
  },
  {
    slug: "quay-pulled",
    source: "Harbour Times",
    title: "Pellam quay rota row reaches council",
    body: "The Pellam quay rota row reached the town council on Thursday, councillors said.",
    publishedAt: "2026-11-23T09:00:00Z",
  },
] as const;

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  const quay = await db.topic.create({ data: { slug: "pellam-quay", name: "Pellam quay" } });
  await db.topic.create({
    data: { slug: "marrow-bay", name: "Marrow Bay", description: "The bay's moorings." },
  });
  await db.topic.create({
    data: { slug: "old-quay", name: "Old quay", status: "archived", mergedIntoId: quay.id },
  });
  await db.topic.create({ data: { slug: "shelved", name: "Shelved", status: "archived" } });
  for (const story of STORIES) await addTestStory(db, story, [quay]);
  await rebuildBriefing(db, "pellam-quay");
  await rebuildBriefing(db, "pellam-quay");
  await db.story.update({ where: { slug: "quay-pulled" }, data: { deletedAt: new Date() } });
});
afterAll(async () => {
  await database?.drop();
});

describe("page.topic", () => {
  it("a briefed topic: the latest version with its public stories, the versions list and the one before", async () => {
    const page = await anonymous().page.topic({ topic: "pellam-quay" });
    if (page.kind !== "briefing") throw new Error(`expected a briefing, got ${page.kind}`);
    expect(page.page.version).toBe(2);
    expect(page.page.topic).toMatchObject({ slug: "pellam-quay", name: "Pellam quay" });
    expect(page.versions.map((version) => version.version)).toEqual([2, 1]);
    expect(page.previousVersion).toBe(1);
    // The deleted story is gone from what the page shows, though version 2 was built with it.
    expect(page.page.stories.map((story) => story.slug).sort()).toEqual(["quay-dispute", "quay-talks"]);
    expect(JSON.stringify(page)).not.toContain("town council");
    expect(page.page.briefing.points.length).toBeGreaterThan(0);
  });

  it("a topic without a briefing yet is pending, with its name and description", async () => {
    expect(await anonymous().page.topic({ topic: "marrow-bay" })).toEqual({
      kind: "pending",
      topic: { slug: "marrow-bay", name: "Marrow Bay", description: "The bay's moorings." },
    });
  });

  it("a merged topic's old slug leads to the survivor", async () => {
    expect(await anonymous().page.topic({ topic: "old-quay" })).toEqual({
      kind: "merged",
      into: "pellam-quay",
    });
  });

  it("an unknown or archived topic is not found", async () => {
    expect(await anonymous().page.topic({ topic: "no-such-topic" })).toEqual({ kind: "not-found" });
    expect(await anonymous().page.topic({ topic: "shelved" })).toEqual({ kind: "not-found" });
  });
});

describe("page.home", () => {
  it("lists active topics, briefed ones first with their headline and outlets, and the latest public stories", async () => {
    const home = await anonymous().page.home();
    expect(home.topics.map((topic) => topic.slug)).toEqual(["pellam-quay", "marrow-bay"]);
    const [quay, bay] = home.topics;
    expect(quay?.briefing?.version).toBe(2);
    expect(quay?.briefing?.headline).not.toBe("");
    expect(quay?.briefing?.sources.map((source) => source.name).sort()).toEqual([
      "Coast Ledger",
      "Harbour Times",
    ]);
    expect(bay?.briefing).toBeNull();
    expect(home.stories.map((story) => story.slug).sort()).toEqual(["quay-dispute", "quay-talks"]);
  });

  it("costs the same number of queries for 1 briefed topic as for 4 (no read per topic)", async () => {
    const db = database.db;
    let queries = 0;
    // The real client, counting what it sends (Prisma's own query extension; nothing mocked).
    const counting = db.$extends({
      query: {
        $allOperations: ({ args, query }) => {
          queries += 1;
          return query(args);
        },
      },
    }) as unknown as typeof db;
    const count = async () => {
      queries = 0;
      await getHomePage(counting);
      return queries;
    };
    const withOne = await count();
    const story = await db.story.findFirstOrThrow({ where: { slug: "quay-talks" } });
    const extra: string[] = [];
    for (let n = 0; n < 3; n += 1) {
      const topic = await db.topic.create({ data: { slug: `extra-${n}`, name: `Extra ${n}` } });
      await db.storyTopic.create({ data: { storyId: story.id, topicId: topic.id, origin: "manual" } });
      await rebuildBriefing(db, topic.slug);
      extra.push(topic.id);
    }
    try {
      const home = await getHomePage(db);
      expect(home.topics.filter((topic) => topic.briefing).length).toBe(4);
      expect(await count()).toBe(withOne);
      expect(withOne).toBeGreaterThan(2);
      expect(withOne).toBeLessThanOrEqual(6);
    } finally {
      await db.topic.deleteMany({ where: { id: { in: extra } } });
    }
  });
});

describe("page.story", () => {
  it("a public story comes with its sentences and the briefings citing it", async () => {
    const page = await anonymous().page.story({ idOrSlug: "quay-talks" });
    if (page.kind !== "story") throw new Error(`expected a story, got ${page.kind}`);
    expect(page.paragraphs[0]?.sentences[0]?.text).toBe(
      "Talks to end the Pellam quay walkout began on Wednesday, the port authority said.",
    );
    expect(page.citedBy.map((briefing) => briefing.topicSlug)).toEqual(["pellam-quay"]);
  });

  it("a deleted or unknown story is not found", async () => {
    expect(await anonymous().page.story({ idOrSlug: "quay-pulled" })).toEqual({ kind: "not-found" });
    expect(await anonymous().page.story({ idOrSlug: "nothing-here" })).toEqual({ kind: "not-found" });
  });
});

describe("page.search", () => {
  const form = { q: "", topic: "", source: "", from: "", to: "", page: "" };

  it("without words, says how to search and offers the filters", async () => {
    const page = await anonymous().page.search(form);
    expect(page.state).toEqual({ kind: "help" });
    expect(page.filters.sources).toEqual(["Coast Ledger", "Harbour Times"]);
    expect(page.filtered).toBe(false);
  });

  it("finds public stories, with whole calendar days as bounds", async () => {
    const all = await anonymous().page.search({ ...form, q: "rotas" });
    if (all.state.kind !== "results") throw new Error(all.state.kind);
    expect(all.state.result.hits.map((hit) => hit.slug).sort()).toEqual(["quay-dispute", "quay-talks"]);
    // 22 November is the day "quay-talks" was published (09:00 UTC): a one-day range holds it.
    const day = await anonymous().page.search({ ...form, q: "rotas", from: "2026-11-22", to: "2026-11-22" });
    if (day.state.kind !== "results") throw new Error(day.state.kind);
    expect(day.state.result.hits.map((hit) => hit.slug)).toEqual(["quay-talks"]);
    expect(day.filtered).toBe(true);
  });

  it("says what is wrong with the form in words a reader can act on", async () => {
    const message = async (fields: Partial<typeof form>) => {
      const page = await anonymous().page.search({ ...form, q: "rotas", ...fields });
      return page.state.kind === "error" ? page.state.message : `no error (${page.state.kind})`;
    };
    expect(await message({ page: "two" })).toBe("“two” is not a page number; pages start at 1.");
    expect(await message({ page: "0" })).toBe("“0” is not a page number; pages start at 1.");
    expect(await message({ page: "101" })).toBe("Only the first 100 pages are shown; narrow the search.");
    expect(await message({ from: "2026-02-31" })).toBe(
      "“Published from”: “2026-02-31” is not a date; use one like 2026-10-27.",
    );
    expect(await message({ to: "yesterday" })).toBe(
      "“Published until”: “yesterday” is not a date; use one like 2026-10-27.",
    );
    expect(await message({ q: "tide ".repeat(100) })).toBe(
      "The search is 499 characters long; keep it under 200.",
    );
    expect(await message({ from: "2026-11-23", to: "2026-11-01" })).toBe(
      "The “from” date is after the “to” date: swap them or clear one.",
    );
  });
});

describe("page.topicFeed", () => {
  it("a topic's versions, newest first, as readers may see them", async () => {
    const feed = await anonymous().page.topicFeed({ topic: "pellam-quay" });
    if (feed.kind !== "feed") throw new Error(feed.kind);
    expect(feed.topic).toEqual({ slug: "pellam-quay", name: "Pellam quay" });
    expect(feed.versions.map((version) => version.version)).toEqual([2, 1]);
    expect(JSON.stringify(feed)).not.toContain("town council");
  });

  it("a topic without a briefing has an empty feed; an unknown one is not found", async () => {
    expect(await anonymous().page.topicFeed({ topic: "marrow-bay" })).toEqual({
      kind: "feed",
      topic: { slug: "marrow-bay", name: "Marrow Bay" },
      versions: [],
    });
    expect(await anonymous().page.topicFeed({ topic: "old-quay" })).toEqual({ kind: "not-found" });
  });
});
