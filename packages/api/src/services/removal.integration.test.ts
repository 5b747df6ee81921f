// Removing a story (deleting or unpublishing it) takes it out of everything public at once:
// the latest briefing and every older version, version comparisons, search, its story page
// and other stories' near-duplicate links; and it queues a rebuild of the topics citing it.
// Public outputs carry only what readers need.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@dispatch/db/testing";
import type { JobQueue } from "../jobs/job-queue";
import { createCaller } from "../root";
import { createInnerContext } from "../trpc";
import { rebuildBriefing } from "./briefings";

let database: TestDatabase;
const editor = {
  id: "editor-r",
  email: "editor-r@example.test",
  name: "Rhea Editor",
  role: "editor" as const,
};

function recordingJobs() {
  const topics: string[] = [];
  const queue: JobQueue = {
    topicsChanged: async (ids) => void topics.push(...ids),
    storiesAdded: async () => undefined,
  };
  return { queue, topics };
}

const anonymous = () => createCaller(createInnerContext({ db: database.db }));
const asEditor = (jobs: JobQueue) =>
  createCaller(createInnerContext({ db: database.db, user: editor, via: "ui", jobs }));

// Our own text: three outlets on one event, each with a sentence only it has.
const STORIES = [
  {
    slug: "ferry-keep",
    source: "Marsh Gazette",
    title: "Orlen ferry service suspended after engine fault",
    body:
      "The Orlen ferry service was suspended on Tuesday after an engine fault on the vessel Tamsin, the operator said.\n" +
      "Operator chief Delia Brook said repairs would take at least a week and that a replacement boat had been chartered.\n" +
      "Commuters queued for the bus link across the Orlen bridge, which added forty minutes to the journey.",
  },
  {
    slug: "ferry-delete",
    source: "Quayside Post",
    title: "Tamsin engine failure strands Orlen commuters",
    body:
      "Commuters were stranded on Tuesday when the Orlen ferry Tamsin suffered an engine failure, the operator said.\n" +
      '"We have never seen a breakdown like this," said deckhand Piotr Wendle, who has crewed the Tamsin for a decade.\n' +
      "Marmalade lighthouse keepers counted nineteen herons on the slipway that morning.",
  },
  {
    slug: "ferry-unpublish",
    source: "Estuary Herald",
    title: "Chartered boat to replace stricken Orlen ferry",
    body:
      "A chartered boat will replace the stricken Orlen ferry Tamsin from Thursday, operator chief Delia Brook said.\n" +
      "Brook said the engine fault on the Tamsin would take at least a week to repair.\n" +
      "Quince harbour pilots rehearsed the tidal crossing with lanterns at dawn.",
  },
] as const;

const ids: Record<string, string> = {};
let topicId = "";

beforeAll(async () => {
  database = await createTestDatabase();
  await database.db.user.create({ data: editor });
  const topic = await database.db.topic.create({
    data: {
      slug: "orlen-ferry",
      name: "Orlen ferry",
      includeTerms: ["Tamsin"],
      excludeTerms: ["herring"],
      autoApprove: true,
    },
  });
  topicId = topic.id;
  for (const [index, story] of STORIES.entries()) {
    const source = await database.db.source.create({ data: { name: story.source } });
    const row = await database.db.story.create({
      data: {
        slug: story.slug,
        title: story.title,
        body: story.body,
        original: story.body,
        originalFormat: "text",
        contentHash: `removal-${story.slug}`,
        sourceId: source.id,
        topicHint: "Internal desk note",
        publishedAt: new Date(Date.UTC(2026, 10, 3 + index)),
      },
    });
    ids[story.slug] = row.id;
    await database.db.storyTopic.create({ data: { storyId: row.id, topicId, origin: "manual" } });
  }
  // Two stored versions, both built while every story was public.
  await rebuildBriefing(database.db, "orlen-ferry");
  await rebuildBriefing(database.db, "orlen-ferry");
});
afterAll(async () => {
  await database.drop();
});

/** Everything a reader can get about the topic's briefing, as one string to search. */
async function publicBriefingText(): Promise<string> {
  const caller = anonymous();
  const versions = await caller.briefing.versions({ topic: "orlen-ferry" });
  const pages = await Promise.all(
    versions.map((version) => caller.briefing.get({ topic: "orlen-ferry", version: version.version })),
  );
  const latest = await caller.briefing.get({ topic: "orlen-ferry" });
  const oldest = versions.at(-1)?.version ?? 1;
  const newest = versions[0]?.version ?? 1;
  const diffs =
    oldest === newest ? [] : [await caller.briefing.diff({ topic: "orlen-ferry", from: oldest, to: newest })];
  return JSON.stringify([pages, latest, diffs]);
}

/** The distinctive words of a story: its title and sentences only it has. */
function traces(slug: (typeof STORIES)[number]["slug"]): string[] {
  const story = STORIES.find((candidate) => candidate.slug === slug);
  if (!story) throw new Error(slug);
  return [story.title, ids[slug] ?? "missing id", story.slug, ...story.body.split("\n").slice(1, 3)];
}

describe("removing a story a briefing cites", () => {
  it("was cited everywhere before (so the checks below can fail)", async () => {
    const text = await publicBriefingText();
    for (const slug of ["ferry-delete", "ferry-unpublish"] as const) {
      expect(text).toContain(ids[slug]);
      expect(text).toContain(STORIES.find((story) => story.slug === slug)?.title);
    }
    const quotes = (await anonymous().briefing.get({ topic: "orlen-ferry" }))?.briefing.quotes ?? [];
    expect(quotes.map((quote) => quote.citation.storyId)).toContain(ids["ferry-delete"]);
    const search = await anonymous().search.stories({ q: "Marmalade herons" });
    expect(search.hits.map((hit) => hit.slug)).toEqual(["ferry-delete"]);
  });

  it("deleting takes it out of every version, comparisons, search and its page, and queues a rebuild", async () => {
    const jobs = recordingJobs();
    await asEditor(jobs.queue).story.delete({ id: ids["ferry-delete"] ?? "" });

    const text = await publicBriefingText();
    for (const trace of traces("ferry-delete")) expect(text).not.toContain(trace);
    expect(text).toContain(ids["ferry-keep"]);
    expect(jobs.topics).toEqual([topicId]);
    expect((await anonymous().search.stories({ q: "Marmalade herons" })).total).toBe(0);
    await expect(anonymous().story.read({ idOrSlug: "ferry-delete" })).rejects.toThrow(/not found/i);
    await expect(anonymous().story.get({ idOrSlug: "ferry-delete" })).rejects.toThrow(/not found/i);
  });

  it("unpublishing does the same, and the queued rebuild stores a version without it", async () => {
    const jobs = recordingJobs();
    await asEditor(jobs.queue).story.update({ id: ids["ferry-unpublish"] ?? "", status: "draft" });

    const text = await publicBriefingText();
    for (const trace of [...traces("ferry-unpublish"), ...traces("ferry-delete")])
      expect(text).not.toContain(trace);
    expect(jobs.topics).toEqual([topicId]);
    expect((await anonymous().search.stories({ q: "Quince lanterns" })).total).toBe(0);
    await expect(anonymous().story.read({ idOrSlug: "ferry-unpublish" })).rejects.toThrow(/not found/i);

    for (const id of jobs.topics) await rebuildBriefing(database.db, id);
    const rebuilt = await database.db.briefing.findFirst({
      where: { topicId },
      orderBy: { version: "desc" },
    });
    expect(rebuilt?.storyIds).toEqual([ids["ferry-keep"]]);
    const page = await anonymous().briefing.get({ topic: "orlen-ferry" });
    expect(page?.version).toBe(3);
    expect(page?.stories.map((story) => story.slug)).toEqual(["ferry-keep"]);
  });

  it("restoring brings it back and queues a rebuild too", async () => {
    const jobs = recordingJobs();
    await asEditor(jobs.queue).story.restore({ id: ids["ferry-delete"] ?? "" });
    expect(jobs.topics).toEqual([topicId]);
    const version1 = await anonymous().briefing.get({ topic: "orlen-ferry", version: 1 });
    expect(version1?.stories.map((story) => story.slug).sort()).toEqual(["ferry-delete", "ferry-keep"]);
  });
});

describe("what public procedures return", () => {
  it("story.get names a near-duplicate only while that story is public, and no editor fields", async () => {
    const keep = ids["ferry-keep"] ?? "";
    const hidden = ids["ferry-unpublish"] ?? "";
    const published = ids["ferry-delete"] ?? "";
    await database.db.story.update({
      where: { id: keep },
      data: { nearDuplicateOfId: hidden, nearDuplicateScore: 0.91 },
    });
    const story = await anonymous().story.get({ idOrSlug: "ferry-keep" });
    expect(story.nearDuplicateOf).toBeNull();
    expect(JSON.stringify(story)).not.toContain(hidden);
    expect(JSON.stringify(story)).not.toContain("Chartered boat");
    for (const field of ["status", "deletedAt", "topicHint"]) expect(story).not.toHaveProperty(field);
    expect(JSON.stringify(story)).not.toContain("Internal desk note");

    // A public near-duplicate is still shown, so the check above is about visibility.
    await database.db.story.update({ where: { id: keep }, data: { nearDuplicateOfId: published } });
    expect((await anonymous().story.get({ idOrSlug: "ferry-keep" })).nearDuplicateOf?.slug).toBe(
      "ferry-delete",
    );
    // Editors still see the hidden one.
    await database.db.story.update({ where: { id: keep }, data: { nearDuplicateOfId: hidden } });
    const editing = await asEditor(recordingJobs().queue).story.getForEditing({ idOrSlug: "ferry-keep" });
    expect(editing.nearDuplicateOf?.id).toBe(hidden);
    expect(editing.status).toBe("published");
  });

  it("story.read, story.list and search carry no editor fields", async () => {
    const read = await anonymous().story.read({ idOrSlug: "ferry-keep" });
    const list = await anonymous().story.list({ limit: 5 });
    const search = await anonymous().search.stories({ q: "Orlen" });
    for (const item of [read.story, ...list.items, ...search.hits]) {
      for (const field of ["status", "deletedAt", "topicHint"]) expect(item).not.toHaveProperty(field);
    }
  });

  it("topic.get and topic.list carry no keyword rules or auto-approve flag", async () => {
    const topic = await anonymous().topic.get({ topic: "orlen-ferry" });
    const list = await anonymous().topic.list();
    for (const item of [topic, ...list]) {
      for (const field of [
        "includeTerms",
        "excludeTerms",
        "ruleSources",
        "autoApprove",
        "aliases",
        "status",
      ]) {
        expect(item).not.toHaveProperty(field);
      }
    }
    expect(topic.name).toBe("Orlen ferry");
    const editing = await asEditor(recordingJobs().queue).topic.getForEditing({ topic: "orlen-ferry" });
    expect(editing.includeTerms).toEqual(["Tamsin"]);
    expect(editing.autoApprove).toBe(true);
  });
});
