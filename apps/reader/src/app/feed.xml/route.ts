// Every new story, as RSS.
import { feedResponse, renderStoriesFeed } from "~/server/feeds";

export const dynamic = "force-dynamic";

export async function GET() {
  return feedResponse(await renderStoriesFeed("rss"), "rss");
}
