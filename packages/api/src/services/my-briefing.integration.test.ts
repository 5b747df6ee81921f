// "My briefing" on a real database, through the router: a follow starts from the version
// readers see then; a rebuild with new stories shows new points, a disagreement and a
// superseded fact, each cited and newest first; a reload keeps showing them until something
// newer arrives; bad marks are refused with what to do; nobody signed out gets in.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { createUser, type SessionUser } from "@dispatch/auth";
import { addTestStory, createTestDatabase, type TestDatabase } from "@dispatch/db/testing";
import { createCaller } from "../root";
import { createInnerContext } from "../trpc";
import { rebuildBriefing } from "./briefings";

let database: TestDatabase;
let reader: SessionUser;

// Our own stories: floods in the Sarn basin told by two outlets, and a later report.
const FIRST = {
  slug: "sarn-floods-first",
  source: "Upland Gazette",
  title: "Floods kill 61 in the Sarn basin",
  body: "Floods in the Sarn basin killed 61 people on Monday, the basin governor said. Boat crews are searching hamlets along the river for survivors. The works ministry will meet relief charities on Friday to plan shelters.",
  publishedAt: "2026-11-23T09:00:00Z",
};
const RIVAL = {
  slug: "sarn-floods-rival",
  source: "Lowland Herald",
  title: "Sarn basin floods leave 86 dead",
  body: "Floods in the Sarn basin killed 86 people on Monday, the basin governor said. Boat crews are searching hamlets along the river for survivors. Relief charities said roads into the basin remain cut off.",
  publishedAt: "2026-11-23T11:00:00Z",
};
const LATER = {
  slug: "sarn-floods-later",
  source: "Upland Gazette",
  title: "Ministry meets relief charities over Sarn floods",
  body: "The works ministry met relief charities on Friday to plan shelters in the Sarn basin. Officials agreed to open four more shelters.",
  publishedAt: "2026-11-27T18:00:00Z",
};
const OTHER = {
  slug: "kell-bridge",
  source: "Upland Gazette",
  title: "Kell bridge closes for repairs",
  body: "The Kell bridge closed on Tuesday for repairs to its piers, the county said. Buses will use the ferry road until spring.",
  publishedAt: "2026-11-22T09:00:00Z",
};

async function addStory(topicSlug: string, story: typeof FIRST): Promise<void> {
  const topic = await database.db.topic.findUniqueOrThrow({ where: { slug: topicSlug } });
  await addTestStory(database.db, story, [topic]);
}

const callerFor = (user: SessionUser | null) =>
  createCaller(createInnerContext({ db: database.db, user, via: "ui" }));

beforeAll(async () => {
  database = await createTestDatabase();
  reader = (await createUser(database.db, { email: "me@briefing.test", role: "reader" })).user;
  await database.db.topic.create({ data: { slug: "sarn-floods", name: "Sarn floods" } });
  await database.db.topic.create({ data: { slug: "kell-bridge", name: "Kell bridge" } });
  await database.db.topic.create({ data: { slug: "quiet-topic", name: "Quiet topic" } });
  await addStory("sarn-floods", FIRST);
  await rebuildBriefing(database.db, "sarn-floods");
  await addStory("kell-bridge", OTHER);
  await rebuildBriefing(database.db, "kell-bridge");
}, 60_000);
afterAll(async () => {
  await database?.drop();
});

describe("my briefing", { timeout: 60_000 }, () => {
  it("refuses everyone signed out, with a sign-in message", async () => {
    const anonymous = callerFor(null);
    for (const call of [
      () => anonymous.me.briefing(),
      () => anonymous.me.markSeen({ seen: [] }),
      () => anonymous.me.digest(),
      () => anonymous.me.setDigestFrequency({ frequency: "daily" }),
      () => anonymous.me.regenerateFeedToken(),
      () => anonymous.me.revokeFeedToken(),
    ]) {
      await expect(call()).rejects.toMatchObject({ code: "UNAUTHORIZED", message: "Sign in to do this." });
    }
  });

  it("starts from the version seen when following: nothing new until a rebuild brings some", async () => {
    const caller = callerFor(reader);
    await caller.follow.add({ slug: "sarn-floods" });
    await caller.follow.add({ slug: "kell-bridge" });
    await caller.follow.add({ slug: "quiet-topic" });
    const before = await caller.me.briefing();
    expect(
      before.topics.map((news) => [news.topic.slug, news.items.length, news.current?.version ?? null]),
    ).toEqual([
      ["kell-bridge", 0, 1],
      ["quiet-topic", 0, null],
      ["sarn-floods", 0, 1],
    ]);
    expect(before.topics[0]?.since.version).toBe(1);
  });

  it("shows new points, a disagreement and a superseded fact after a rebuild, each cited, newest first", async () => {
    const caller = callerFor(reader);
    await addStory("sarn-floods", RIVAL);
    await addStory("sarn-floods", LATER);
    await rebuildBriefing(database.db, "sarn-floods");
    const { topics } = await caller.me.briefing();
    const [sarn, ...rest] = topics;
    // The topic with news comes first; the others follow with nothing new.
    expect(sarn?.topic.slug).toBe("sarn-floods");
    expect(rest.every((news) => news.items.length === 0)).toBe(true);
    expect(sarn?.since).toMatchObject({ version: 1 });
    expect(sarn?.current?.version).toBe(2);
    expect(sarn?.newStoryCount).toBe(2);
    const kinds = new Set(sarn?.items.map((item) => item.kind));
    expect(kinds.has("point")).toBe(true);
    expect(kinds.has("disagreement")).toBe(true);
    expect(kinds.has("superseded")).toBe(true);
    const texts = sarn?.items.map((item) => item.text).join("\n") ?? "";
    expect(texts).toContain("Officials agreed to open four more shelters.");
    expect(texts).toMatch(/Lowland Herald says 86 people killed; Upland Gazette says 61 people killed/);
    // Nothing from version 1 is told as new.
    expect(texts).not.toContain("Boat crews are searching hamlets");
    for (const item of sarn?.items ?? []) {
      expect(item.citations.length, item.text).toBeGreaterThan(0);
      expect(item.href).toMatch(/^\/topics\/sarn-floods(\/points\/|#)/);
      for (const citation of item.citations) expect(citation.href).toMatch(/^\/stories\/sarn-floods-/);
    }
    const disagreement = sarn?.items.find((item) => item.kind === "disagreement");
    expect(disagreement?.citations.map((citation) => citation.source).sort()).toEqual([
      "Lowland Herald",
      "Upland Gazette",
    ]);
    const times = (sarn?.items ?? []).map((item) => item.asOf?.getTime() ?? 0);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(sarn?.items[0]?.asOf?.toISOString()).toBe(LATER.publishedAt.replace("Z", ".000Z"));
  });

  it("keeps showing what was new on a reload, and moves on once something newer is seen", async () => {
    const caller = callerFor(reader);
    const shown = await caller.me.briefing();
    const seen = shown.topics.flatMap((news) =>
      news.current ? [{ topic: news.topic.slug, version: news.current.version }] : [],
    );
    expect(await caller.me.markSeen({ seen })).toEqual({ updated: 1 });
    const reload = await caller.me.briefing();
    expect(reload.topics.find((news) => news.topic.slug === "sarn-floods")?.items.length).toBe(
      shown.topics.find((news) => news.topic.slug === "sarn-floods")?.items.length,
    );
    // Marking the same versions again (a second tab) changes nothing.
    expect(await caller.me.markSeen({ seen })).toEqual({ updated: 0 });

    // Version 3 with one more story: only what it adds is new.
    await addStory("sarn-floods", {
      slug: "sarn-floods-levee",
      source: "Lowland Herald",
      title: "Sarn levee to be raised",
      body: "Engineers will raise the Sarn levee by two metres before the spring melt, the basin authority said.",
      publishedAt: "2026-11-28T08:00:00Z",
    });
    await rebuildBriefing(database.db, "sarn-floods");
    const after = await caller.me.briefing();
    const sarn = after.topics.find((news) => news.topic.slug === "sarn-floods");
    expect(sarn?.since.version).toBe(2);
    expect(sarn?.items.map((item) => item.text).join("\n")).toContain("raise the Sarn levee");
    expect(sarn?.items.map((item) => item.text).join("\n")).not.toContain("four more shelters");
  });

  it("counts a follow made before marks were kept from the version it was followed at", async () => {
    const { user } = await createUser(database.db, { email: "legacy@briefing.test", role: "reader" });
    const kell = await database.db.topic.findUniqueOrThrow({ where: { slug: "kell-bridge" } });
    // As item 4 stored follows: no seen or mailed version.
    await database.db.topicFollow.create({ data: { userId: user.id, topicId: kell.id } });
    await addStory("kell-bridge", {
      slug: "kell-bridge-ferry",
      source: "Lowland Herald",
      title: "Kell ferry adds sailings",
      body: "The Kell ferry added four sailings a day while the bridge is shut, the operator said.",
      publishedAt: "2026-11-26T08:00:00Z",
    });
    await rebuildBriefing(database.db, "kell-bridge");
    const [kellNews] = (await callerFor(user).me.briefing()).topics;
    // New against version 1, the one readers saw when it was followed: had it counted from no
    // version, every point of version 2 (the bridge's closing included) would be new.
    expect(kellNews?.since.version).toBe(1);
    expect(kellNews?.current?.version).toBe(2);
    expect(kellNews?.newStoryCount).toBe(1);
    const texts = kellNews?.items.map((item) => item.text).join("\n") ?? "";
    expect(texts).not.toContain("closed on Tuesday for repairs");
  });

  it("refuses marks for a topic not followed, an unknown topic or a version that does not exist", async () => {
    const caller = callerFor(reader);
    await caller.follow.remove({ slug: "quiet-topic" });
    await expect(caller.me.markSeen({ seen: [{ topic: "quiet-topic", version: 1 }] })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: expect.stringMatching(/do not follow a topic at “quiet-topic”.*Follow it from its page/),
    });
    await expect(
      caller.me.markSeen({ seen: [{ topic: "no-such-topic", version: 1 }] }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(caller.me.markSeen({ seen: [{ topic: "sarn-floods", version: 99 }] })).rejects.toMatchObject(
      {
        code: "NOT_FOUND",
        message: expect.stringMatching(/no version 99.*Reload \/me/),
      },
    );
    // A draft (the topic is reviewed before publishing) is neither shown nor can be marked.
    await database.db.topic.update({ where: { slug: "sarn-floods" }, data: { reviewBeforePublish: true } });
    await addStory("sarn-floods", {
      slug: "sarn-floods-draft",
      source: "Lowland Herald",
      title: "Sarn ferry resumes",
      body: "The Sarn ferry ran again on Saturday after the water fell, the operator said.",
      publishedAt: "2026-11-29T08:00:00Z",
    });
    const draft = await rebuildBriefing(database.db, "sarn-floods");
    const current = (await caller.me.briefing()).topics.find((news) => news.topic.slug === "sarn-floods");
    expect(current?.current?.version).toBe(draft.version - 1);
    expect(current?.items.map((item) => item.text).join("\n")).not.toContain("Sarn ferry");
    await expect(
      caller.me.markSeen({ seen: [{ topic: "sarn-floods", version: draft.version }] }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const refused = await caller.me
      .markSeen({ seen: [{ topic: "sarn-floods", version: 0 }] })
      .catch((e) => e);
    expect(refused).toBeInstanceOf(TRPCError);
    expect((refused as TRPCError).code).toBe("BAD_REQUEST");
  });
});
