// The migration runner end to end: on a fresh real PostgreSQL database, and on embedded
// PGlite served over the wire (what `pnpm dev` uses when there is no DATABASE_URL).
import { cp, mkdtemp, rm, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import pg from "pg";
import { createTestDatabase } from "./testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, defaultMigrationsDir, getMigrationStatus, readMigrations } from "./migrate";

/** An empty database: on the test server, or on the embedded one when none is reachable. */
async function createEmptyDatabase() {
  const database = await createTestDatabase({ migrate: false });
  // The runner's tests use their own pg connections; the Prisma client is not needed.
  return { url: database.url, embedded: database.embedded, drop: database.drop };
}

/** Runs one statement on its own connection; PGlite must never see two at once. */
async function query<Row extends pg.QueryResultRow>(
  url: string,
  text: string,
  values: unknown[] = [],
): Promise<Row[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<Row>(text, values)).rows;
  } finally {
    await client.end();
  }
}

const expectedTables = [
  "Account",
  "AuditLog",
  "Briefing",
  "BriefingControl",
  "RateLimit",
  "ReaderDigest",
  "Session",
  "SiteSetting",
  "Source",
  "Story",
  "StoryBand",
  "StoryTopic",
  "Topic",
  "TopicFollow",
  "TopicRequest",
  "TopicRequestStory",
  "UploadBatch",
  "UploadItem",
  "User",
  "Verification",
  "_prisma_migrations",
];

async function insertStory(url: string, slug: string, body: string): Promise<void> {
  await query(
    url,
    `INSERT INTO "Story" ("id", "slug", "title", "dek", "body", "original", "originalFormat",
                          "contentHash", "updatedAt")
     VALUES ($1, $1, 'Harbour cranes idle', 'Port strike enters second week', $2, $2, 'text', $1, now())`,
    [slug, body],
  );
}

async function searchStories(url: string, words: string): Promise<string[]> {
  const rows = await query<{ slug: string }>(
    url,
    `SELECT "slug" FROM "Story" WHERE "searchVector" @@ to_tsquery('english', $1) ORDER BY "slug"`,
    [words],
  );
  return rows.map((row) => row.slug);
}

describe("applyMigrations on PostgreSQL", () => {
  let db: Awaited<ReturnType<typeof createEmptyDatabase>>;
  const names: string[] = [];

  beforeAll(async () => {
    db = await createEmptyDatabase();
    names.push(...(await readMigrations()).map((m) => m.name));
  });
  afterAll(async () => {
    await db?.drop();
  });

  it("applies every migration to an empty database", async () => {
    const lines: string[] = [];
    const result = await applyMigrations(db.url, {
      log: (line) => lines.push(line),
    });
    expect(names.length).toBeGreaterThan(0);
    expect(result).toEqual({ applied: names, alreadyApplied: 0 });
    expect(lines).toContain(`applying ${names[0]}`);

    const tables = await query<{ table_name: string }>(
      db.url,
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`,
    );
    expect(tables.map((t) => t.table_name).sort()).toEqual([...expectedTables].sort());

    const indexes = await query<{ indexdef: string }>(
      db.url,
      `SELECT indexdef FROM pg_indexes WHERE indexname = 'Story_searchVector_idx'`,
    );
    expect(indexes[0]?.indexdef).toMatch(/USING gin \("searchVector"\)/);
  });

  it("records the history as Prisma does", async () => {
    const migrations = await readMigrations();
    const rows = await query<{
      migration_name: string;
      checksum: string;
      finished_at: Date | null;
      applied_steps_count: number;
    }>(
      db.url,
      `SELECT migration_name, checksum, finished_at, applied_steps_count
         FROM _prisma_migrations ORDER BY migration_name`,
    );
    expect(rows.map((r) => r.migration_name)).toEqual(names);
    for (const [i, row] of rows.entries()) {
      expect(row.checksum).toBe(migrations[i]?.checksum);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it("fills searchVector from title, dek and body, and refreshes it on edit", async () => {
    await insertStory(db.url, "strike", "Dockworkers walked out over automation at the terminal.");
    expect(await searchStories(db.url, "dockworker & automation")).toEqual(["strike"]);
    expect(await searchStories(db.url, "harbour & strike")).toEqual(["strike"]);

    await query(
      db.url,
      `UPDATE "Story" SET "body" = 'Talks resumed with a mediator.' WHERE "slug" = 'strike'`,
    );
    expect(await searchStories(db.url, "automation")).toEqual([]);
    expect(await searchStories(db.url, "mediator")).toEqual(["strike"]);
  });

  it("does nothing on a second run", async () => {
    expect(await applyMigrations(db.url)).toEqual({
      applied: [],
      alreadyApplied: names.length,
    });
    expect(await getMigrationStatus(db.url)).toEqual({
      applied: names,
      pending: [],
      failed: [],
      modified: [],
      unknown: [],
    });
  });

  it("refuses to run when an applied migration was edited", async () => {
    const first = names[0] ?? "";
    const [original] = await query<{ checksum: string }>(
      db.url,
      `SELECT checksum FROM _prisma_migrations WHERE migration_name = $1`,
      [first],
    );
    await query(db.url, `UPDATE _prisma_migrations SET checksum = $2 WHERE migration_name = $1`, [
      first,
      "0".repeat(64),
    ]);
    try {
      await expect(applyMigrations(db.url)).rejects.toThrow(
        `migration(s) were edited after they were applied: ${first}`,
      );
      expect((await getMigrationStatus(db.url)).modified).toEqual([first]);
    } finally {
      await query(db.url, `UPDATE _prisma_migrations SET checksum = $2 WHERE migration_name = $1`, [
        first,
        original?.checksum,
      ]);
    }
  });

  it("rolls back a failing migration, records why, and blocks later runs", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "dispatch-migrations-"));
    try {
      await cp(defaultMigrationsDir, dir, { recursive: true });
      const broken = "29991231235959_broken";
      await mkdir(path.join(dir, broken));
      await writeFile(
        path.join(dir, broken, "migration.sql"),
        `CREATE TABLE "Probe" ("id" INTEGER);\nSELECT * FROM "NoSuchTable";\n`,
      );

      await expect(applyMigrations(db.url, { migrationsDir: dir })).rejects.toThrow(
        `migration ${broken} failed: relation "NoSuchTable" does not exist`,
      );
      const probe = await query(db.url, `SELECT to_regclass('"Probe"') AS t`);
      expect(probe[0]).toEqual({ t: null });
      const [row] = await query<{
        finished_at: Date | null;
        logs: string | null;
      }>(db.url, `SELECT finished_at, logs FROM _prisma_migrations WHERE migration_name = $1`, [broken]);
      expect(row?.finished_at).toBeNull();
      expect(row?.logs).toContain("NoSuchTable");

      expect((await getMigrationStatus(db.url, { migrationsDir: dir })).failed).toEqual([broken]);
      await expect(applyMigrations(db.url, { migrationsDir: dir })).rejects.toThrow(
        `failed earlier and were never finished:\n  ${broken}`,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("applyMigrations on PGlite over the wire", () => {
  let pglite: PGlite;
  let server: PGLiteSocketServer;
  let url: string;

  beforeAll(async () => {
    pglite = new PGlite();
    // One connection, as the runner uses; test queries open theirs one at a time after it.
    server = new PGLiteSocketServer({
      db: pglite,
      port: 0,
      host: "127.0.0.1",
      maxConnections: 4,
    });
    await server.start();
    url = `postgres://postgres@${server.getServerConn()}/postgres`;
  }, 30_000);
  afterAll(async () => {
    await server?.stop();
    await pglite?.close();
  });

  it("applies, is a no-op the second time, and the search trigger works", async () => {
    const names = (await readMigrations()).map((m) => m.name);
    expect(await applyMigrations(url)).toEqual({
      applied: names,
      alreadyApplied: 0,
    });
    expect(await applyMigrations(url)).toEqual({
      applied: [],
      alreadyApplied: names.length,
    });

    await insertStory(url, "strike", "Dockworkers walked out over automation at the terminal.");
    expect(await searchStories(url, "automation")).toEqual(["strike"]);
  }, 30_000);
});
