// `pnpm db:check`: fails when schema.prisma has changes that no migration captures, so a
// schema edit cannot reach main without the migration that makes production match it.
import { access } from "node:fs/promises";
import path from "node:path";
import { diffSchemaAgainstMigrations, lockfileName, migrationsDir } from "./schema-engine";

async function main(): Promise<number> {
  const diff = await diffSchemaAgainstMigrations();
  if (diff.hasChanges) {
    console.error(
      "schema.prisma has changes that no migration captures.\n" +
        "Create one with `pnpm --filter @dispatch/db migration:new <name>`.\n" +
        "The missing SQL:\n",
    );
    console.error(diff.sql);
    return 1;
  }
  if (diff.migrationCount > 0) {
    // Without the lockfile the engine cannot tell which database the history is for.
    const ok = await access(path.join(migrationsDir, lockfileName)).then(
      () => true,
      () => false,
    );
    if (!ok) {
      console.error(`prisma/migrations/${lockfileName} is missing (provider = "postgresql").`);
      return 1;
    }
  }
  console.log(`migrations are in step with schema.prisma (${diff.migrationCount} migrations)`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // A migration that does not replay (bad SQL, a missing file) is a failed check too.
    console.error("could not check migrations:", error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
