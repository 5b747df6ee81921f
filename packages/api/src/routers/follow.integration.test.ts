// Following topics with an account: any signed-in role may, nobody signed out; unknown and
// archived topics are refused with what to do; a merged topic's old slug follows its target;
// a browser's list imports with the unknown ones reported.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { createUser, type SessionUser } from "@dispatch/auth";
import { createTestDatabase, type TestDatabase } from "@dispatch/db/testing";
import { createTrpcHandler } from "../http";
import { createCaller, readerTrpcRouter } from "../root";
import { noJobs } from "../jobs/job-queue";
import { createTopic, mergeTopics, setTopicArchived } from "../services/topics";
import { createInnerContext } from "../trpc";

let database: TestDatabase;
let reader: SessionUser;
const actor = { userId: null, via: "cli" as const };

beforeAll(async () => {
  database = await createTestDatabase();
  reader = (await createUser(database.db, { email: "follower@follows.test", role: "reader" })).user;
  for (const name of ["Harbour talks", "Vell valley flood", "Old quarry", "Dock dispute"])
    await createTopic(database.db, { name }, actor);
  await setTopicArchived(database.db, "old-quarry", true, actor);
  await mergeTopics(database.db, "dock-dispute", "harbour-talks", actor, noJobs);
}, 60_000);
afterAll(async () => {
  await database.drop();
});

const callerFor = (user: SessionUser | null) =>
  createCaller(createInnerContext({ db: database.db, user, via: "ui" }));

async function outcomeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    expect(error).toBeInstanceOf(TRPCError);
    return (error as TRPCError).code;
  }
}

describe("follow router", { timeout: 30_000 }, () => {
  it("lets every signed-in role follow, and nobody signed out", async () => {
    const rows: Record<string, string[]> = {};
    for (const who of ["anonymous", "reader", "editor", "admin"] as const) {
      const user =
        who === "anonymous"
          ? null
          : who === "reader"
            ? reader
            : (await createUser(database.db, { email: `${who}@follows.test`, role: who })).user;
      const caller = callerFor(user);
      rows[who] = [
        await outcomeOf(caller.follow.list()),
        await outcomeOf(caller.follow.add({ slug: "vell-valley-flood" })),
        await outcomeOf(caller.follow.remove({ slug: "vell-valley-flood" })),
        await outcomeOf(caller.follow.import({ slugs: [] })),
      ];
    }
    expect(rows).toEqual({
      anonymous: ["UNAUTHORIZED", "UNAUTHORIZED", "UNAUTHORIZED", "UNAUTHORIZED"],
      reader: ["ok", "ok", "ok", "ok"],
      editor: ["ok", "ok", "ok", "ok"],
      admin: ["ok", "ok", "ok", "ok"],
    });
  });

  it("follows and unfollows, follows a merged slug's target, and refuses unknown or archived topics", async () => {
    const caller = callerFor(reader);
    await caller.follow.add({ slug: "vell-valley-flood" });
    await caller.follow.add({ slug: "vell-valley-flood" });
    expect(await caller.follow.add({ slug: "dock-dispute" })).toMatchObject({ slug: "harbour-talks" });
    expect((await caller.follow.list()).map((topic) => topic.slug)).toEqual([
      "harbour-talks",
      "vell-valley-flood",
    ]);

    await expect(caller.follow.add({ slug: "no-such-topic" })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: expect.stringMatching(/No topic can be followed at “no-such-topic”.*home page/),
    });
    await expect(caller.follow.add({ slug: "old-quarry" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(caller.follow.add({ slug: "  " })).rejects.toMatchObject({ code: "BAD_REQUEST" });

    expect(await caller.follow.remove({ slug: "vell-valley-flood" })).toEqual({ wasFollowing: true });
    expect(await caller.follow.remove({ slug: "vell-valley-flood" })).toEqual({ wasFollowing: false });
    expect((await caller.follow.list()).map((topic) => topic.slug)).toEqual(["harbour-talks"]);
  });

  it("imports a browser's follows, reporting what it could not follow", async () => {
    const { user } = await createUser(database.db, { email: "importer@follows.test", role: "reader" });
    const caller = callerFor(user);
    await caller.follow.add({ slug: "harbour-talks" });
    const result = await caller.follow.import({
      slugs: [
        "vell-valley-flood",
        "harbour-talks",
        "dock-dispute",
        "old-quarry",
        "gone-topic",
        "vell-valley-flood",
      ],
    });
    expect(result).toEqual({
      added: ["vell-valley-flood"],
      already: ["harbour-talks"],
      unknown: ["old-quarry", "gone-topic"],
    });
    expect((await caller.follow.list()).map((topic) => topic.slug)).toEqual([
      "harbour-talks",
      "vell-valley-flood",
    ]);
    await expect(
      caller.follow.import({ slugs: Array.from({ length: 201 }, (_, index) => `topic-${index}`) }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("is served by the reader app's HTTP endpoint: signed out 401, a reader's own list, a cross-site change refused", async () => {
    const handlerFor = (user: SessionUser | null) =>
      createTrpcHandler({
        router: readerTrpcRouter,
        createContext: async () => createInnerContext({ db: database.db, user, via: "ui" }),
        ownOrigins: () => ["https://news.example.test"],
      });
    const list = (user: SessionUser | null) =>
      handlerFor(user)(new Request("https://news.example.test/api/trpc/follow.list"));
    expect((await list(null)).status).toBe(401);
    const own = await list(reader);
    expect(own.status).toBe(200);
    expect(JSON.stringify(await own.json())).toContain("harbour-talks");
    const forged = await handlerFor(reader)(
      new Request("https://news.example.test/api/trpc/follow.add", {
        method: "POST",
        headers: { "content-type": "application/json", origin: "https://evil.example" },
        body: JSON.stringify({ json: { slug: "vell-valley-flood" } }),
      }),
    );
    expect(forged.status).toBe(403);
  });
});
