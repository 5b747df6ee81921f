// What the home page shows: page.home's answer (topics with their current briefing's headline,
// overview and counts, and the latest stories), cached until something public changes.
import type { AppRouter } from "@dispatch/api";
import type { inferRouterOutputs } from "@trpc/server";
import { cachedRead } from "./page-data-cache";
import { getPublicCaller } from "./public-caller";

export type HomeData = inferRouterOutputs<AppRouter>["page"]["home"];
export type TopicCard = HomeData["topics"][number];

/** Cached until a briefing is rebuilt or anything public changes (page-data-cache.ts). */
export function getHomeData(): Promise<HomeData> {
  return cachedRead("home", ["briefings"], () => getPublicCaller().page.home());
}
