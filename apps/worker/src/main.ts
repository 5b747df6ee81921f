// Runs the worker against DATABASE_URL until SIGINT/SIGTERM (`pnpm --filter @dispatch/worker
// start`). `pnpm dispatch worker` does the same and also serves the embedded database.
import { createDb } from "@dispatch/db";
import { getWorkerEnv, validateWorkerEnv } from "./env";
import { startWorker, stopOnSignal } from "./worker";

async function main(): Promise<void> {
  validateWorkerEnv();
  const { databaseUrl: url, readerUrl } = getWorkerEnv();
  const db = createDb(url, { max: 4 });
  const worker = await startWorker({ connectionString: url, db, readerUrl });
  console.log("ready: serving briefing.rebuild and stories.suggest; digest.send every hour");
  await stopOnSignal(async () => {
    await worker.stop();
    await db.$disconnect();
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
