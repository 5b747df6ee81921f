// The topic's briefing updates as a JSON Feed.
import { buildTopicFeed, feedResponse } from "~/server/feeds";

export const dynamic = "force-dynamic";

export async function GET(request: Request, context: { params: Promise<{ slug: string }> }) {
  const { slug } = await context.params;
  const feed = await buildTopicFeed(decodeURIComponent(slug), new URL(request.url).origin);
  if (!feed)
    return new Response("No such topic.\n", {
      status: 404,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  return feedResponse(feed, "json");
}
