// Where the reader is published, for absolute links in feeds, the sitemap and OpenGraph
// tags: DISPATCH_READER_URL (validated with the rest of the environment, see ../env.ts).
import { getReaderEnv } from "../env";

export const siteUrl = getReaderEnv().siteUrl;
export const siteName = "Dispatch";

export function absoluteUrl(path: string): string {
  return `${siteUrl}${path}`;
}
