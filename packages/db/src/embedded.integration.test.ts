import { afterAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { createDb } from "./client";
import { startEmbeddedPostgres } from "./embedded";
import { applyMigrations } from "./migrate";

const dataDir = mkdtempSync(path.join(tmpdir(), "dispatch-embedded-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe("embedded PostgreSQL", () => {
  it("serves the wire protocol, runs migrations and Prisma, and keeps data across a restart", async () => {
    const first = await startEmbeddedPostgres({ dataDir });
    try {
      const applied = await applyMigrations(first.url);
      expect(applied.applied.length).toBeGreaterThan(0);
      const db = createDb(first.url, { max: 4 });
      await db.topic.create({ data: { slug: "harbour", name: "Harbour" } });
      // Several pooled connections at once must not break (PGlite serves one session).
      const counts = await Promise.all([
        db.topic.count(),
        db.story.count(),
        db.source.count(),
        db.topic.count(),
      ]);
      expect(counts).toEqual([1, 0, 0, 1]);
      await db.$disconnect();
    } finally {
      await first.stop();
    }

    const second = await startEmbeddedPostgres({ dataDir });
    try {
      const again = await applyMigrations(second.url);
      expect(again.applied).toEqual([]);
      const client = new pg.Client({ connectionString: second.url });
      await client.connect();
      const { rows } = await client.query<{ slug: string }>('SELECT slug FROM "Topic"');
      await client.end();
      expect(rows.map((row) => row.slug)).toEqual(["harbour"]);
    } finally {
      await second.stop();
    }
  }, 60_000);
});
