// The database package's environment, validated once. A bad value stops start-up with a
// message naming the variable and what to do.
import { z } from "zod";

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
  DATABASE_URL: postgresUrl.optional(),
  TEST_DATABASE_URL: postgresUrl.optional(),
  DISPATCH_DATA_DIR: z.string().min(1).optional(),
  DISPATCH_EMBEDDED_PORT: z.coerce.number().int().min(1024).max(65535).optional(),
});

export type DbEnv = z.infer<typeof dbEnvSchema>;

export class EnvError extends Error {
  override readonly name = "EnvError";
}

/** Validates the variables this package reads; throws an EnvError naming each bad one. */
export function parseDbEnv(source: Record<string, string | undefined>): DbEnv {
  // An empty variable means "unset", as in most shells' `VAR= command`.
  const cleaned = Object.fromEntries(
    Object.entries(source).filter(([, value]) => value !== undefined && value !== ""),
  );
  const result = dbEnvSchema.safeParse(cleaned);
  if (result.success) return result.data;
  const problems = result.error.issues.map(
    (issue) => `${issue.path.join(".")}: ${issue.message}`,
  );
  throw new EnvError(`Invalid environment:\n  ${problems.join("\n  ")}`);
}

let cached: DbEnv | undefined;

/** The process's validated environment (parsed on first use, then cached). */
export function getDbEnv(): DbEnv {
  cached ??= parseDbEnv(process.env);
  return cached;
}
