// Every new story, as RSS.
import { buildStoriesFeed, feedResponse } from "~/server/feeds";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  return feedResponse(await buildStoriesFeed(new URL(request.url).origin), "rss");
}
