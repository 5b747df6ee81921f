// Creating topics is for admins: an editor's upload naming a missing topic asks an admin for
// it instead of creating it; the admin sees the request beside the suggestions and decides.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@dispatch/db/testing";
import { createCaller } from "../root";
import { createInnerContext } from "../trpc";

let database: TestDatabase;
const admin = { id: "admin-t", email: "admin-t@example.test", name: "Ada Admin", role: "admin" as const };
const editor = {
  id: "editor-t",
  email: "editor-t@example.test",
  name: "Eda Editor",
  role: "editor" as const,
};

beforeAll(async () => {
  database = await createTestDatabase();
  for (const user of [admin, editor]) await database.db.user.create({ data: user });
});
afterAll(async () => {
  await database.drop();
});

const as = (user: typeof admin | typeof editor) =>
  createCaller(createInnerContext({ db: database.db, user, via: "ui" }));

/** A bundle: a topic line, then articles each ended by "Source link". */
function bundle(topicLine: string, places: string[]): string {
  const articles = places.map((place) =>
    [
      `Tram line to ${place} reopens after track repairs`,
      "",
      `Trams to ${place} ran again on Friday morning after three weeks of repairs to the track, the transport authority said.`,
      "",
      `Passengers in ${place} had used replacement buses since the start of the month. Operations manager Joan Ridley said the trams would keep to the normal timetable.`,
      "",
      "Source link",
    ].join("\n"),
  );
  return [topicLine, "", ...articles].join("\n");
}

describe("topic lines in uploads", () => {
  it("an editor's unknown topic line creates no topic: the story is stored and an admin is asked", async () => {
    const result = await as(editor).upload.commit({
      files: [{ name: "trams.txt", text: bundle("city trams", ["Northgate", "Southmoor"]) }],
      topicFromHint: true,
    });
    expect(result.items.map((item) => item.status)).toEqual(["stored", "stored"]);
    for (const item of result.items)
      expect(item.message).toContain(
        "Topic ‘City trams’ does not exist; an admin has been asked to create it.",
      );
    expect(await database.db.topic.count()).toBe(0);

    // The history keeps the same message.
    const batch = await as(editor).upload.batch({ id: result.batchId });
    expect(batch.items[0]?.message).toContain("an admin has been asked to create it");

    // Admins see one request, with both waiting stories; editors may not.
    const requests = await as(admin).suggestion.topicRequests({ limit: 10 });
    expect(requests.items).toEqual([
      expect.objectContaining({
        name: "City trams",
        slug: "city-trams",
        storyCount: 2,
        requestedBy: { email: editor.email, name: editor.name },
      }),
    ]);
    await expect(as(editor).suggestion.topicRequests({ limit: 10 })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("an editor's topic override in the preview is a request too, joining the open one", async () => {
    const file = { name: "east.txt", text: bundle("", ["Eastbank"]).trimStart() };
    const result = await as(editor).upload.commit({
      files: [file],
      topicFromHint: true,
      overrides: { "east.txt#1": { topicHint: "City Trams" } },
    });
    expect(result.items[0]?.message).toContain("Topic ‘City Trams’ does not exist");
    expect(await database.db.topic.count()).toBe(0);
    const requests = await as(admin).suggestion.topicRequests({ limit: 10 });
    expect(requests.items.map((request) => [request.slug, request.storyCount])).toEqual([["city-trams", 3]]);
  });

  it("an admin creates the requested topic, which tags every waiting story", async () => {
    const [request] = (await as(admin).suggestion.topicRequests({ limit: 10 })).items;
    const created = await as(admin).suggestion.createRequestedTopic({
      id: request?.id ?? "",
      name: "City trams",
    });
    expect(created).toMatchObject({ topic: { slug: "city-trams", name: "City trams" }, tagged: 3 });
    const tagged = await database.db.storyTopic.count({
      where: { topic: { slug: "city-trams" }, status: "approved" },
    });
    expect(tagged).toBe(3);
    expect((await as(admin).suggestion.topicRequests({ limit: 10 })).items).toEqual([]);
  });

  it("an editor's topic line naming an existing topic tags the story with it", async () => {
    const result = await as(editor).upload.commit({
      files: [{ name: "west.txt", text: bundle("City trams", ["Westfield"]) }],
      topicFromHint: true,
    });
    expect(result.items[0]?.message).not.toContain("does not exist");
    const storyId = result.items[0]?.storyId ?? "";
    expect(
      await database.db.storyTopic.findFirst({ where: { storyId, topic: { slug: "city-trams" } } }),
    ).not.toBeNull();
  });

  it("an admin's upload still creates a missing topic", async () => {
    const result = await as(admin).upload.commit({
      files: [{ name: "ferries.txt", text: bundle("river ferries", ["Ferrybridge"]) }],
      topicFromHint: true,
    });
    expect(result.items[0]?.message).not.toContain("does not exist");
    expect(
      await database.db.topic.findUnique({ where: { slug: "river-ferries" }, select: { name: true } }),
    ).toEqual({ name: "River ferries" });
  });

  it("an admin may dismiss a request; the stories stay untagged", async () => {
    await as(editor).upload.commit({
      files: [{ name: "bus.txt", text: bundle("night buses", ["Hollowell"]) }],
      topicFromHint: true,
    });
    const [request] = (await as(admin).suggestion.topicRequests({ limit: 10 })).items;
    expect(request?.name).toBe("Night buses");
    await as(admin).suggestion.dismissTopicRequest({ id: request?.id ?? "" });
    expect((await as(admin).suggestion.topicRequests({ limit: 10 })).items).toEqual([]);
    await expect(as(admin).suggestion.dismissTopicRequest({ id: request?.id ?? "" })).rejects.toThrow(
      /already dismissed/,
    );
    expect(await database.db.topic.count({ where: { slug: "night-buses" } })).toBe(0);
  });
});
