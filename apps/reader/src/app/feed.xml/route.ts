// Every new story, as RSS.
import { buildStoriesFeed, feedResponse } from "~/server/feeds";

export const dynamic = "force-dynamic";

export async function GET() {
  return feedResponse(await buildStoriesFeed(), "rss");
}
