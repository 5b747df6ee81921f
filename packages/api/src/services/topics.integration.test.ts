import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@dispatch/db/testing";
import type { JobQueue } from "../jobs/job-queue";
import { createCaller } from "../root";
import { createInnerContext } from "../trpc";
import { commitUpload } from "./upload";
import { suggestTopicsForStories } from "./suggestions";

let database: TestDatabase;
const admin = { id: "admin-1", email: "admin@example.test", name: "Ada Admin", role: "admin" as const };
const editor = { id: "editor-1", email: "editor@example.test", name: "Eda Editor", role: "editor" as const };

/** Records what services asked of the worker. */
function recordingJobs() {
  const topics: string[] = [];
  const stories: string[] = [];
  const queue: JobQueue = {
    topicsChanged: async (ids) => void topics.push(...ids),
    storiesAdded: async (ids) => void stories.push(...ids),
  };
  return { queue, topics, stories };
}

beforeAll(async () => {
  database = await createTestDatabase();
  for (const user of [admin, editor]) await database.db.user.create({ data: user });
});
afterAll(async () => {
  await database.drop();
});

const as = (user: typeof admin | typeof editor, jobs: JobQueue) =>
  createCaller(createInnerContext({ db: database.db, user, via: "ui", jobs }));

function story(title: string, paragraphs: string[]) {
  return {
    name: `${title}.txt`,
    bytes: [title, "", ...paragraphs.flatMap((paragraph) => [paragraph, ""])].join("\n"),
  };
}

const harbourStories = [
  story("Dock workers at Pellham harbour begin strike over pay", [
    "Around 900 dock workers at Pellham harbour walked out on Monday after talks on a new pay deal collapsed, the Harbour Workers Union said.",
    "Union chair Ines Vardy said the employers' offer of three percent did not keep up with prices, and that the strike would last until a better offer arrived.",
    "The harbour authority said container ships were being diverted to Corby Sound while the strike lasts.",
  ]),
  story("Pellham harbour strike enters second week as talks stall", [
    "The strike at Pellham harbour entered its second week on Monday with no new talks planned, union chair Ines Vardy said.",
    "The Harbour Workers Union is asking for a six percent rise for dock workers. Employers say they cannot pay more than three percent.",
    "Shipping firms have diverted containers to Corby Sound, where queues of lorries stretched for two kilometres.",
  ]),
];

const floodStory = story("River Tallow bursts its banks in Greyford", [
  "The River Tallow burst its banks in Greyford on Saturday, flooding more than 200 homes, the county council said.",
  "Residents were taken to a rest centre at the Greyford leisure centre. Council leader Omar Haddad said pumps would run through the night.",
  "Forecasters expect more rain on Tuesday, and flood warnings remain in place along the river.",
]);

const newHarbourStory = story("Pellham dock workers to vote on improved offer", [
  "Dock workers at Pellham harbour will vote next week on an improved pay offer of five percent, the Harbour Workers Union said on Thursday.",
  "Union chair Ines Vardy said the offer was a step forward, but that members would decide whether the strike ends.",
  "Ships diverted to Corby Sound during the strike are expected to return within days if the deal is accepted.",
]);

describe("topics, tags and suggestions", () => {
  it("creates topics, refuses a taken slug, and tags stories with audit entries and rebuild requests", async () => {
    const jobs = recordingJobs();
    const harbour = await as(admin, jobs.queue).topic.create({
      name: "Pellham harbour strike",
      aliases: ["Pellham strike"],
      includeTerms: ["dock workers"],
    });
    await as(admin, jobs.queue).topic.create({ name: "Greyford flood", slug: "greyford-flood" });
    await expect(as(admin, jobs.queue).topic.create({ name: "Pellham Harbour Strike" })).rejects.toThrow(
      /slug “pellham-harbour-strike” exists already/,
    );
    await expect(as(editor, jobs.queue).topic.create({ name: "Anything" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });

    const uploaded = await commitUpload(database.db, [...harbourStories, floodStory], {
      userId: editor.id,
      via: "ui",
    });
    const [first, second, flood] = uploaded.items.map((item) => item.storyId ?? "");
    await as(editor, jobs.queue).tag.add({ story: first ?? "", topic: harbour.slug });
    await as(editor, jobs.queue).tag.add({ story: second ?? "", topic: harbour.slug });
    await as(editor, jobs.queue).tag.add({ story: flood ?? "", topic: "greyford-flood" });
    expect(jobs.topics.filter((id) => id === harbour.id)).toHaveLength(2);

    const tagged = await as(editor, jobs.queue).story.list({ topic: harbour.slug, limit: 10 });
    expect(tagged.items.map((item) => item.title).sort()).toEqual(
      harbourStories.map((file) => file.name.replace(/\.txt$/, "")).sort(),
    );
    const audit = await database.db.auditLog.findMany({ where: { action: "tag.add", actorId: editor.id } });
    expect(audit).toHaveLength(3);
  });

  it("suggests the right topic for a new story, with a reason a person can read", async () => {
    const jobs = recordingJobs();
    const uploaded = await commitUpload(
      database.db,
      [newHarbourStory],
      { userId: editor.id, via: "ui" },
      { jobs: jobs.queue },
    );
    const storyId = uploaded.items[0]?.storyId ?? "";
    // A new story asks the worker for suggestions.
    expect(jobs.stories).toEqual([storyId]);

    await suggestTopicsForStories(database.db, [storyId]);
    const suggestions = await as(admin, jobs.queue).suggestion.list({ limit: 10 });
    const top = suggestions.items[0];
    expect(top).toMatchObject({ storyId, topicSlug: "pellham-harbour-strike" });
    expect(top?.reason).toMatch(/mentions .*‘dock workers’/);
    expect(top?.reason).toMatch(/close to 2 stories in pellham-harbour-strike/);
    expect(
      suggestions.items.some(
        (item) => item.topicSlug === "greyford-flood" && (item.confidence ?? 0) > (top?.confidence ?? 0),
      ),
    ).toBe(false);
  });

  it("approves suggestions in bulk, auditing each and asking for one rebuild per topic", async () => {
    const jobs = recordingJobs();
    const pending = await as(admin, jobs.queue).suggestion.list({ limit: 50 });
    const keys = pending.items.map(({ storyId, topicId }) => ({ storyId, topicId }));
    expect(keys.length).toBeGreaterThan(0);
    await expect(as(editor, jobs.queue).suggestion.approve({ keys })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });

    const result = await as(admin, jobs.queue).suggestion.approve({ keys });
    expect(result).toEqual({ changed: keys.length, skipped: 0 });
    expect((await as(admin, jobs.queue).suggestion.list({ limit: 50 })).items).toEqual([]);
    expect(
      await database.db.storyTopic.count({ where: { status: "approved", approvedById: admin.id } }),
    ).toBe(keys.length);
    expect(
      await database.db.auditLog.count({ where: { action: "suggestion.approve", actorId: admin.id } }),
    ).toBe(keys.length);
    expect(new Set(jobs.topics).size).toBe(jobs.topics.length);

    // Approving again changes nothing: they are no longer pending.
    expect(await as(admin, jobs.queue).suggestion.approve({ keys })).toEqual({
      changed: 0,
      skipped: keys.length,
    });
  });

  it("auto-approves a story that matches a rule marked auto-approve, and lists stories that fit no topic", async () => {
    const jobs = recordingJobs();
    const rule = await as(admin, jobs.queue).topic.create({
      name: "Tallow river levels",
      includeTerms: ["River Tallow"],
      autoApprove: true,
    });
    const uploaded = await commitUpload(
      database.db,
      [
        story("River Tallow falls back below flood level", [
          "The River Tallow fell back below its flood level in Greyford on Wednesday, the Environment Office said, though warnings stay in place.",
          "Council leader Omar Haddad thanked volunteers who filled sandbags over the weekend.",
        ]),
        story("Chess club celebrates fiftieth season", [
          "The Marlow Street chess club opened its fiftieth season on Friday with a simultaneous exhibition by its oldest member, Vera Lund.",
          "Club secretary Tim Osei said membership had doubled since a junior section began in the spring.",
        ]),
      ],
      { userId: editor.id, via: "ui" },
    );
    const [riverId, chessId] = uploaded.items.map((item) => item.storyId ?? "");
    const results = await suggestTopicsForStories(database.db, [riverId ?? "", chessId ?? ""]);
    expect(results.find((result) => result.storyId === riverId)?.autoApproved).toContain(rule.id);
    const tag = await database.db.storyTopic.findUniqueOrThrow({
      where: { storyId_topicId: { storyId: riverId ?? "", topicId: rule.id } },
    });
    expect([tag.status, tag.origin]).toEqual(["approved", "rule"]);

    const unmatched = await as(admin, jobs.queue).suggestion.unmatched({ limit: 10 });
    expect(unmatched.items.map((item) => item.title)).toContain("Chess club celebrates fiftieth season");
    expect(unmatched.items.map((item) => item.title)).not.toContain(
      "River Tallow falls back below flood level",
    );
  });

  it("merges a topic into another: tags move, the old name becomes an alias, history is kept", async () => {
    const jobs = recordingJobs();
    const caller = as(admin, jobs.queue);
    const merged = await caller.topic.merge({ from: "tallow-river-levels", into: "greyford-flood" });
    expect(merged.into.aliases).toEqual(
      expect.arrayContaining(["Tallow river levels", "tallow-river-levels"]),
    );
    expect(merged.into.includeTerms).toContain("River Tallow");

    const old = await caller.topic.getForEditing({ topic: "tallow-river-levels" });
    expect(old.status).toBe("archived");
    expect(old.mergedInto?.slug).toBe("greyford-flood");
    expect((await caller.topic.list()).map((topic) => topic.slug)).not.toContain("tallow-river-levels");

    const floodStories = await caller.story.list({ topic: "greyford-flood", limit: 10 });
    expect(floodStories.items.map((item) => item.title)).toEqual(
      expect.arrayContaining([
        "River Tallow bursts its banks in Greyford",
        "River Tallow falls back below flood level",
      ]),
    );
    expect(jobs.topics).toEqual([merged.into.id]);
    expect(
      await database.db.auditLog.count({ where: { action: "topic.merge", entityId: merged.into.id } }),
    ).toBe(1);
    await expect(caller.topic.merge({ from: "greyford-flood", into: "greyford-flood" })).rejects.toThrow(
      /into itself/,
    );
  });

  it("builds a briefing version on rebuild, and the next rebuild is a new version", async () => {
    const jobs = recordingJobs();
    const caller = as(admin, jobs.queue);
    const first = await caller.briefing.rebuild({ topic: "pellham-harbour-strike" });
    const second = await caller.briefing.rebuild({ topic: "pellham-harbour-strike" });
    expect([first.version, second.version]).toEqual([1, 2]);
    expect(first.storyCount).toBe(3);
    const anonymous = createCaller(createInnerContext({ db: database.db }));
    const view = await anonymous.briefing.get({ topic: "pellham-harbour-strike" });
    expect(view?.version).toBe(2);
    expect(view?.briefing.points.length).toBeGreaterThan(0);
    expect(view?.stories).toHaveLength(3);
    const versions = await anonymous.briefing.versions({ topic: "pellham-harbour-strike" });
    expect(versions.map((version) => version.version)).toEqual([2, 1]);
    await expect(caller.briefing.diff({ topic: "pellham-harbour-strike", from: 1, to: 1 })).rejects.toThrow(
      /two different versions/,
    );
  });
});
