// Single-line fields have length limits wherever they are written — uploads, story edits,
// topics, accounts — and the refusal gives both lengths.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@dispatch/db/testing";
import { createCaller } from "../root";
import { createInnerContext } from "../trpc";
import { createTopic } from "../services/topics";
import { inviteUser } from "../services/users";

let database: TestDatabase;
const admin = { id: "admin-f", email: "admin-f@example.test", name: "Ada Admin", role: "admin" as const };
const markupTitle = "<h1 style=font-size:90px>BREAKING</h1>".repeat(53); // 2,014 characters

beforeAll(async () => {
  database = await createTestDatabase();
  await database.db.user.create({ data: admin });
});
afterAll(async () => {
  await database.drop();
});

const caller = () => createCaller(createInnerContext({ db: database.db, user: admin, via: "ui" }));
const body = "The harbour authority said on Monday that the north pier would reopen next week after repairs.";

describe("single-line field limits", () => {
  it("an uploaded 2,000-character markup title is refused, so it never leads the story list", async () => {
    const result = await caller().upload.commit({
      files: [{ name: "shout.json", text: JSON.stringify({ title: markupTitle, body }) }],
    });
    expect(result.items[0]).toMatchObject({
      status: "rejected",
      message: expect.stringMatching(/title is 2,014 characters long; the limit is 300/),
    });
    const latest = await caller().story.list({ limit: 5 });
    expect(latest.items.map((story) => story.title)).not.toContain(markupTitle);
  });

  it("a story edit may not make the title, source or standfirst too long", async () => {
    const stored = await caller().upload.commit({
      files: [{ name: "pier.txt", text: `North pier to reopen next week\n\n${body}` }],
    });
    const id = stored.items[0]?.storyId ?? "";
    await expect(caller().story.update({ id, title: markupTitle })).rejects.toThrow(
      /^The title is 2,014 characters long; the limit is 300; shorten it\.$/,
    );
    await expect(caller().story.update({ id, source: "s".repeat(121) })).rejects.toThrow(
      /^The source is 121 characters long; the limit is 120/,
    );
    await expect(caller().story.update({ id, dek: "d".repeat(601) })).rejects.toThrow(
      /standfirst is at most 600 characters/,
    );
    expect((await caller().story.getForEditing({ idOrSlug: id })).title).toBe(
      "North pier to reopen next week",
    );
  });

  it("a topic name is limited on create and update, through the API and the services the CLI calls", async () => {
    await expect(caller().topic.create({ name: markupTitle })).rejects.toThrow(
      /^The topic name is 2,014 characters long; the limit is 120/,
    );
    await expect(
      createTopic(database.db, { name: markupTitle }, { userId: admin.id, via: "cli" }),
    ).rejects.toThrow(/topic name is 2,014 characters long/);
    await caller().topic.create({ name: "Harbours" });
    await expect(caller().topic.update({ topic: "harbours", name: "h".repeat(121) })).rejects.toThrow(
      /topic name is 121 characters long; the limit is 120/,
    );
  });

  it("a user's name is limited, through the API and the services the CLI calls", async () => {
    await expect(caller().user.invite({ email: "long@example.test", name: markupTitle })).rejects.toThrow(
      /^The name is 2,014 characters long; the limit is 120/,
    );
    await expect(
      inviteUser(
        database.db,
        { userId: null, via: "cli" },
        { email: "long@example.test", name: markupTitle, role: "editor" },
      ),
    ).rejects.toThrow(/name is 2,014 characters long/);
    expect(await database.db.user.count({ where: { email: "long@example.test" } })).toBe(0);
  });
});
