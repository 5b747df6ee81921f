// Every topic and story page, for search engines. Built per request from the database.
import type { MetadataRoute } from "next";
import { getPublicCaller } from "~/server/public-caller";
import { absoluteUrl } from "~/server/site";

export const dynamic = "force-dynamic";

const MAX_STORIES = 45_000; // under the sitemap protocol's 50,000-URL limit

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const caller = getPublicCaller();
  const topics = await caller.topic.list();
  const entries: MetadataRoute.Sitemap = [
    { url: absoluteUrl("/"), changeFrequency: "hourly", priority: 1 },
    { url: absoluteUrl("/about"), changeFrequency: "monthly", priority: 0.3 },
    ...topics.map((topic) => ({
      url: absoluteUrl(`/topics/${topic.slug}`),
      changeFrequency: "hourly" as const,
      priority: 0.8,
    })),
  ];
  let cursor: string | undefined;
  for (let count = 0; count < MAX_STORIES;) {
    const page = await caller.story.list({ limit: 100, cursor });
    for (const story of page.items) {
      entries.push({
        url: absoluteUrl(`/stories/${story.slug}`),
        lastModified: story.publishedAt ?? story.ingestedAt,
        priority: 0.5,
      });
    }
    count += page.items.length;
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return entries;
}
