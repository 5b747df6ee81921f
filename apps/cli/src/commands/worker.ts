// `dispatch worker`: runs the background worker (briefing rebuilds, topic suggestions) in
// the foreground until Ctrl-C. Start several, on one database, to share the work.
import type { Command } from "commander";
import pc from "picocolors";
import { startWorker, stopOnSignal } from "@dispatch/worker";
import { withDatabase } from "../database";
import { CliError } from "../errors";
import { describe } from "./catalogue";

export function registerWorkerCommand(program: Command): void {
  program
    .command("worker")
    .description(describe("worker"))
    .option("--concurrency <n>", "jobs of each kind at once in this process", "1")
    .action(async (options: { concurrency: string }) => {
      const concurrency = Number(options.concurrency);
      if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 16) {
        throw new CliError(
          `--concurrency must be a whole number from 1 to 16; got “${options.concurrency}”.`,
        );
      }
      await withDatabase(async (db, connection) => {
        const worker = await startWorker({ connectionString: connection.url, db, concurrency });
        console.log(
          `${pc.bold("Worker")}    serving briefing.rebuild and stories.suggest (digest.send hourly) on ${connection.describe}`,
        );
        console.log(pc.dim("  Ctrl-C stops after the running jobs finish."));
        await stopOnSignal(() => worker.stop());
      });
    });
}
