// A reader's private feed: the briefing updates of every topic they follow in one feed, at an
// address holding a revocable token (/me/feed/<token>.xml|.atom|.json), so a feed reader needs
// no session. Built from the topic feeds' own entries (feeds.ts) and written by the same
// renderers; a revoked or unknown token is a 404 that says what to do.
import { cachedRead } from "./page-data-cache";
import { buildTopicFeed } from "./feeds";
import {
  FEED_CONTENT_TYPES,
  renderFeed,
  type FeedEntry,
  type FeedFormat,
  type FeedMeta,
} from "./feed-formats";
import { getPublicCaller } from "./public-caller";
import { siteUrl } from "./site";

/** Entries in a private feed: the newest updates across the followed topics. */
const PRIVATE_FEED_ENTRIES = 50;

const EXTENSIONS: Record<string, FeedFormat> = { xml: "rss", atom: "atom", json: "json" };

export const PRIVATE_FEED_NOT_FOUND =
  "This private feed address does not work: it was turned off or replaced by a new one, or it was mistyped. " +
  "Sign in and open your account page (/account) for your current address.\n";

function notFound(): Response {
  return new Response(PRIVATE_FEED_NOT_FOUND, {
    status: 404,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "private, no-store" },
  });
}

/** The GET handler of /me/feed/<token>.<xml|atom|json>. */
export async function servePrivateFeed(file: string): Promise<Response> {
  const match = /^([^.]+)\.(xml|atom|json)$/.exec(file);
  const format = match?.[2] ? EXTENSIONS[match[2]] : undefined;
  if (!match?.[1] || !format) return notFound();
  const token = match[1];
  const owner = await getPublicCaller().digest.feed({ token });
  if (owner.kind === "not-found") return notFound();

  const base = `${siteUrl}/me/feed/${token}`;
  const entries: FeedEntry[] = [];
  for (const topic of owner.topics) {
    // The topic's own feed data, cached like its public feed until its briefing changes.
    const feed = await cachedRead(`feed-data:${topic.slug}`, [`topic:${topic.slug}`], () =>
      buildTopicFeed(topic.slug),
    );
    for (const entry of feed?.entries ?? [])
      entries.push({ ...entry, title: `${topic.name}: ${entry.title}` });
  }
  entries.sort((a, b) => b.updated.getTime() - a.updated.getTime());
  const meta: FeedMeta = {
    id: `${siteUrl}/me`,
    title: `${owner.reader.name}'s Dispatch briefing`,
    description:
      owner.topics.length > 0
        ? `Updates to the briefings on ${owner.topics.map((topic) => topic.name).join(", ")}, with links to the sentences they cite.`
        : "You follow no topics yet: follow topics on Dispatch and their updates appear here.",
    homeUrl: `${siteUrl}/me`,
    feedUrls: { rss: `${base}.xml`, atom: `${base}.atom`, json: `${base}.json` },
    updated: entries[0]?.updated ?? new Date(0),
    copyright: "Excerpts belong to the outlets cited.",
  };
  return new Response(renderFeed(format, meta, entries.slice(0, PRIVATE_FEED_ENTRIES)), {
    headers: {
      "content-type": FEED_CONTENT_TYPES[format],
      // One reader's feed: no shared cache may keep it.
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
      "x-robots-tag": "noindex",
    },
  });
}
