// `pnpm --filter @dispatch/db migration:new <name>`: writes the SQL that takes a database
// built from prisma/migrations to schema.prisma, as a new migration in Prisma's layout.
import { mkdir, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { diffSchemaAgainstMigrations, lockfileContent, lockfileName, migrationsDir } from "./schema-engine";

/** Prisma's folder names: `<UTC YYYYMMDDHHMMSS>_<name>`; the timestamp orders the history. */
function formatTimestamp(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return (
    String(date.getUTCFullYear()) +
    pad(date.getUTCMonth() + 1) +
    pad(date.getUTCDate()) +
    pad(date.getUTCHours()) +
    pad(date.getUTCMinutes()) +
    pad(date.getUTCSeconds())
  );
}

function parseName(raw: string | undefined): string {
  const name = (raw ?? "")
    .trim()
    .replace(/[^A-Za-z0-9_]+/g, "_")
    .replace(/^_+|_+$/g, "");
  if (name === "") {
    throw new Error(
      "usage: migration:new <name>   e.g. migration:new add_story_language (letters, digits, _)",
    );
  }
  return name;
}

/**
 * Two migrations made in the same second (or with a clock behind the last one) would sort
 * ambiguously, so the new folder's timestamp is always after every existing one.
 */
async function nextTimestamp(): Promise<string> {
  const existing = await readdir(migrationsDir).catch(() => [] as string[]);
  let stamp = formatTimestamp(new Date());
  const latest = existing
    .map((entry) => /^(\d{14})_/.exec(entry)?.[1])
    .filter((value): value is string => value !== undefined)
    .sort()
    .at(-1);
  if (latest !== undefined && stamp <= latest) stamp = String(BigInt(latest) + 1n);
  return stamp;
}

async function main(): Promise<void> {
  const name = parseName(process.argv[2]);
  const diff = await diffSchemaAgainstMigrations();
  if (!diff.hasChanges) {
    console.log("no changes: schema.prisma matches prisma/migrations");
    return;
  }
  const folder = `${await nextTimestamp()}_${name}`;
  const file = path.join(migrationsDir, folder, "migration.sql");
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, diff.sql);
  if (diff.migrationCount === 0) {
    await writeFile(path.join(migrationsDir, lockfileName), lockfileContent);
  }
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
  console.log("review it, add any hand-written SQL (triggers, data moves) at the end, then commit.");
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
