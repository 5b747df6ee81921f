// The database says when public content changes, whoever changes it: a new briefing version
// names its topic, a story, tag, topic or source change says "everything", only on commit,
// and a listener that lost its connection comes back and says so.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  listenForPublicChanges,
  parsePublicChange,
  type PublicChange,
  type PublicChangeListener,
} from "./public-changes";
import { startEmbeddedPostgres } from "./embedded";
import { createTestDatabase, EMBEDDED_SKIP_REASON, type TestDatabase } from "./testing";

let database: TestDatabase;
let listener: PublicChangeListener;
const heard: PublicChange[] = [];
let listening = 0;
let lost = 0;

beforeAll(async () => {
  database = await createTestDatabase();
  if (database.embedded) return;
  listener = listenForPublicChanges(
    database.url,
    {
      onChange: (change) => heard.push(change),
      onListening: () => void listening++,
      onLost: () => void lost++,
      onUnsupported: (reason) => {
        throw new Error(`PostgreSQL delivers notifications, but the listener says: ${reason}`);
      },
    },
    { retryMs: 100 },
  );
  await vi.waitFor(
    () => {
      if (listening < 1) throw new Error("the listener is not listening yet");
    },
    { timeout: 10_000 },
  );
});
afterAll(async () => {
  await listener?.stop();
  await database?.drop();
});

/** Runs a write and returns what the listener heard because of it. */
async function heardAfter(write: () => Promise<unknown>): Promise<PublicChange[]> {
  const before = heard.length;
  // A marker change after the write: once it arrives, everything the write sent has too.
  await write();
  await database.db.$executeRaw`SELECT pg_notify('dispatch_public_change', 'topic:~marker')`;
  await expect
    .poll(() => heard.slice(before).some((c) => c.kind === "topic" && c.slug === "~marker"))
    .toBe(true);
  return heard.slice(before).filter((c) => !(c.kind === "topic" && c.slug === "~marker"));
}

describe("payloads", () => {
  it("reads a topic's slug, and anything else as a change to everything", () => {
    expect(parsePublicChange("topic:harbour-strike")).toEqual({ kind: "topic", slug: "harbour-strike" });
    expect(parsePublicChange("*")).toEqual({ kind: "all" });
    expect(parsePublicChange("topic:")).toEqual({ kind: "all" });
    expect(parsePublicChange(undefined)).toEqual({ kind: "all" });
  });
});

describe("public change notifications", () => {
  let storyId = "";
  let topicId = "";

  it("a new topic and a new story are changes to everything", async (context) => {
    if (database.embedded) context.skip(EMBEDDED_SKIP_REASON);
    expect(
      await heardAfter(async () => {
        topicId = (await database.db.topic.create({ data: { slug: "quay-works", name: "Quay works" } })).id;
      }),
    ).toEqual([{ kind: "all" }]);
    expect(
      await heardAfter(async () => {
        storyId = (
          await database.db.story.create({
            data: {
              slug: "quay-closed",
              title: "Quay closed for works",
              body: "The quay closed on Monday for repairs.",
              original: "The quay closed on Monday for repairs.",
              originalFormat: "text",
              contentHash: "public-changes-quay-closed",
            },
          })
        ).id;
      }),
    ).toEqual([{ kind: "all" }]);
  });

  it("tagging and a new briefing version: everything, then only the topic's views", async (context) => {
    if (database.embedded) context.skip(EMBEDDED_SKIP_REASON);
    expect(
      await heardAfter(() => database.db.storyTopic.create({ data: { storyId, topicId, origin: "manual" } })),
    ).toEqual([{ kind: "all" }]);
    expect(
      await heardAfter(() =>
        database.db.briefing.create({
          data: { topicId, version: 1, content: {}, storyIds: [storyId], engineVersion: "test" },
        }),
      ),
    ).toEqual([{ kind: "topic", slug: "quay-works" }]);
    // Filling an old version's stored passages changes no view.
    expect(
      await heardAfter(() => database.db.briefing.updateMany({ where: { topicId }, data: { passages: [] } })),
    ).toEqual([]);
  });

  it("an unpublished or deleted story is a change to everything, sent only when it commits", async (context) => {
    if (database.embedded) context.skip(EMBEDDED_SKIP_REASON);
    const before = heard.length;
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      await client.query("BEGIN");
      await client.query(`UPDATE "Story" SET status = 'draft' WHERE id = $1`, [storyId]);
      // Not yet committed: a marker sent from elsewhere arrives, the update's notice does not.
      await database.db.$executeRaw`SELECT pg_notify('dispatch_public_change', 'topic:~uncommitted')`;
      await expect
        .poll(() => heard.slice(before).some((c) => c.kind === "topic" && c.slug === "~uncommitted"))
        .toBe(true);
      expect(heard.slice(before).filter((c) => c.kind === "all")).toEqual([]);
      await client.query("COMMIT");
    } finally {
      await client.end();
    }
    await expect.poll(() => heard.slice(before).filter((c) => c.kind === "all")).toEqual([{ kind: "all" }]);
    expect(
      await heardAfter(() =>
        database.db.story.update({ where: { id: storyId }, data: { deletedAt: new Date() } }),
      ),
    ).toEqual([{ kind: "all" }]);
  });

  it("comes back after its connection is cut, and says it is listening again", async (context) => {
    if (database.embedded) context.skip(EMBEDDED_SKIP_REASON);
    const lostBefore = lost;
    await database.db.$executeRaw`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
      WHERE application_name = 'dispatch-public-changes' AND datname = current_database()`;
    await expect.poll(() => lost).toBe(lostBefore + 1);
    await expect.poll(() => listening).toBe(2);
    expect(await heardAfter(() => database.db.source.updateMany({ data: { domain: null } }))).toEqual([
      { kind: "all" },
    ]);
  });
});

describe("a database that takes LISTEN but never delivers", () => {
  it("is reported as unsupported, never as listening (the embedded database of pnpm dev)", async () => {
    const embedded = await startEmbeddedPostgres();
    const calls: string[] = [];
    const embeddedListener = listenForPublicChanges(
      embedded.url,
      {
        onChange: () => calls.push("change"),
        onListening: () => calls.push("listening"),
        onLost: () => calls.push("lost"),
        onUnsupported: (reason) => calls.push(`unsupported: ${reason}`),
      },
      { probeTimeoutMs: 1_000 },
    );
    try {
      await expect
        .poll(() => calls, { timeout: 15_000 })
        .toEqual(["unsupported: a notification sent through the database did not arrive within 1000 ms"]);
    } finally {
      await embeddedListener.stop();
      await embedded.stop();
    }
  });
});
