// Editors' controls and review before publishing on a real database, through the routers:
// a pin, a strike and a label lock made on version 1 hold in version 2, rebuilt with a new
// story that takes over the pinned point's lead (so its id and wording change); a struck
// point is gone from every reader view (topic page, feeds, old versions, the public API);
// with review on, a rebuild waits as a draft until an editor publishes it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { createUser, type SessionUser } from "@dispatch/auth";
import { addTestStory, createTestDatabase, type TestDatabase } from "@dispatch/db/testing";
import { createOpenApiHandler } from "../openapi/handler";
import { createCaller, readerRouter } from "../root";
import { createInnerContext } from "../trpc";
import { rebuildBriefing } from "./briefings";

let database: TestDatabase;
let editor: SessionUser;
let admin: SessionUser;
let reader: SessionUser;
let topicId = "";

// Our own text: a ferry strike told by three outlets; the third arrives after the controls.
const FIRST = [
  {
    slug: "orrin-strike",
    source: "Orrin Gazette",
    title: "Ferry crews at Orrin strike over new rotas",
    publishedAt: "2026-11-20T09:00:00Z",
    body:
      "Ferry crews at Orrin harbour went on strike on Monday over new rotas, the seafarers' union said.\n" +
      "Union steward Lida Marsh said the rotas cut crews' rest days without notice.\n" +
      "The island route to Kessa was cancelled for the day.\n" +
      "Harbour master Ivo Brandt said freight would be held at the quay.",
  },
  {
    slug: "orrin-stranded",
    source: "Coastal Post",
    title: "Orrin ferry strike strands island travellers",
    publishedAt: "2026-11-20T15:00:00Z",
    body:
      "Travellers to Kessa were stranded on Monday as Orrin ferry crews walked out over rotas.\n" +
      "The seafarers' union said crews had been given new rotas without notice.\n" +
      "A fish market on Kessa closed early for want of stock.\n" +
      "The ferry company said talks would be held on Thursday.",
  },
];
// Its first sentence tells the talks better than Coastal Post did: it becomes that point's lead.
const LATER = {
  slug: "orrin-talks",
  source: "Harbour Wire",
  title: "Orrin ferry talks set for Thursday as strike goes on",
  publishedAt: "2026-11-21T10:00:00Z",
  body:
    "The ferry company said talks with the seafarers' union over the Orrin ferry strike would be held on Thursday.\n" +
    "Ferry crews at Orrin harbour stayed on strike on Tuesday over new rotas, the seafarers' union said.\n" +
    "Union steward Lida Marsh said the rotas cut crews' rest days without notice.\n" +
    "A relief boat carried medicine to Kessa on Tuesday.",
};
const LAST = {
  slug: "orrin-deal",
  source: "Orrin Gazette",
  title: "Orrin ferry crews vote on rota deal",
  publishedAt: "2026-11-23T10:00:00Z",
  body:
    "Ferry crews at Orrin voted on Saturday on a rota deal reached at Thursday's talks, the seafarers' union said.\n" +
    "Union steward Lida Marsh said crews would keep two rest days a week under the deal.",
};
const STRUCK_TEXT = "The island route to Kessa was cancelled for the day.";
const PINNED_TEXT = "The ferry company said talks would be held on Thursday.";

async function addStory(story: typeof LATER) {
  await addTestStory(database.db, story, [{ id: topicId }]);
}

const as = (user: SessionUser | null) =>
  createCaller(createInnerContext({ db: database.db, user, via: "ui" }));

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    return error.code;
  }
}

async function messageOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "no error";
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** The public read API as anyone calls it: GET /api/v1/... answered by the reader router. */
async function apiGet(path: string): Promise<{ status: number; text: string }> {
  const handler = createOpenApiHandler({
    router: readerRouter,
    createContext: async () => createInnerContext({ db: database.db, user: null, via: "api" }),
  });
  const response = await handler(new Request(`http://reader.example.test/api/v1${path}`));
  return { status: response.status, text: await response.text() };
}

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  editor = (await createUser(db, { email: "editor@controls.test", name: "Edda Vale", role: "editor" })).user;
  admin = (await createUser(db, { email: "admin@controls.test", name: "Ada Root", role: "admin" })).user;
  reader = (await createUser(db, { email: "reader@controls.test", role: "reader" })).user;
  topicId = (await db.topic.create({ data: { slug: "orrin-ferries", name: "Orrin ferries" } })).id;
  for (const story of FIRST) await addStory(story);
  await rebuildBriefing(db, "orrin-ferries");
}, 60_000);
afterAll(async () => {
  await database?.drop();
});

describe("editors' controls", { timeout: 60_000 }, () => {
  it("refuses readers and anonymous callers every new procedure, with the reason", async () => {
    const calls = (user: SessionUser | null) => {
      const caller = as(user);
      return [
        caller.briefing.editorView({ topic: "orrin-ferries" }),
        caller.briefing.compare({ topic: "orrin-ferries", from: 1, to: 2 }),
        caller.briefing.drafts(),
        caller.briefing.publish({ topic: "orrin-ferries", version: 1 }),
        caller.briefing.pinPoint({ topic: "orrin-ferries", version: 1, pointId: "x" }),
        caller.briefing.strikePoint({ topic: "orrin-ferries", version: 1, pointId: "x", reason: "r" }),
        caller.briefing.lockLabel({ topic: "orrin-ferries", version: 1, storylineId: "x", label: "l" }),
        caller.briefing.lockHeadline({ topic: "orrin-ferries", version: 1, headline: "h" }),
        caller.briefing.removeControl({ topic: "orrin-ferries", controlId: "x" }),
        caller.topic.setReview({ topic: "orrin-ferries", enabled: true }),
      ];
    };
    expect(await Promise.all(calls(null).map(codeOf))).toEqual(Array(10).fill("UNAUTHORIZED"));
    expect(await Promise.all(calls(reader).map(codeOf))).toEqual(Array(10).fill("FORBIDDEN"));
    expect(await codeOf(as(editor).topic.setReview({ topic: "orrin-ferries", enabled: true }))).toBe(
      "FORBIDDEN",
    );
    expect(
      await messageOf(as(reader).briefing.pinPoint({ topic: "orrin-ferries", version: 1, pointId: "x" })),
    ).toMatch(/editor/i);
  });

  it("answers bad input with what was wrong", async () => {
    const caller = as(editor);
    expect(
      await messageOf(caller.briefing.pinPoint({ topic: "no-such-topic", version: 1, pointId: "point-x" })),
    ).toBe("Topic “no-such-topic” was not found.");
    expect(
      await messageOf(caller.briefing.pinPoint({ topic: "orrin-ferries", version: 1, pointId: "point-x" })),
    ).toBe("Point “point-x” in version 1 of “Orrin ferries” was not found.");
    expect(
      await messageOf(caller.briefing.pinPoint({ topic: "orrin-ferries", version: 9, pointId: "point-x" })),
    ).toBe("Version 9 of the “Orrin ferries” briefing was not found.");
    expect(
      await messageOf(
        caller.briefing.strikePoint({ topic: "orrin-ferries", version: 1, pointId: "point-a", reason: "  " }),
      ),
    ).toBe("Write the reason for striking; it cannot be empty.");
    expect(await messageOf(caller.briefing.publish({ topic: "orrin-ferries", version: 1 }))).toBe(
      "There is no draft of “Orrin ferries” waiting to be published.",
    );
    expect(
      await messageOf(caller.briefing.removeControl({ topic: "orrin-ferries", controlId: "nope" })),
    ).toBe("Control “nope” of “Orrin ferries” (it may be undone already) was not found.");
  });

  it("keeps a pin, a strike and a label lock through a rebuild that adds a story", async () => {
    const caller = as(editor);
    const v1 = await caller.briefing.editorView({ topic: "orrin-ferries" });
    expect(v1.shown?.version).toBe(1);
    const v1Points = v1.shown?.briefing.points ?? [];
    const pinned = v1Points.find((point) => point.text === PINNED_TEXT);
    const struck = v1Points.find((point) => point.text === STRUCK_TEXT);
    const storyline = v1.shown?.briefing.storylines[0];
    if (!pinned || !struck || !storyline) throw new Error("version 1 lacks the points this test acts on");
    // The struck point is also an overview sentence of version 1.
    expect(v1.shown?.briefing.overview.map((sentence) => sentence.text)).toContain(STRUCK_TEXT);

    await caller.briefing.pinPoint({ topic: "orrin-ferries", version: 1, pointId: pinned.id });
    await caller.briefing.strikePoint({
      topic: "orrin-ferries",
      version: 1,
      pointId: struck.id,
      reason: "The route ran; the report was wrong.",
    });
    await caller.briefing.lockLabel({
      topic: "orrin-ferries",
      version: 1,
      storylineId: storyline.id,
      label: "Orrin ferry strike",
    });
    await caller.briefing.lockHeadline({
      topic: "orrin-ferries",
      version: 1,
      headline: "Orrin ferries halted",
    });
    expect(
      await codeOf(caller.briefing.pinPoint({ topic: "orrin-ferries", version: 1, pointId: pinned.id })),
    ).toBe("CONFLICT");

    await addStory(LATER);
    const rebuilt = await rebuildBriefing(database.db, "orrin-ferries");
    expect(rebuilt).toMatchObject({ version: 2, published: true });

    const page = await as(null).page.topic({ topic: "orrin-ferries" });
    if (page.kind !== "briefing") throw new Error(page.kind);
    expect(page.page.version).toBe(2);
    const briefing = page.page.briefing;
    // The new story leads the pinned fact now: another id and other words, the same cited sentence.
    const lead = briefing.points[0];
    expect(lead?.id).not.toBe(pinned.id);
    expect(lead?.text).not.toBe(PINNED_TEXT);
    expect(lead?.citations.map((c) => `${c.storyId}#${c.sentenceIndex}`)).toEqual(
      expect.arrayContaining(pinned.citations.map((c) => `${c.storyId}#${c.sentenceIndex}`)),
    );
    expect(briefing.storylines[0]?.pointIds[0]).toBe(lead?.id);
    expect(briefing.storylines[0]).toMatchObject({
      label: "Orrin ferry strike",
      title: "Orrin ferry strike",
    });
    expect(briefing.headline).toBe("Orrin ferries halted");
    expect(JSON.stringify(briefing)).not.toContain(STRUCK_TEXT);

    // The admin's comparison says who did what.
    const compared = await caller.briefing.compare({ topic: "orrin-ferries", from: 1, to: 2 });
    expect(compared.newer.pinned).toMatchObject([{ pointId: lead?.id, by: "Edda Vale" }]);
    expect(compared.newer.struck).toMatchObject([
      { text: STRUCK_TEXT, by: "Edda Vale", reason: "The route ran; the report was wrong." },
    ]);
    expect(compared.older.struck.map((entry) => entry.text)).toEqual([STRUCK_TEXT]);
    expect(compared.newer.lockedLabels).toMatchObject([{ by: "Edda Vale" }]);
    expect(compared.diff.addedStoryIds.length).toBe(1);

    const audit = await database.db.auditLog.findMany({
      where: { entityId: topicId },
      select: { action: true },
    });
    expect(audit.map((entry) => entry.action).sort()).toEqual(
      ["briefing.lock-headline", "briefing.lock-label", "briefing.pin", "briefing.strike"].sort(),
    );
  });

  it("keeps a struck point from every reader view: topic page, feed, old versions, home and /api/v1", async () => {
    const anyone = as(null);
    const views = await Promise.all([
      anyone.page.topic({ topic: "orrin-ferries" }),
      anyone.page.topicFeed({ topic: "orrin-ferries" }),
      anyone.page.topicVersion({ topic: "orrin-ferries", version: 1 }),
      anyone.briefing.get({ topic: "orrin-ferries", version: 1 }),
      anyone.page.home(),
    ]);
    // Not as a point, overview sentence or timeline event, nor as a cited passage (the story
    // itself, and so a neighbouring passage's context, still holds the sentence).
    const shown = [`"text":"${STRUCK_TEXT}"`, `"sentence":"${STRUCK_TEXT}"`];
    for (const view of views) for (const text of shown) expect(JSON.stringify(view)).not.toContain(text);
    const v1 = await anyone.briefing.get({ topic: "orrin-ferries", version: 1 });
    expect(v1?.briefing.summary).not.toContain("cancelled");
    for (const path of [
      "/topics/orrin-ferries/briefing",
      "/topics/orrin-ferries/briefing?version=1",
      "/topics/orrin-ferries/briefing/diff?from=1&to=2",
    ]) {
      const answer = await apiGet(path);
      expect(answer.status, path).toBe(200);
      for (const text of shown) expect(answer.text, path).not.toContain(text);
    }
    // Restored, it shows again (and the restore is logged).
    const controls = (await as(editor).briefing.editorView({ topic: "orrin-ferries" })).controls;
    const strike = controls.find((control) => control.kind === "strike");
    if (!strike) throw new Error("no strike");
    await as(editor).briefing.removeControl({ topic: "orrin-ferries", controlId: strike.id });
    // The same reads now show it: the checks above looked where the point would be.
    const restored = await Promise.all([
      anyone.page.topic({ topic: "orrin-ferries" }),
      anyone.page.topicVersion({ topic: "orrin-ferries", version: 1 }),
      anyone.briefing.get({ topic: "orrin-ferries", version: 1 }),
    ]);
    for (const view of restored) expect(JSON.stringify(view)).toContain(shown[0]);
    for (const path of ["/topics/orrin-ferries/briefing", "/topics/orrin-ferries/briefing?version=1"]) {
      expect((await apiGet(path)).text, path).toContain(shown[0]);
    }
    await as(editor).briefing.strikePoint({
      topic: "orrin-ferries",
      version: 2,
      pointId: strike.matched ?? "",
      reason: "The route ran; the report was wrong.",
    });
    expect(JSON.stringify(await anyone.briefing.get({ topic: "orrin-ferries", version: 1 }))).not.toContain(
      shown[0],
    );
  });

  it("with review on, holds a rebuild as a draft until an editor publishes it", async () => {
    await as(admin).topic.setReview({ topic: "orrin-ferries", enabled: true });
    await addStory(LAST);
    const built = await rebuildBriefing(database.db, "orrin-ferries");
    expect(built).toMatchObject({ version: 3, published: false });

    const anyone = as(null);
    const page = await anyone.page.topic({ topic: "orrin-ferries" });
    expect(page.kind === "briefing" && page.page.version).toBe(2);
    expect(JSON.stringify(page)).not.toContain("rota deal");
    expect((await anyone.briefing.versions({ topic: "orrin-ferries" })).map((v) => v.version)).toEqual([
      2, 1,
    ]);
    expect(await codeOf(anyone.briefing.get({ topic: "orrin-ferries", version: 3 }))).toBe("NOT_FOUND");
    expect(await anyone.page.topicVersion({ topic: "orrin-ferries", version: 3 })).toEqual({
      kind: "not-found",
      message:
        "The “Orrin ferries” briefing has no published version 3; its versions run from 1 to 2, with only published ones shown.",
    });
    const feed = await anyone.page.topicFeed({ topic: "orrin-ferries" });
    expect(feed.kind === "feed" && feed.versions.map((v) => v.version)).toEqual([2, 1]);
    expect((await apiGet("/topics/orrin-ferries/briefing?version=3")).status).toBe(404);

    const drafts = await as(editor).briefing.drafts();
    expect(drafts).toMatchObject([{ topic: { slug: "orrin-ferries" }, version: 3, publishedVersion: 2 }]);
    const view = await as(editor).briefing.editorView({ topic: "orrin-ferries" });
    expect(view.shown).toMatchObject({ version: 3, state: "draft" });
    expect(view.draft?.version).toBe(3);
    expect(view.draft?.diff?.addedStoryIds.length).toBe(1);
    // Controls hold in the draft too.
    expect(view.shown?.briefing.headline).toBe("Orrin ferries halted");

    expect(await messageOf(as(editor).briefing.publish({ topic: "orrin-ferries", version: 2 }))).toBe(
      "Version 2 is not the draft waiting: version 3 replaced it. Review version 3 and publish that.",
    );
    await as(editor).briefing.publish({ topic: "orrin-ferries", version: 3 });
    const after = await anyone.page.topic({ topic: "orrin-ferries" });
    expect(after.kind === "briefing" && after.page.version).toBe(3);
    expect(await as(editor).briefing.drafts()).toEqual([]);
    expect(await messageOf(as(editor).briefing.publish({ topic: "orrin-ferries", version: 3 }))).toBe(
      "There is no draft of “Orrin ferries” waiting to be published.",
    );
    const publish = await database.db.auditLog.findFirst({
      where: { action: "briefing.publish", entityId: topicId },
      select: { actorId: true, details: true },
    });
    expect(publish).toEqual({ actorId: editor.id, details: { version: 3, replaces: 2 } });
    const version = await anyone.page.topicVersion({ topic: "orrin-ferries", version: 3 });
    if (version.kind !== "version") throw new Error(version.kind);
    expect(version.previousVersion).toBe(2);
    expect(version.changes?.addedStoryIds.length).toBe(1);
  });
  it("striking a pinned point takes the pin away with it", async () => {
    const caller = as(editor);
    const before = await caller.briefing.editorView({ topic: "orrin-ferries" });
    const pin = before.controls.find((control) => control.kind === "pin");
    if (!pin?.matched || !before.shown) throw new Error("no pinned point in the latest version");
    await caller.briefing.strikePoint({
      topic: "orrin-ferries",
      version: before.shown.version,
      pointId: pin.matched,
      reason: "Superseded by the deal.",
    });
    const after = await caller.briefing.editorView({ topic: "orrin-ferries" });
    expect(after.controls.map((control) => control.kind).sort()).toEqual([
      "headline",
      "label",
      "strike",
      "strike",
    ]);
    expect(after.shown?.briefing.points.map((point) => point.id)).not.toContain(pin.matched);
  });
});
