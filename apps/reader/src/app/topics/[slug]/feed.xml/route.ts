// The topic's briefing updates as an RSS feed.
import { createTopicFeedHandler } from "~/server/feeds";

export const dynamic = "force-dynamic";

export const GET = createTopicFeedHandler("rss");
