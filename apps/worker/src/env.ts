// The worker's environment: the database's schema, with DATABASE_URL required (its jobs live
// there). Checked at start (main.ts), so a bad value stops it naming the variable.
import { exitOnInvalidEnv, getServerDbEnv } from "@dispatch/db/env";

export function getWorkerEnv(): { databaseUrl: string } {
  return { databaseUrl: getServerDbEnv().DATABASE_URL };
}

/** Start-up: every variable the worker reads, all problems in one message. */
export function validateWorkerEnv(): void {
  exitOnInvalidEnv("worker", [getServerDbEnv]);
}
