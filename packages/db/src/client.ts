// The one Prisma client factory: Prisma 7 over @prisma/adapter-pg (no native engine needed).
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client";
import { getDbEnv } from "./env";

export type Db = PrismaClient;

export type CreateDbOptions = {
  /** Pool size. The embedded server shares one session, so it gets a small pool. */
  max?: number;
};

/** Creates a client for the given PostgreSQL URL. Callers own it and must `$disconnect()`. */
export function createDb(connectionString: string, options: CreateDbOptions = {}): Db {
  const adapter = new PrismaPg({ connectionString, max: options.max ?? 10 });
  return new PrismaClient({ adapter });
}

const globalForDb = globalThis as unknown as { dispatchDb?: Db };

/**
 * The process's shared client for DATABASE_URL. Kept on globalThis so Next.js dev reloads
 * don't open a new pool per edit.
 */
export function getDb(): Db {
  if (globalForDb.dispatchDb) return globalForDb.dispatchDb;
  const url = getDbEnv().DATABASE_URL;
  if (!url) {
    throw new Error(
      "DATABASE_URL is not set. Start the platform with `pnpm dev` (it starts an embedded " +
        "PostgreSQL), or set DATABASE_URL=postgres://user:password@host:5432/dbname.",
    );
  }
  globalForDb.dispatchDb = createDb(url);
  return globalForDb.dispatchDb;
}
