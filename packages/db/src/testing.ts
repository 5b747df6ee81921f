// Test databases: a fresh, migrated database per test run on the real PostgreSQL server
// when one is reachable (TEST_DATABASE_URL, else 127.0.0.1:5432 as postgres), dropped
// afterwards; otherwise an in-memory embedded PostgreSQL, and the run says so.
import pg from "pg";
import { randomBytes } from "node:crypto";
import { createDb, type Db } from "./client";
import { startEmbeddedPostgres } from "./embedded";
import { getDbEnv } from "./env";
import { applyMigrations } from "./migrate";

export type TestDatabase = {
  url: string;
  db: Db;
  /** True on the embedded fallback: tests that need several truly concurrent connections skip. */
  embedded: boolean;
  drop: () => Promise<void>;
};

const DEFAULT_SERVER = "postgres://postgres@127.0.0.1:5432/postgres";

/** Why concurrency tests are skipped on the embedded server (one shared session). */
export const EMBEDDED_SKIP_REASON =
  "needs a real PostgreSQL server (the embedded one serves one session at a time)";

let announced = false;

export type TestDatabaseOptions = {
  /** Use the embedded server even when a real one is reachable (benchmarks comparing the two). */
  embedded?: boolean;
  /** Apply the migrations (default); the migration runner's own tests want an empty database. */
  migrate?: boolean;
};

export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const adminUrl = getDbEnv().TEST_DATABASE_URL ?? DEFAULT_SERVER;
  const migrate = options.migrate ?? true;
  if (options.embedded) return createEmbeddedDatabase(migrate);
  if (await canConnect(adminUrl)) return createServerDatabase(adminUrl, migrate);
  if (!announced) {
    announced = true;
    console.warn(
      `[dispatch] No PostgreSQL server at ${redact(adminUrl)}: running database tests on the ` +
        "embedded PostgreSQL (PGlite). Concurrency tests are skipped.",
    );
  }
  return createEmbeddedDatabase(migrate);
}

/** An in-memory embedded PostgreSQL, migrated; benchmarks may ask for it on purpose. */
async function createEmbeddedDatabase(migrate: boolean): Promise<TestDatabase> {
  const embedded = await startEmbeddedPostgres();
  if (migrate) await applyMigrations(embedded.url);
  const db = createDb(embedded.url, { max: 4 });
  return {
    url: embedded.url,
    db,
    embedded: true,
    drop: async () => {
      await db.$disconnect();
      await embedded.stop();
    },
  };
}

async function createServerDatabase(adminUrl: string, migrate: boolean): Promise<TestDatabase> {
  const name = `dispatch_test_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  await withClient(adminUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  const url = withDatabase(adminUrl, name);
  if (migrate) await applyMigrations(url);
  const db = createDb(url, { max: 5 });
  return {
    url,
    db,
    embedded: false,
    drop: async () => {
      await db.$disconnect();
      await withClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = "***";
  return parsed.toString();
}

/** A story a test writes itself: its words, its outlet and when it was published. */
export type TestStory = {
  slug: string;
  title: string;
  body: string;
  source: string;
  publishedAt?: Date | string | null;
  dek?: string | null;
};

/**
 * Stores one published story (its outlet made on first use), tagged by an editor to the given
 * topics, as a newsroom's upload would leave it; tests and journeys then rebuild or read.
 */
export async function addTestStory(
  db: Db,
  story: TestStory,
  topics: readonly { id: string }[] = [],
): Promise<{ id: string }> {
  const source = await db.source.upsert({
    where: { name: story.source },
    create: { name: story.source },
    update: {},
  });
  const row = await db.story.create({
    data: {
      slug: story.slug,
      title: story.title,
      dek: story.dek ?? null,
      body: story.body,
      original: story.body,
      originalFormat: "text",
      contentHash: `test-story-${story.slug}`,
      sourceId: source.id,
      publishedAt: story.publishedAt == null ? null : new Date(story.publishedAt),
    },
    select: { id: true },
  });
  for (const topic of topics) {
    await db.storyTopic.create({ data: { storyId: row.id, topicId: topic.id, origin: "manual" } });
  }
  return row;
}
