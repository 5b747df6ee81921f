// The stored briefing's owner on a real database: a rebuild stores the cited sentences with
// the version; a version stored before that (format 1, possibly without fields the engine
// added later) is upgraded once on first read and written back; a row that is not the
// engine's shape is refused with a message saying what to do.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addTestStory, createTestDatabase, type TestDatabase } from "@dispatch/db/testing";
import { BRIEFING_FORMAT, citationsOf, readBriefingVersion } from "./briefing-store";
import { getBriefing, rebuildBriefing } from "./briefings";
import { getCitedPassages, readStory } from "./stories";

let database: TestDatabase;
let topicId = "";
const storyIds: Record<string, string> = {};

// Our own text: two outlets on one closure.
const STORIES = [
  {
    slug: "weir-closed",
    source: "Fenmouth Echo",
    title: "Fenmouth weir closed after crack found",
    body:
      "The Fenmouth weir was closed on Monday after engineers found a crack in its central pier, the river authority said.\n" +
      "Authority engineer Mara Quill said divers would inspect the pier on Wednesday.\n" +
      "Anglers were asked to keep off the towpath below the weir.",
  },
  {
    slug: "weir-divers",
    source: "Lowland Courier",
    title: "Divers to inspect cracked Fenmouth weir",
    body:
      "Divers will inspect the cracked Fenmouth weir on Wednesday, the river authority said.\n" +
      "The weir was closed on Monday after engineers found a crack in its central pier.\n" +
      "Barge traffic is being routed through the old lock at Stenby.",
  },
] as const;

beforeAll(async () => {
  database = await createTestDatabase();
  const topic = await database.db.topic.create({ data: { slug: "fenmouth-weir", name: "Fenmouth weir" } });
  topicId = topic.id;
  for (const story of STORIES) {
    const row = await addTestStory(database.db, { ...story, publishedAt: "2026-11-23T08:00:00Z" }, [topic]);
    storyIds[story.slug] = row.id;
  }
  await rebuildBriefing(database.db, "fenmouth-weir");
});
afterAll(async () => {
  await database?.drop();
});

function bodyOf(storyId: string): string {
  const slug = Object.entries(storyIds).find(([, id]) => id === storyId)?.[0];
  const body = STORIES.find((story) => story.slug === slug)?.body;
  if (body === undefined) throw new Error(`no story ${storyId}`);
  return body;
}

describe("a rebuild", () => {
  it("stores every cited sentence with the version, at the offsets the citation names", async () => {
    const row = await database.db.briefing.findFirstOrThrow({ where: { topicId, version: 1 } });
    expect(row.format).toBe(BRIEFING_FORMAT);
    const stored = await readBriefingVersion(database.db, topicId, 1);
    if (!stored) throw new Error("no version 1");
    const cited = new Set(citationsOf(stored.briefing).map((c) => `${c.storyId}#${c.sentenceIndex}`));
    expect(cited.size).toBeGreaterThan(1);
    expect(new Set(stored.passages.map((p) => `${p.storyId}#${p.sentenceIndex}`))).toEqual(cited);
    for (const passage of stored.passages) {
      expect(bodyOf(passage.storyId).slice(passage.start, passage.end)).toBe(passage.sentence);
    }
  });

  it("serves the stored passages even after the body changed (what was cited, not today's text)", async () => {
    const before = await getBriefing(database.db, "fenmouth-weir");
    const passage = before?.passages[0];
    if (!passage) throw new Error("no passage");
    const original = bodyOf(passage.storyId);
    await database.db.story.update({ where: { id: passage.storyId }, data: { body: "Rewritten entirely." } });
    try {
      const after = await getBriefing(database.db, "fenmouth-weir");
      expect(after?.passages).toContainEqual(passage);
    } finally {
      await database.db.story.update({ where: { id: passage.storyId }, data: { body: original } });
    }
  });
});

describe("story.passages", () => {
  it("answers from the latest version's stored passages: a body edited since does not change them", async () => {
    const latest = await getBriefing(database.db, "fenmouth-weir");
    const passage = latest?.passages[0];
    if (!passage) throw new Error("no passage");
    const refs = [
      { storyId: passage.storyId, sentenceIndex: passage.sentenceIndex },
      { storyId: passage.storyId, sentenceIndex: 999 },
    ];
    const original = bodyOf(passage.storyId);
    await database.db.story.update({ where: { id: passage.storyId }, data: { body: "Rewritten again." } });
    try {
      expect(await getCitedPassages(database.db, refs)).toEqual([
        {
          storyId: passage.storyId,
          sentenceIndex: passage.sentenceIndex,
          before: passage.before,
          sentence: passage.sentence,
          after: passage.after,
        },
      ]);
      await database.db.story.update({ where: { id: passage.storyId }, data: { deletedAt: new Date() } });
      expect(await getCitedPassages(database.db, refs)).toEqual([]);
    } finally {
      await database.db.story.update({
        where: { id: passage.storyId },
        data: { body: original, deletedAt: null },
      });
    }
  });
});

describe("a version stored before passages were (format 1)", () => {
  let oldVersion = 0;

  beforeAll(async () => {
    // As rows were written before: the engine's JSON without fields added since, no passages.
    const latest = await readBriefingVersion(database.db, topicId);
    if (!latest) throw new Error("no briefing");
    const content = JSON.parse(JSON.stringify(latest.briefing)) as Record<string, unknown> & {
      points: Array<Record<string, unknown>>;
      timeline: Array<Record<string, unknown>>;
      changes: Record<string, unknown> | null;
    };
    delete content.disagreements;
    for (const point of content.points) {
      delete point.asOf;
      delete point.supersededBy;
    }
    for (const event of content.timeline) delete event.basis;
    if (content.changes) delete content.changes.supersededFacts;
    oldVersion = latest.version + 1;
    await database.db.briefing.create({
      data: {
        topicId,
        version: oldVersion,
        content: content as object,
        storyIds: latest.storyIds,
        engineVersion: latest.engineVersion,
        format: 1,
        // Every version stored before review existed was published (the migration says so).
        publishedAt: new Date(),
      },
    });
  });

  it("is read with the missing fields meaning 'none' and its passages split once, then written back", async () => {
    const view = await getBriefing(database.db, "fenmouth-weir", oldVersion);
    if (!view) throw new Error("no view");
    expect(view.briefing.disagreements).toEqual([]);
    expect(view.briefing.points.every((point) => point.asOf === null && point.supersededBy === null)).toBe(
      true,
    );
    expect(view.passages.length).toBeGreaterThan(1);
    for (const passage of view.passages) {
      expect(bodyOf(passage.storyId).slice(passage.start, passage.end)).toBe(passage.sentence);
    }

    const row = await database.db.briefing.findFirstOrThrow({ where: { topicId, version: oldVersion } });
    expect(row.format).toBe(BRIEFING_FORMAT);
    expect(row.passages).toEqual(view.passages);
    expect((row.content as { disagreements?: unknown }).disagreements).toEqual([]);
  });

  it("after the upgrade, reads the written-back passages, not the bodies", async () => {
    const passage = (await getBriefing(database.db, "fenmouth-weir", oldVersion))?.passages[0];
    if (!passage) throw new Error("no passage");
    const original = bodyOf(passage.storyId);
    await database.db.story.update({ where: { id: passage.storyId }, data: { body: "Nothing like it." } });
    try {
      expect((await getBriefing(database.db, "fenmouth-weir", oldVersion))?.passages).toContainEqual(passage);
    } finally {
      await database.db.story.update({ where: { id: passage.storyId }, data: { body: original } });
    }
  });
});

describe("a stored row that is not the engine's shape", () => {
  it("is refused with what is wrong and what to do, not served half-read", async () => {
    await database.db.briefing.create({
      data: {
        topicId,
        version: 50,
        content: { headline: 7 },
        publishedAt: new Date(),
        passages: [],
        storyIds: [],
        engineVersion: "dispatch-briefing/1.0.0",
        format: BRIEFING_FORMAT,
      },
    });
    try {
      await expect(getBriefing(database.db, "fenmouth-weir", 50)).rejects.toThrow(
        /version 50 of topic .* does not match the engine's shape \(engineVersion: .*\); rebuild the topic's briefing/,
      );
    } finally {
      await database.db.briefing.deleteMany({ where: { topicId, version: 50 } });
    }
  });
});

describe("the story page's citing briefings", () => {
  it("come from the parsed latest version: headline and how many points cite the story", async () => {
    const id = storyIds["weir-closed"] ?? "";
    const latest = await getBriefing(database.db, "fenmouth-weir");
    if (!latest) throw new Error("no briefing");
    const reading = await readStory(database.db, "weir-closed");
    expect(reading.citedBy).toEqual([
      {
        topicSlug: "fenmouth-weir",
        topicName: "Fenmouth weir",
        version: latest.version,
        headline: latest.briefing.headline,
        createdAt: latest.createdAt,
        points: latest.briefing.points.filter((p) => p.citations.some((c) => c.storyId === id)).length,
      },
    ]);
    expect(reading.citedBy[0]?.points).toBeGreaterThan(0);
  });
});
