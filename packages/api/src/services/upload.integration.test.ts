import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@dispatch/db/testing";
import { createCaller } from "../root";
import { createInnerContext } from "../trpc";
import { commitUpload } from "./upload";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.drop();
});

const editor = { id: "editor-1", email: "editor@example.test", name: "Eda Editor", role: "editor" as const };

const ferryStory = [
  "Ferry crossing to Lark Island suspended after storm damage",
  "",
  "The only ferry to Lark Island will not sail for at least a week after Sunday's storm damaged the landing ramp, the island council said on Monday.",
  "",
  "Engineers found cracks in two of the ramp's supports during an inspection on Monday morning. Council leader Maria Oyelaran said the repairs would cost about 40,000 pounds.",
  "",
  "Islanders will be able to reach the mainland on a chartered boat that leaves the north pier twice a day, the council added.",
  "",
  "The ramp was rebuilt eleven years ago and had been due for a routine survey in the spring. Harbour master Glen Petrie said the storm had pushed a loose pontoon against the supports for most of Sunday night.",
  "",
  "About 300 people live on Lark Island year-round, and the school's secondary pupils cross to the mainland every weekday. The council said it had arranged for them to travel on the chartered boat free of charge until the ferry returns.",
  "",
  "Shopkeepers on the island said deliveries of fresh food would be the hardest thing to replace. The mainland supermarket that supplies the island shop has agreed to send goods on the chartered boat's morning crossing.",
].join("\n");

// The same article with one word changed: a near-duplicate, not an exact one.
const ferryStoryEdited = ferryStory.replace("twice a day", "three times a day");

const libraryStory = [
  "Hillford library to open on Sundays from January",
  "",
  "Hillford's central library will open on Sundays from January after the town council agreed to fund two extra staff, the council announced on Thursday.",
  "",
  "The library has been closed on Sundays since 2019. Head librarian Tom Achebe said weekend visits had doubled since Saturday hours were extended last spring.",
].join("\n");

async function editorCaller() {
  await database.db.user.upsert({ where: { id: editor.id }, create: { ...editor }, update: {} });
  return createCaller(createInnerContext({ db: database.db, user: editor, via: "ui" }));
}

describe("uploads", () => {
  it("stores the good items of a bulk upload and reports the broken ones with their reasons", async () => {
    const caller = await editorCaller();
    const result = await caller.upload.commit({
      files: [
        { name: "ferry.txt", text: ferryStory },
        {
          name: "photo.png",
          base64: Buffer.from([
            0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
          ]).toString("base64"),
        },
        { name: "empty.txt", text: "   \n" },
        { name: "library.txt", text: libraryStory },
      ],
    });
    expect(result.items.map((item) => [item.item, item.status])).toEqual([
      ["ferry.txt", "stored"],
      ["photo.png", "rejected"],
      ["empty.txt", "rejected"],
      ["library.txt", "stored"],
    ]);
    expect(result.items[1]?.message).toMatch(/PNG/i);
    expect(result.items[2]?.message).toMatch(/empty/i);

    // The good stories are really there, and the batch remembers every item.
    const stored = await caller.story.list({ limit: 10 });
    expect(stored.items.map((story) => story.title).sort()).toEqual([
      "Ferry crossing to Lark Island suspended after storm damage",
      "Hillford library to open on Sundays from January",
    ]);
    const batch = await database.db.uploadBatch.findUniqueOrThrow({
      where: { id: result.batchId },
      include: { items: { orderBy: { position: "asc" } } },
    });
    expect([batch.storedCount, batch.duplicateCount, batch.rejectedCount]).toEqual([2, 0, 2]);
    expect(batch.items.map((item) => item.status)).toEqual(["stored", "rejected", "rejected", "stored"]);
    expect(batch.uploaderId).toBe(editor.id);
  });

  it("reports an exact re-upload as a duplicate of the stored story and stores nothing new", async () => {
    const caller = await editorCaller();
    const before = await database.db.story.count();
    const result = await caller.upload.commit({
      files: [{ name: "ferry-again.txt", text: `${ferryStory}\n\n` }],
    });
    expect(result.items[0]?.status).toBe("duplicate");
    expect(result.items[0]?.message).toContain("Ferry crossing to Lark Island suspended after storm damage");
    expect(await database.db.story.count()).toBe(before);
  });

  it("stores a lightly edited copy but flags the story it nearly duplicates", async () => {
    const caller = await editorCaller();
    const result = await caller.upload.commit({
      files: [{ name: "ferry-edited.txt", text: ferryStoryEdited }],
    });
    const item = result.items[0];
    expect(item?.status).toBe("stored");
    expect(item?.message).toMatch(/similar to “Ferry crossing/);
    const original = await database.db.story.findFirstOrThrow({
      where: { title: { startsWith: "Ferry crossing" }, nearDuplicateOfId: null },
    });
    const story = await caller.story.getForEditing({ idOrSlug: item?.storyId ?? "" });
    expect(story.nearDuplicateOf?.id).toBe(original.id);
  });

  it("previews without storing anything", async () => {
    const caller = await editorCaller();
    const before = await database.db.story.count();
    const preview = await caller.upload.preview({
      files: [{ name: "new.txt", text: libraryStory.replace("Sundays", "Mondays") }],
    });
    expect(preview).toEqual([
      expect.objectContaining({
        ok: true,
        story: expect.objectContaining({ title: "Hillford library to open on Mondays from January" }),
      }),
    ]);
    expect(await database.db.story.count()).toBe(before);
  });

  it("keeps each item atomic: two identical items in one upload store one story", async () => {
    const twice = libraryStory.replace("Hillford", "Lowford").replace("Hillford's", "Lowford's");
    const result = await commitUpload(
      database.db,
      [
        { name: "a.txt", bytes: twice },
        { name: "b.txt", bytes: twice },
      ],
      { userId: null, via: "cli" },
    );
    expect(result.items.map((item) => item.status)).toEqual(["stored", "duplicate"]);
  });
});

describe("uploads racing", () => {
  it("two uploads of the same new article at once store it once and report the other as its duplicate", async () => {
    const article = libraryStory.replace(/Hillford/g, "Esterby");
    const [first, second] = await Promise.all([
      commitUpload(database.db, [{ name: "one.txt", bytes: article }], { userId: null, via: "api" }),
      commitUpload(database.db, [{ name: "two.txt", bytes: article }], { userId: null, via: "api" }),
    ]);
    const statuses = [first.items[0]?.status, second.items[0]?.status].sort();
    expect(statuses).toEqual(["duplicate", "stored"]);
    expect(await database.db.story.count({ where: { title: { startsWith: "Esterby library" } } })).toBe(1);
  });
});

describe("story editing", () => {
  it("edits, soft-deletes and restores a story, auditing each step", async () => {
    const caller = await editorCaller();
    const anonymous = createCaller(createInnerContext({ db: database.db }));
    const story = await database.db.story.findFirstOrThrow({
      where: { title: { startsWith: "Hillford library" } },
    });

    const updated = await caller.story.update({
      id: story.id,
      title: "Hillford library opens on Sundays",
      source: "Hillford Herald",
    });
    expect(updated.title).toBe("Hillford library opens on Sundays");
    expect(updated.source).toBe("Hillford Herald");

    await caller.story.delete({ id: story.id });
    await expect(anonymous.story.get({ idOrSlug: story.slug })).rejects.toThrow(/not found/);
    expect((await anonymous.story.list({ limit: 50 })).items.map((item) => item.id)).not.toContain(story.id);

    await caller.story.restore({ id: story.id });
    await expect(anonymous.story.get({ idOrSlug: story.slug })).resolves.toMatchObject({
      title: "Hillford library opens on Sundays",
    });

    const audit = await database.db.auditLog.findMany({
      where: { entityId: story.id },
      orderBy: { createdAt: "asc" },
    });
    expect(audit.map((entry) => [entry.action, entry.actorId, entry.via])).toEqual([
      ["story.create", editor.id, "ui"],
      ["story.update", editor.id, "ui"],
      ["story.delete", editor.id, "ui"],
      ["story.restore", editor.id, "ui"],
    ]);
  });

  it("refuses an edit that would make the story an exact duplicate of another", async () => {
    const caller = await editorCaller();
    const ferry = await database.db.story.findFirstOrThrow({
      where: { title: { startsWith: "Ferry crossing" }, nearDuplicateOfId: null },
    });
    const edited = await database.db.story.findFirstOrThrow({ where: { nearDuplicateOfId: ferry.id } });
    await expect(caller.story.update({ id: edited.id, body: ferry.body })).rejects.toThrow(
      /would duplicate “Ferry crossing/,
    );
  });

  it("does not let anonymous visitors upload or edit", async () => {
    const anonymous = createCaller(createInnerContext({ db: database.db }));
    await expect(anonymous.upload.commit({ files: [{ text: ferryStory }] })).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
    await expect(anonymous.story.delete({ id: "anything" })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});
