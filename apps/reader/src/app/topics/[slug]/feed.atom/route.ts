// The topic's briefing updates as an Atom feed.
import { createTopicFeedHandler } from "~/server/feeds";

export const dynamic = "force-dynamic";

export const GET = createTopicFeedHandler("atom");
