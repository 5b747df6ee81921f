import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@dispatch/db/testing";
import { createCaller } from "../root";
import { createInnerContext } from "../trpc";

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  const source = await database.db.source.create({ data: { name: "Test Courier" } });
  const topic = await database.db.topic.create({ data: { slug: "canal", name: "Canal works" } });
  // 25 stories ingested one second apart, so "newest first" has one right answer.
  for (let index = 0; index < 25; index += 1) {
    const story = await database.db.story.create({
      data: {
        slug: `story-${index}`,
        title: `Lock gate ${index} reopens`,
        body: `The lock gate number ${index} reopened after repairs.`,
        original: `Lock gate ${index} reopens`,
        originalFormat: "text",
        contentHash: `hash-${index}`,
        sourceId: index % 2 === 0 ? source.id : null,
        ingestedAt: new Date(Date.UTC(2026, 10, 1, 8, 0, index)),
        publishedAt: new Date(Date.UTC(2026, 9, 1 + index)),
        deletedAt: index === 24 ? new Date() : null,
      },
    });
    if (index < 5) {
      await database.db.storyTopic.create({
        data: { storyId: story.id, topicId: topic.id, origin: "manual" },
      });
    }
  }
});
afterAll(async () => {
  await database.drop();
});

const anonymous = () => createCaller(createInnerContext({ db: database.db }));

describe("story.list", () => {
  it("walks every visible story exactly once, newest first, page by page", async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await anonymous().story.list({ limit: 10, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((story) => story.title));
      cursor = page.nextCursor ?? undefined;
      pages += 1;
    } while (cursor);
    // 24 visible (the deleted one is hidden): pages of 10, 10, 4.
    expect(pages).toBe(3);
    expect(seen).toHaveLength(24);
    expect(new Set(seen).size).toBe(24);
    expect(seen[0]).toBe("Lock gate 23 reopens");
    expect(seen.at(-1)).toBe("Lock gate 0 reopens");
    expect(seen).not.toContain("Lock gate 24 reopens");
  });

  it("filters by source, topic and date range", async () => {
    const bySource = await anonymous().story.list({ source: "Test Courier", limit: 100 });
    expect(bySource.items.every((story) => story.source === "Test Courier")).toBe(true);
    expect(bySource.items).toHaveLength(12);

    const byTopic = await anonymous().story.list({ topic: "canal", limit: 100 });
    expect(byTopic.items.map((story) => story.title).sort()).toEqual(
      [0, 1, 2, 3, 4].map((index) => `Lock gate ${index} reopens`).sort(),
    );

    const byDate = await anonymous().story.list({
      from: new Date(Date.UTC(2026, 9, 10)),
      to: new Date(Date.UTC(2026, 9, 12)),
      limit: 100,
    });
    expect(byDate.items.map((story) => story.title).sort()).toEqual(
      ["Lock gate 10 reopens", "Lock gate 11 reopens", "Lock gate 9 reopens"].sort(),
    );
  });

  it("rejects a page size over the limit with a clear message", async () => {
    await expect(anonymous().story.list({ limit: 500 })).rejects.toThrow(/100/);
  });
});

describe("topic.list", () => {
  it("lists active topics with their story counts", async () => {
    const topics = await anonymous().topic.list();
    expect(topics).toEqual([expect.objectContaining({ slug: "canal", name: "Canal works", storyCount: 5 })]);
  });
});
