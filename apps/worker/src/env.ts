// The worker's environment: the database's schema, with DATABASE_URL required (its jobs live
// there), the mail's (SMTP_URL: the digest is sent through it; unset, no digest goes out) and
// where readers reach the reader (links in the digest). Checked at start (main.ts), so a bad
// value stops it naming the variable.
import { z } from "zod";
import { exitOnInvalidEnv, getServerDbEnv, publicUrl, readEnv } from "@dispatch/db/env";
import { getMailEnv } from "@dispatch/mail/env";

const workerEnvSchema = z.object({
  /** Where readers reach the reader app: the digest's links start with it. */
  DISPATCH_READER_URL: publicUrl("https://news.example.com").default("http://localhost:3000"),
});

/** Where the digest's links point: DISPATCH_READER_URL's origin, or http://localhost:3000. */
export function getDigestReaderUrl(): string {
  return readEnv(workerEnvSchema, process.env).DISPATCH_READER_URL;
}

export function getWorkerEnv(): { databaseUrl: string; readerUrl: string } {
  return { databaseUrl: getServerDbEnv().DATABASE_URL, readerUrl: getDigestReaderUrl() };
}

/** Start-up: every variable the worker reads, all problems in one message. */
export function validateWorkerEnv(): void {
  exitOnInvalidEnv("worker", [getServerDbEnv, getMailEnv, getWorkerEnv]);
}
