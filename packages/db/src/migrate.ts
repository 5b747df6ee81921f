// Applies prisma/migrations to a database without Prisma's native engine, recording them in
// Prisma's own `_prisma_migrations` table so `prisma migrate deploy` can take over anywhere.
import { createHash, randomUUID } from "node:crypto";
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

/** Built from this file, not the cwd: the runner is called from apps, tests and scripts. */
export const defaultMigrationsDir = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  "..",
  "prisma",
  "migrations",
);

/** The key `prisma migrate` locks on, so our runner and Prisma's never apply at once. */
const MIGRATION_LOCK_KEY = 72707369;

export interface Migration {
  /** Folder name, e.g. `20261126111342_init`; folders apply in name order. */
  name: string;
  sql: string;
  /** sha256 hex of the migration.sql bytes, as Prisma computes it. */
  checksum: string;
  /** Prisma also accepts a file whose only change is CRLF line endings (git autocrlf). */
  lfChecksum: string;
}

export interface MigrationOptions {
  /** Defaults to this package's prisma/migrations. */
  migrationsDir?: string;
}

export interface ApplyOptions extends MigrationOptions {
  log?: (line: string) => void;
}

export interface ApplyResult {
  applied: string[];
  alreadyApplied: number;
}

export interface MigrationStatus {
  applied: string[];
  /** On disk, not yet in the database. */
  pending: string[];
  /** Started and never finished; nothing applies until someone resolves them. */
  failed: string[];
  /** Applied, but migration.sql has changed since. */
  modified: string[];
  /** Applied in the database but absent on disk: the database runs newer code than this. */
  unknown: string[];
}

/** One row of `_prisma_migrations`, the columns we read. */
interface MigrationRow {
  id: string;
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  logs: string | null;
}

/** Prisma's DDL for the history table, verbatim, so its engine accepts our rows. */
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

function sha256(data: Buffer | string): string {
  return createHash("sha256").update(data).digest("hex");
}

/** Reads every migration folder, in the order Prisma applies them (by name). */
export async function readMigrations(migrationsDir = defaultMigrationsDir): Promise<Migration[]> {
  const entries = await readdir(migrationsDir, { withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const file = path.join(migrationsDir, name, "migration.sql");
      const bytes = await readFile(file).catch((error: unknown) => {
        throw new Error(`migration folder ${name} has no readable migration.sql (${file})`, {
          cause: error,
        });
      });
      const sql = bytes.toString("utf8");
      return {
        name,
        sql,
        checksum: sha256(bytes),
        lfChecksum: sha256(sql.replace(/\r\n/g, "\n")),
      };
    }),
  );
}

async function hasMigrationsTable(client: pg.Client): Promise<boolean> {
  const result = await client.query<{ exists: boolean }>(
    `SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS "exists"`,
  );
  return result.rows[0]?.exists === true;
}

/** Rows that count: one rolled back with `prisma migrate resolve` is history, not state. */
async function readMigrationRows(client: pg.Client): Promise<MigrationRow[]> {
  if (!(await hasMigrationsTable(client))) return [];
  const result = await client.query<MigrationRow>(
    `SELECT "id", "migration_name", "checksum", "finished_at", "logs"
       FROM "_prisma_migrations"
      WHERE "rolled_back_at" IS NULL
      ORDER BY "started_at", "migration_name"`,
  );
  return result.rows;
}

function computeStatus(migrations: Migration[], rows: MigrationRow[]): MigrationStatus {
  const onDisk = new Map(migrations.map((migration) => [migration.name, migration]));
  const finished = new Map<string, MigrationRow>();
  const failed: string[] = [];
  for (const row of rows) {
    if (row.finished_at === null) failed.push(row.migration_name);
    else finished.set(row.migration_name, row);
  }
  const modified = [...finished.values()]
    .filter((row) => {
      const migration = onDisk.get(row.migration_name);
      return (
        migration !== undefined &&
        row.checksum !== migration.checksum &&
        row.checksum !== migration.lfChecksum
      );
    })
    .map((row) => row.migration_name);
  return {
    applied: migrations.filter((m) => finished.has(m.name)).map((m) => m.name),
    pending: migrations.filter((m) => !finished.has(m.name) && !failed.includes(m.name)).map((m) => m.name),
    failed,
    modified,
    unknown: [...finished.keys()].filter((name) => !onDisk.has(name)),
  };
}

function describeFailures(status: MigrationStatus, rows: MigrationRow[]): string | undefined {
  if (status.failed.length > 0) {
    const details = status.failed
      .map((name) => {
        const logs = rows.find((row) => row.migration_name === name)?.logs;
        return `  ${name}${logs ? `: ${logs.split("\n")[0] ?? ""}` : ""}`;
      })
      .join("\n");
    return (
      `migration(s) failed earlier and were never finished:\n${details}\n` +
      "Fix the database by hand, then mark the row rolled back (set rolled_back_at) or " +
      "finished, before applying again."
    );
  }
  if (status.modified.length > 0) {
    return (
      `migration(s) were edited after they were applied: ${status.modified.join(", ")}.\n` +
      "An applied migration must never change: restore the file from git and put the change " +
      "in a new migration."
    );
  }
  return undefined;
}

/**
 * Applies every pending migration, each in its own transaction, holding Prisma's advisory
 * lock so two app instances starting together cannot both run one. Uses a single client
 * rather than a pool: embedded PGlite serves every connection from one session.
 */
export async function applyMigrations(
  connectionString: string,
  options: ApplyOptions = {},
): Promise<ApplyResult> {
  const log = options.log ?? (() => {});
  const migrations = await readMigrations(options.migrationsDir);
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    try {
      await client.query(CREATE_MIGRATIONS_TABLE);
      // Read after taking the lock: another instance may have just applied what we would.
      const rows = await readMigrationRows(client);
      const status = computeStatus(migrations, rows);
      const refusal = describeFailures(status, rows);
      if (refusal !== undefined) throw new Error(refusal);
      if (status.unknown.length > 0) {
        log(`database has migrations this code does not know: ${status.unknown.join(", ")}`);
      }
      const applied: string[] = [];
      for (const name of status.pending) {
        const migration = migrations.find((m) => m.name === name);
        if (migration === undefined) continue;
        log(`applying ${name}`);
        await applyOne(client, migration);
        applied.push(name);
      }
      if (applied.length === 0) log("database is up to date");
      return { applied, alreadyApplied: status.applied.length };
    } finally {
      // Ending the session releases the lock anyway; a failed unlock must not hide the error.
      await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => {});
    }
  } finally {
    await client.end();
  }
}

/**
 * Records the start outside the transaction, as Prisma does, so a failure leaves a row with
 * the error in `logs` and blocks later runs until a person looks at it.
 */
async function applyOne(client: pg.Client, migration: Migration): Promise<void> {
  const id = randomUUID();
  await client.query(
    `INSERT INTO "_prisma_migrations" ("id", "checksum", "migration_name", "started_at", "applied_steps_count")
     VALUES ($1, $2, $3, now(), 0)`,
    [id, migration.checksum, migration.name],
  );
  try {
    await client.query("BEGIN");
    // No parameters, so pg uses the simple query protocol, which runs a multi-statement file.
    await client.query(migration.sql);
    await client.query(
      `UPDATE "_prisma_migrations" SET "finished_at" = now(), "applied_steps_count" = 1 WHERE "id" = $1`,
      [id],
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    const logs = formatError(migration.name, error);
    await client.query(`UPDATE "_prisma_migrations" SET "logs" = $2 WHERE "id" = $1`, [id, logs]);
    throw new Error(logs, { cause: error });
  }
}

function formatError(name: string, error: unknown): string {
  if (!(error instanceof Error)) return `migration ${name} failed: ${String(error)}`;
  const details = error as Error & {
    code?: string;
    position?: string;
    detail?: string;
  };
  const parts = [`migration ${name} failed: ${error.message}`];
  if (details.code) parts.push(`SQLSTATE ${details.code}`);
  if (details.position) parts.push(`at character ${details.position} of migration.sql`);
  if (details.detail) parts.push(details.detail);
  return parts.join("\n");
}

/** What `prisma migrate status` would say, read-only (no lock, no table created). */
export async function getMigrationStatus(
  connectionString: string,
  options: MigrationOptions = {},
): Promise<MigrationStatus> {
  const migrations = await readMigrations(options.migrationsDir);
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return computeStatus(migrations, await readMigrationRows(client));
  } finally {
    await client.end();
  }
}
