// Where the reader is published, for absolute links in feeds, the sitemap and OpenGraph
// tags. Validated once: a bad DISPATCH_READER_URL stops start-up with a message that names it.
import { z } from "zod";

const siteEnv = z.object({
  // The same variable sign-in uses for the reader's origin: one name for one address.
  DISPATCH_READER_URL: z
    .url({ error: "DISPATCH_READER_URL must be the reader's public address, e.g. https://news.example.org" })
    .optional(),
  PORT: z.coerce.number().int().positive().optional(),
});

const env = siteEnv.parse({
  DISPATCH_READER_URL: process.env.DISPATCH_READER_URL || undefined,
  PORT: process.env.PORT || undefined,
});

export const siteUrl = (env.DISPATCH_READER_URL ?? `http://localhost:${env.PORT ?? 3000}`).replace(/\/$/, "");
export const siteName = "Dispatch";

export function absoluteUrl(path: string): string {
  return `${siteUrl}${path}`;
}
