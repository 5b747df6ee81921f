// The database package's environment, and the one way every package reads its own: a zod
// schema per package, parsed from process.env here (nowhere else), composed by each app and
// checked at its start-up. A bad or missing value stops start-up naming the variable.
import { z } from "zod";

/** Thrown for a bad environment; `problems` has one "NAME: what is wrong, what to set" line each. */
export class EnvError extends Error {
  override readonly name = "EnvError";
  constructor(readonly problems: string[]) {
    super(`Invalid environment:\n  ${problems.join("\n  ")}`);
  }
}

/** An app's public address: an http(s) URL, kept as its origin ("https://news.example.com"). */
export const publicUrl = (example: string) =>
  z
    .string()
    .trim()
    .refine((value) => {
      try {
        const url = new URL(value);
        return url.protocol === "http:" || url.protocol === "https:";
      } catch {
        return false;
      }
    }, `must be an http(s) URL such as ${example}`)
    .transform((value) => new URL(value).origin);

/**
 * Parses the variables a schema names from `source`. An empty variable counts as unset, as in
 * most shells' `VAR= command`. Throws an EnvError naming each bad variable.
 */
export function readEnv<Schema extends z.ZodObject>(
  schema: Schema,
  source: Record<string, string | undefined>,
): z.output<Schema> {
  const cleaned = Object.fromEntries(
    Object.entries(source).filter(
      ([key, value]) => key in schema.shape && value !== undefined && value !== "",
    ),
  );
  const result = schema.safeParse(cleaned);
  if (result.success) return result.data;
  throw new EnvError(
    result.error.issues.map((issue) => `${issue.path.join(".") || "environment"}: ${issue.message}`),
  );
}

/**
 * An app's start-up check: runs each package's getter (which caches what it parsed) and
 * gathers every problem into one EnvError, so one start names everything there is to fix.
 */
export function checkEnv(getters: ReadonlyArray<() => unknown>): void {
  const problems: string[] = [];
  for (const get of getters) {
    try {
      get();
    } catch (error) {
      if (!(error instanceof EnvError)) throw error;
      problems.push(...error.problems.filter((problem) => !problems.includes(problem)));
    }
  }
  if (problems.length > 0) throw new EnvError(problems);
}

/** For a server's entry point: checkEnv, and on a bad environment print what to fix and exit 1. */
export function exitOnInvalidEnv(app: string, getters: ReadonlyArray<() => unknown>): void {
  try {
    checkEnv(getters);
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    console.error(
      `[${app}] cannot start: ${error.message}\nSet these variables in the environment the ${app} starts with, then start it again.`,
    );
    process.exit(1);
  }
}

const postgresUrl = z
  .string()
  .trim()
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === "postgres:" || url.protocol === "postgresql:";
    } catch {
      return false;
    }
  }, "must be a PostgreSQL URL such as postgres://user:password@host:5432/dbname");

export const dbEnvSchema = z.object({
  /** The platform's database. Unset: the CLI and `pnpm dev` serve the embedded PostgreSQL. */
  DATABASE_URL: postgresUrl.optional(),
  /** The server tests create their throwaway databases on (default postgres://postgres@127.0.0.1:5432). */
  TEST_DATABASE_URL: postgresUrl.optional(),
  /** The embedded database's folder (default .dispatch/pgdata in the repository). */
  DISPATCH_DATA_DIR: z.string().min(1).optional(),
  /** The embedded database's port (default 54329 for `pnpm dev`, a free one for the CLI). */
  DISPATCH_EMBEDDED_PORT: z.coerce
    .number({ error: "must be a port number between 1024 and 65535, e.g. 54329" })
    .int("must be a whole port number, e.g. 54329")
    .min(1024, "must be a port number between 1024 and 65535, e.g. 54329")
    .max(65535, "must be a port number between 1024 and 65535, e.g. 54329")
    .optional(),
});

export type DbEnv = z.infer<typeof dbEnvSchema>;

/** Validates the variables this package reads; throws an EnvError naming each bad one. */
export function parseDbEnv(source: Record<string, string | undefined>): DbEnv {
  return readEnv(dbEnvSchema, source);
}

let cached: DbEnv | undefined;

/** The process's validated database environment (parsed once, then cached). */
export function getDbEnv(): DbEnv {
  cached ??= parseDbEnv(process.env);
  return cached;
}

/** For a server that needs its database (the apps, the worker): DATABASE_URL, required. */
export function parseServerDbEnv(
  source: Record<string, string | undefined>,
): DbEnv & { DATABASE_URL: string } {
  const env = parseDbEnv(source);
  if (!env.DATABASE_URL) {
    throw new EnvError([
      "DATABASE_URL is not set: set it to your PostgreSQL server (postgres://user:password@host:5432/dbname), " +
        "or start with `pnpm dev` / `pnpm start`, which serve the embedded database and set it for you.",
    ]);
  }
  return { ...env, DATABASE_URL: env.DATABASE_URL };
}

/** The process's database environment for a server: as getDbEnv, with DATABASE_URL required. */
export function getServerDbEnv(): DbEnv & { DATABASE_URL: string } {
  return parseServerDbEnv(process.env);
}
