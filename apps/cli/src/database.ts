// Which database a command talks to: DATABASE_URL, or the embedded one in its data folder.
import { getDbEnv, type Db, createDb } from "@dispatch/db";
import { applyMigrations, getMigrationStatus } from "@dispatch/db/migrate";
import { CliError } from "./errors";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "@dispatch/db/embedded";
import { DEFAULT_EMBEDDED_PORT, getEmbeddedDataDir } from "./paths";

export type Connection = {
  url: string;
  /** Set when the embedded server was started for this process. */
  embedded: EmbeddedPostgres | null;
  describe: string;
};

/** Connects to DATABASE_URL, or starts the embedded PostgreSQL on its data folder. */
export async function openConnection(options: { port?: number } = {}): Promise<Connection> {
  const env = getDbEnv();
  if (env.DATABASE_URL) {
    return { url: env.DATABASE_URL, embedded: null, describe: redact(env.DATABASE_URL) };
  }
  const dataDir = getEmbeddedDataDir();
  const embedded = await startEmbeddedPostgres({
    dataDir,
    port: options.port ?? env.DISPATCH_EMBEDDED_PORT ?? 0,
  });
  return { url: embedded.url, embedded, describe: `embedded PostgreSQL (data in ${dataDir})` };
}

/**
 * The embedded database is ours to migrate; a server given by DATABASE_URL is migrated on
 * purpose (`dispatch db migrate`), so pending migrations there stop the command instead.
 */
async function ensureMigrated(connection: Connection): Promise<void> {
  if (connection.embedded) {
    await applyMigrations(connection.url);
    return;
  }
  const status = await getMigrationStatus(connection.url);
  if (status.pending.length > 0 || status.failed.length > 0) {
    throw new CliError(
      `${connection.describe} is not up to date (${status.pending.length} pending, ${status.failed.length} failed migrations). ` +
        "Run `pnpm dispatch db migrate` first.",
    );
  }
}

/** Runs `work` with a Prisma client on the chosen, migrated database, then closes everything. */
export async function withDatabase<T>(work: (db: Db, connection: Connection) => Promise<T>): Promise<T> {
  const connection = await openConnection();
  try {
    await ensureMigrated(connection);
  } catch (error) {
    await connection.embedded?.stop();
    throw error;
  }
  const db = createDb(connection.url, { max: connection.embedded ? 4 : 10 });
  try {
    return await work(db, connection);
  } finally {
    await db.$disconnect();
    await connection.embedded?.stop();
  }
}

export function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(unparseable URL)";
  }
}

export { DEFAULT_EMBEDDED_PORT };
