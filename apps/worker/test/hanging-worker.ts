// A worker whose rebuilds hang forever, run as a child process by the restart test, which
// kills it mid-job. Prints "HANGING <job id>" once a rebuild has started.
import { createDb } from "@dispatch/db";
import { startWorker } from "../src/worker";
import { FAST_WORKER } from "./fixtures";

const url = process.argv[2];
if (!url) throw new Error("usage: hanging-worker.ts <database url>");
const db = createDb(url, { max: 2 });
await startWorker({
  ...FAST_WORKER,
  connectionString: url,
  db,
  log: () => undefined,
  hook: (job, run) => {
    if (job.queue !== "briefing.rebuild") return run();
    console.log(`HANGING ${job.id}`);
    return new Promise<string>(() => undefined);
  },
});
console.log("READY");
