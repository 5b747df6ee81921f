// The CLI's writes go through the same procedures as the apps: a value the router refuses is
// refused at the terminal with the router's message, and nothing is stored; what it does store
// is audited with the CLI as the channel and no account.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@dispatch/db/testing";

const bin = fileURLToPath(new URL("../bin/dispatch.mjs", import.meta.url));
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
}, 60_000);
afterAll(async () => {
  await database?.drop();
});

function run(args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    encoding: "utf8",
    input: "",
    env: { ...process.env, DATABASE_URL: database.url, FORCE_COLOR: "0", NO_COLOR: "1" },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("dispatch writes", () => {
  it("refuses a topic description over the router's limit, in one line, and stores nothing", async () => {
    const { code, stderr } = run(["topic", "create", "Harbour dredging", "--description", "d".repeat(1001)]);
    expect(code).not.toBe(0);
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(/^error: description: .*1000/);
    expect(await database.db.topic.count({ where: { name: "Harbour dredging" } })).toBe(0);
  });

  it("refuses an over-long topic name with the router's message", async () => {
    const { code, stderr } = run(["topic", "create", "n".repeat(300)]);
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/^error: The topic name is 300 characters long; the limit is \d+; shorten it\.$/m);
  });

  it("refuses an account whose email is not an email", async () => {
    const { code, stderr } = run(["user", "create", "--email", "not-an-email"]);
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/^error: email: invalid email/im);
    expect(await database.db.user.count()).toBe(0);
  });

  it("finds an account by email for a role change, and audits the CLI with no user", async () => {
    expect(run(["user", "create", "--email", "first@example.test", "--role", "admin"]).code).toBe(0);
    expect(run(["user", "create", "--email", "second@example.test"]).code).toBe(0);
    const changed = run(["user", "role", "second@example.test", "admin"]);
    expect(changed.stdout).toContain("second@example.test is now admin.");
    const entries = await database.db.auditLog.findMany({
      where: { action: "user.role" },
      select: { actorId: true, via: true },
    });
    expect(entries).toEqual([{ actorId: null, via: "cli" }]);
  });

  it("ingests a folder one file a call into one upload: a broken file is reported, its neighbours stored", async () => {
    const folder = mkdtempSync(path.join(tmpdir(), "dispatch-ingest-"));
    writeFileSync(
      path.join(folder, "a-ferry.md"),
      "---\ntitle: Night ferry to Orkay resumes\nsource: Harbour Gazette\n---\n\n" +
        "The night ferry between Lenport and Orkay sailed again on Monday after a six-week repair. " +
        "The operator said the crossing would run daily until the spring timetable.\n",
    );
    // A PNG named as text: the parsers must refuse it with its reason, not take the folder down.
    writeFileSync(
      path.join(folder, "b-photo.txt"),
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]),
    );
    writeFileSync(
      path.join(folder, "c-bundle.txt"),
      "Lenport harbour\n\nDredging of the Lenport channel starts in March\n\n" +
        "Dredgers will deepen the Lenport channel from March, the port authority said on Tuesday, " +
        "so that larger cargo ships can berth at the north quay.\n\nSource link\n",
    );

    const { code, stdout } = run(["ingest", folder, "--topic-from-hint", "--no-briefings"]);

    expect(code).toBe(1);
    expect(stdout).toMatch(/rejected\s+b-photo\.txt: .*PNG/i);
    expect(stdout).toMatch(/2 stored, 0 duplicates, 1 rejected \(batch \w+/);
    const stories = await database.db.story.findMany({ select: { title: true }, orderBy: { title: "asc" } });
    expect(stories.map((story) => story.title)).toEqual([
      "Dredging of the Lenport channel starts in March",
      "Night ferry to Orkay resumes",
    ]);
    const batches = await database.db.uploadBatch.findMany({
      select: { via: true, uploaderId: true, storedCount: true, rejectedCount: true },
    });
    expect(batches).toEqual([{ via: "cli", uploaderId: null, storedCount: 2, rejectedCount: 1 }]);
    // The bundle's topic line made its topic (the CLI has an admin's rights) and tagged the story.
    const topic = await database.db.topic.findFirst({
      where: { name: "Lenport harbour" },
      select: { _count: { select: { stories: true } } },
    });
    expect(topic?._count.stories).toBe(1);
  });
});
