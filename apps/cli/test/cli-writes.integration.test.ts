// The CLI's writes go through the same procedures as the apps: a value the router refuses is
// refused at the terminal with the router's message, and nothing is stored; what it does store
// is audited with the CLI as the channel and no account.
import { spawnSync } from "node:child_process";
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
});
