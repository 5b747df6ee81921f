// Bulk uploads with poisonous items: every item stands alone, and the upload history counts
// every item, whatever one of them holds.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@dispatch/db/testing";
import { INGEST_LIMITS, type UploadFile } from "@dispatch/ingest";
import { createCaller } from "../root";
import { createInnerContext } from "../trpc";
import { commitUpload } from "./upload";
import { getUploadBatch, listUploadBatches } from "./upload-batches";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  await database.db.user.upsert({ where: { id: editor.id }, create: { ...editor }, update: {} });
});
afterAll(async () => {
  await database.drop();
});

const editor = { id: "editor-r", email: "robust@example.test", name: "Rob Ust", role: "editor" as const };
const editorCaller = () => createCaller(createInnerContext({ db: database.db, user: editor, via: "ui" }));

function article(town: string): string {
  return [
    `${town} council opens a new footbridge over the river`,
    "",
    `The footbridge in ${town} opened on Saturday after eight months of building work, the town council said.`,
    "",
    `Walkers had crossed at the old ford since the last bridge was washed away. Council engineer Ines Varga said the new span in ${town} would carry bicycles as well as people.`,
  ].join("\n");
}

const deepJson = `{"title":"Deep","body":"x","extra":${"[".repeat(10_000)}${"]".repeat(10_000)}}`;
const png = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1,
  8, 2, 0, 0, 0,
]);

describe("a mixed upload with poisonous items", () => {
  it("stores every good item around a deeply nested, a binary and an oversized one, and the history counts them all", async () => {
    const result = await editorCaller().upload.commit({
      files: [
        { name: "ashcombe.txt", text: article("Ashcombe") },
        { name: "deep.json", text: deepJson },
        { name: "brindle.txt", text: article("Brindle") },
        { name: "photo.png", base64: png.toString("base64") },
        { name: "huge.txt", text: "a".repeat(INGEST_LIMITS.maxBytes + 1) },
        { name: "carrow.txt", text: article("Carrow") },
      ],
    });
    expect(result.items.map((item) => [item.item, item.status])).toEqual([
      ["ashcombe.txt", "stored"],
      ["deep.json", "rejected"],
      ["brindle.txt", "stored"],
      ["photo.png", "rejected"],
      ["huge.txt", "rejected"],
      ["carrow.txt", "stored"],
    ]);
    expect(result.items[1]?.message).toMatch(/deep\.json: nests arrays or objects more than 32 levels deep/);
    expect(result.items[4]?.message).toMatch(/huge\.txt: file is 5,242,881 bytes; the limit is 5 MB/);

    const history = await listUploadBatches(database.db, { limit: 10 });
    const listed = history.items.find((batch) => batch.id === result.batchId);
    expect(listed && [listed.storedCount, listed.duplicateCount, listed.rejectedCount]).toEqual([3, 0, 3]);
    const batch = await getUploadBatch(database.db, result.batchId);
    expect(batch.items.map((item) => [item.filename, item.status])).toEqual(
      result.items.map((item) => [item.item, item.status]),
    );
  });

  it("rejects only the poisonous entry of a JSON array and stores the entries around it", async () => {
    const entry = (town: string) =>
      JSON.stringify({
        title: `${town} opens a footbridge`,
        body: article(town).split("\n\n").slice(1).join("\n\n"),
      });
    const text = `[${entry("Dunmere")}, ${deepJson}, ${entry("Eastwick")}]`;
    const result = await editorCaller().upload.commit({ files: [{ name: "batch.json", text }] });
    expect(result.items.map((item) => [item.item, item.status])).toEqual([
      ["batch.json[0]", "stored"],
      ["batch.json[1]", "rejected"],
      ["batch.json[2]", "stored"],
    ]);
    const batch = await getUploadBatch(database.db, result.batchId);
    expect([batch.storedCount, batch.rejectedCount, batch.items.length]).toEqual([2, 1, 3]);
  });

  it("records what was stored when the stream of files itself fails midway", async () => {
    async function* files(): AsyncGenerator<UploadFile> {
      yield { name: "fenby.txt", bytes: article("Fenby") };
      throw new Error("the disk went away");
    }
    const before = (await listUploadBatches(database.db, { limit: 100 })).items.length;
    await expect(commitUpload(database.db, files(), { userId: editor.id, via: "cli" })).rejects.toThrow(
      /disk went away/,
    );
    const history = await listUploadBatches(database.db, { limit: 100 });
    expect(history.items).toHaveLength(before + 1);
    const batch = await getUploadBatch(database.db, history.items[0]?.id ?? "");
    expect([batch.storedCount, batch.items.map((item) => item.filename)]).toEqual([1, ["fenby.txt"]]);
  });
});

describe("refused input says what to do", () => {
  it("answers 201 files with one sentence, not zod's issues", async () => {
    const files = Array.from({ length: 201 }, (_, index) => ({ name: `f${index}.txt`, text: "x" }));
    await expect(editorCaller().upload.commit({ files })).rejects.toThrow(
      /^201 files; the limit is 200 per upload — split them into two uploads\.$/,
    );
  });

  it("refuses a preview edit that makes the title longer than the limit, with both lengths", async () => {
    const overrides = { "ashcombe-2.txt": { title: "<b>".repeat(700) } };
    await expect(
      editorCaller().upload.commit({
        files: [{ name: "ashcombe-2.txt", text: article("Ashcombe Vale") }],
        overrides,
      }),
    ).rejects.toThrow(/^The title is 2,100 characters long; the limit is 300; shorten it\.$/);
  });

  it("names the field in zod's generic messages", async () => {
    await expect(editorCaller().upload.batch({ id: "" })).rejects.toThrow(/^id: too small/);
  });
});
