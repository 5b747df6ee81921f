// The reader's environment: the database's, auth's and mail's schemas plus its own PORT, checked once
// when the server starts (instrumentation.ts) so a bad value stops it naming the variable.
import { z } from "zod";
import { getAuthEnv, type AuthEnv } from "@dispatch/auth/env";
import { exitOnInvalidEnv, getServerDbEnv, readEnv } from "@dispatch/db/env";
import { getMailEnv } from "@dispatch/mail/env";

export const readerEnvSchema = z.object({
  /** The port `next start` serves on; the site's address when DISPATCH_READER_URL is unset. */
  PORT: z.coerce
    .number({ error: "must be a port number, e.g. 3000" })
    .int("must be a port number, e.g. 3000")
    .positive("must be a port number, e.g. 3000")
    .optional(),
  /**
   * "off" reads every page's data from the database (no in-process cache), e.g. behind a
   * connection pooler that cannot hold LISTEN, or to measure what the cache saves.
   */
  DISPATCH_PAGE_DATA_CACHE: z.enum(["on", "off"], { error: 'must be "on" or "off"' }).optional(),
});

export type ReaderEnv = {
  /** Where the reader is published, for absolute links in feeds, the sitemap and OpenGraph tags. */
  siteUrl: string;
  /** Whether public page data is cached in memory until the database announces a change. */
  pageDataCache: boolean;
};

/** DISPATCH_READER_URL is parsed once, by auth (which trusts it as an origin); the reader adds PORT. */
export function parseReaderEnv(source: Record<string, string | undefined>, auth: AuthEnv): ReaderEnv {
  const own = readEnv(readerEnvSchema, source);
  return {
    siteUrl: auth.configuredReaderUrl ?? `http://localhost:${own.PORT ?? 3000}`,
    pageDataCache: own.DISPATCH_PAGE_DATA_CACHE !== "off",
  };
}

let cached: ReaderEnv | undefined;

export function getReaderEnv(): ReaderEnv {
  cached ??= parseReaderEnv(process.env, getAuthEnv());
  return cached;
}

/** Start-up: every variable the reader's server reads, all problems in one message. */
export function validateReaderEnv(): void {
  exitOnInvalidEnv("reader", [getServerDbEnv, getAuthEnv, getMailEnv, getReaderEnv]);
}
