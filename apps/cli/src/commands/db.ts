// `dispatch db …`: migrate, seed, reset and status of the chosen database.
import type { Command } from "commander";
import pc from "picocolors";
import { applyMigrations, getMigrationStatus, resetDatabase } from "@dispatch/db/migrate";
import { seedDemo } from "@dispatch/api";
import { openConnection, withDatabase } from "../database";
import { CliError } from "../errors";
import { describe } from "./catalogue";

export function registerDbCommands(program: Command): void {
  const db = program.command("db").description(describe("db"));

  db.command("migrate")
    .description("apply pending migrations")
    .action(async () => {
      const connection = await openConnection();
      try {
        const result = await applyMigrations(connection.url, { log: (line) => console.log(pc.dim(line)) });
        console.log(
          result.applied.length === 0
            ? `Database is up to date (${result.alreadyApplied} migrations) — ${connection.describe}`
            : `Applied ${result.applied.length} migration(s): ${result.applied.join(", ")} — ${connection.describe}`,
        );
      } finally {
        await connection.embedded?.stop();
      }
    });

  db.command("status")
    .description("list applied and pending migrations")
    .action(async () => {
      const connection = await openConnection();
      try {
        const status = await getMigrationStatus(connection.url);
        console.log(`Database: ${connection.describe}`);
        for (const name of status.applied) console.log(`  ${pc.green("applied")}  ${name}`);
        for (const name of status.pending) console.log(`  ${pc.yellow("pending")}  ${name}`);
        for (const name of status.failed) console.log(`  ${pc.red("failed")}   ${name}`);
        for (const name of status.modified)
          console.log(`  ${pc.red("edited")}   ${name} (changed after it was applied)`);
        if (status.pending.length > 0)
          console.log(`Run ${pc.bold("pnpm dispatch db migrate")} to apply the pending ones.`);
      } finally {
        await connection.embedded?.stop();
      }
    });

  db.command("seed")
    .description("load the demo topics and stories (skips what is there already)")
    .option("--force", "seed even when NODE_ENV is production")
    .action(async (options: { force?: boolean }) => {
      refuseProduction("seed", options.force);
      await withDatabase(async (client, connection) => {
        await applyMigrations(connection.url);
        const result = await seedDemo(client);
        console.log(
          `Seeded ${result.topics} topics and ${result.storiesStored} new stories ` +
            `(${result.storiesExisting} were there already) — ${connection.describe}`,
        );
      });
    });

  db.command("reset")
    .description("drop every table and re-apply the migrations (destroys all data)")
    .option("--yes", "confirm that all data in the database will be deleted")
    .option("--seed", "load the demo data afterwards")
    .option("--force", "allow when NODE_ENV is production")
    .action(async (options: { yes?: boolean; seed?: boolean; force?: boolean }) => {
      if (!options.yes) {
        throw new CliError(
          "`db reset` deletes every story, topic, briefing and user. Run it again with --yes to confirm.",
        );
      }
      refuseProduction("reset", options.force);
      await withDatabase(async (client, connection) => {
        await resetDatabase(connection.url);
        const result = await applyMigrations(connection.url);
        console.log(`Reset ${connection.describe}: applied ${result.applied.length} migration(s).`);
        if (options.seed) {
          const seeded = await seedDemo(client);
          console.log(`Seeded ${seeded.topics} topics and ${seeded.storiesStored} stories.`);
        }
      });
    });
}

function refuseProduction(what: string, force: boolean | undefined): void {
  if (process.env.NODE_ENV === "production" && !force) {
    throw new CliError(
      `Refusing to ${what} a production database (NODE_ENV=production). Add --force if you mean it.`,
    );
  }
}
