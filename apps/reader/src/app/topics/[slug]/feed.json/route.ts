// The topic's briefing updates as a JSON feed.
import { createTopicFeedHandler } from "~/server/feeds";

export const dynamic = "force-dynamic";

export const GET = createTopicFeedHandler("json");
