// The reader's feeds: a topic's briefing updates (one entry per stored version, its points'
// citations kept as links to the cited sentences) and the newest stories. Links come from
// the configured site address (DISPATCH_READER_URL), never from the request's Host.
import { getPublicCaller } from "./public-caller";
import { numberStories, storyHref, type BriefingPage } from "./briefing-view";
import {
  escapeHtml,
  FEED_CONTENT_TYPES,
  renderFeed,
  type FeedEntry,
  type FeedFormat,
  type FeedMeta,
} from "./feed-formats";
import { PUBLIC_CACHE_CONTROL } from "./cache-policy";
import { cachedRead } from "./page-data-cache";
import { siteUrl } from "./site";

const TOP_POINTS = 8;

export type { FeedFormat };

export type BuiltFeed = { meta: FeedMeta; entries: FeedEntry[] };

export function feedResponse(body: string, format: FeedFormat): Response {
  return new Response(body, {
    headers: {
      "content-type": FEED_CONTENT_TYPES[format],
      // Like the pages: shared caches keep it seconds, browsers ask again each time.
      "cache-control": PUBLIC_CACHE_CONTROL,
      "x-content-type-options": "nosniff",
    },
  });
}

/** The newest stories as a feed document, cached until anything public changes. */
export function renderStoriesFeed(format: FeedFormat): Promise<string> {
  return cachedRead(`feed:stories:${format}`, [], async () => {
    const feed = await buildStoriesFeed();
    return renderFeed(format, feed.meta, feed.entries);
  });
}

/** A topic's briefing versions as a feed; null when there is no such topic. */
export async function buildTopicFeed(slug: string): Promise<BuiltFeed | null> {
  const origin = siteUrl;
  // One query (page.topicFeed): the newest versions as readers may see them, or not-found.
  const feed = await getPublicCaller().page.topicFeed({ topic: slug });
  if (feed.kind === "not-found") return null;
  const pages = feed.versions;
  const topicUrl = `${origin}/topics/${encodeURIComponent(slug)}`;
  const topicName = feed.topic.name;
  const meta: FeedMeta = {
    id: topicUrl,
    title: `${topicName} — Dispatch briefing`,
    description: `Each update to the Dispatch briefing on ${topicName}, with links to the sentences it cites.`,
    homeUrl: topicUrl,
    feedUrls: { rss: `${topicUrl}/feed.xml`, atom: `${topicUrl}/feed.atom`, json: `${topicUrl}/feed.json` },
    updated: pages[0]?.createdAt ?? new Date(0),
    copyright: "Excerpts belong to the outlets cited.",
  };
  const entries: FeedEntry[] = [];
  for (const page of pages) {
    entries.push({
      title: `${page.briefing.headline} (version ${page.version})`,
      id: `${topicUrl}#version-${page.version}`,
      url: topicUrl,
      updated: page.createdAt,
      summary: page.briefing.overview.map((sentence) => sentence.text).join(" "),
      contentHtml: renderVersionHtml(page, origin),
      categories: [{ term: slug, label: topicName }],
    });
  }
  return { meta, entries };
}

function renderVersionHtml(page: Pick<BriefingPage, "briefing" | "stories">, origin: string): string {
  const numbers = numberStories(page.briefing, page.stories);
  const cite = (citations: { storyId: string; sentenceIndex: number }[]) =>
    citations
      .map((citation) => {
        const entry = numbers.get(citation.storyId);
        if (!entry) return "";
        const label = `${entry.story.source ?? "Source"} ${entry.n}`;
        return ` <a href="${escapeHtml(origin + storyHref(entry.story, citation.sentenceIndex))}" title="${escapeHtml(entry.story.title)}">[${escapeHtml(label)}]</a>`;
      })
      .join("");
  const overview = page.briefing.overview
    .map((sentence) => `${escapeHtml(sentence.text)}${cite(sentence.citations)}`)
    .join(" ");
  // Superseded facts no longer lead; the key points carry the page's markers in text.
  const byScore = page.briefing.points
    .filter((point) => !point.supersededBy)
    .sort((a, b) => b.score - a.score)
    .slice(0, TOP_POINTS);
  const differ = (point: { id: string }) =>
    page.briefing.disagreements
      .filter((d) => d.pointIds.includes(point.id))
      .map(
        (d) =>
          ` <em>Sources differ: ${escapeHtml(d.description)}</em>${cite(d.sides.map((side) => side.citation))}`,
      )
      .join("");
  const updated = (point: { id: string }) =>
    page.briefing.points
      .filter((older) => older.supersededBy?.pointId === point.id)
      .map((older) => ` <em>Updated; earlier: ${escapeHtml(older.text)}</em>${cite(older.citations)}`)
      .join("");
  const points = byScore
    .map(
      (point) =>
        `<li>${escapeHtml(point.text)}${cite(point.citations)}${updated(point)}${differ(point)}</li>`,
    )
    .join("");
  const changes = page.briefing.changes;
  const changeLine = changes
    ? `<p><em>${changes.newPointIds.length} new points and ${changes.newStoryIds.length} new stories since the previous version.</em></p>`
    : "";
  // What this version adds, first: a feed reader is asked "what changed", not "what is there".
  const newPoints = (changes?.newPointIds ?? []).flatMap((id) => {
    const point = page.briefing.points.find((candidate) => candidate.id === id);
    return point ? [`<li>${escapeHtml(point.text)}${cite(point.citations)}</li>`] : [];
  });
  const newList = newPoints.length > 0 ? `<h3>New in this version</h3><ul>${newPoints.join("")}</ul>` : "";
  return `${changeLine}${newList}<p>${overview}</p><h3>Key points</h3><ul>${points}</ul>`;
}

/** The newest stories across every topic. */
export async function buildStoriesFeed(): Promise<BuiltFeed> {
  const origin = siteUrl;
  const stories = await getPublicCaller().story.list({ limit: 50 });
  const meta: FeedMeta = {
    id: `${origin}/`,
    title: "Dispatch — latest stories",
    description: "The newest stories in Dispatch, across every topic.",
    homeUrl: `${origin}/`,
    feedUrls: { rss: `${origin}/feed.xml` },
    updated: stories.items[0]?.ingestedAt ?? new Date(0),
    copyright: "Stories belong to their outlets.",
  };
  const entries = stories.items.map((story): FeedEntry => {
    const url = `${origin}${storyHref(story)}`;
    return {
      title: story.title,
      id: url,
      url,
      updated: story.publishedAt ?? story.ingestedAt,
      summary: story.dek ?? undefined,
      authors: story.byline,
      categories: story.source ? [{ term: story.source, label: story.source }] : undefined,
    };
  });
  return { meta, entries };
}

/** The GET handler of a topic feed route in the given format; 404 for an unknown topic. */
export function createTopicFeedHandler(format: FeedFormat) {
  return async function GET(
    _request: Request,
    context: { params: Promise<{ slug: string }> },
  ): Promise<Response> {
    const topic = decodeURIComponent((await context.params).slug);
    // The document is cached per topic and format until the topic's briefing, or anything
    // public, changes (page-data-cache.ts).
    const body = await cachedRead(`feed:${topic}:${format}`, [`topic:${topic}`], async () => {
      const feed = await buildTopicFeed(topic);
      return feed ? renderFeed(format, feed.meta, feed.entries) : null;
    });
    if (body === null) {
      return new Response("No such topic.\n", {
        status: 404,
        headers: { "content-type": "text/plain; charset=utf-8" },
      });
    }
    return feedResponse(body, format);
  };
}
