// Feeds built with the `feed` library: a topic's briefing updates (one entry per stored
// version, its points' citations kept as links to the cited sentences) and all stories.
import { Feed } from "feed";
import { getPublicCaller, orNull } from "./public-caller";
import { numberStories, storyHref, type BriefingPage } from "./briefing-view";

const MAX_VERSIONS = 20;
const TOP_POINTS = 8;

export type FeedFormat = "rss" | "atom" | "json";

const CONTENT_TYPES: Record<FeedFormat, string> = {
  rss: "application/rss+xml; charset=utf-8",
  atom: "application/atom+xml; charset=utf-8",
  json: "application/feed+json; charset=utf-8",
};

export function feedResponse(feed: Feed, format: FeedFormat): Response {
  const body = format === "rss" ? feed.rss2() : format === "atom" ? feed.atom1() : feed.json1();
  return new Response(body, {
    headers: { "content-type": CONTENT_TYPES[format], "cache-control": "public, max-age=300" },
  });
}

/** A topic's briefing versions as a feed; null when there is no such topic. */
export async function buildTopicFeed(slug: string, origin: string): Promise<Feed | null> {
  const caller = getPublicCaller();
  const latest = await orNull(caller.briefing.get({ topic: slug }));
  if (latest === null) {
    const topics = await caller.topic.list();
    if (!topics.some((topic) => topic.slug === slug)) return null;
  }
  const versions = latest ? await caller.briefing.versions({ topic: slug }) : [];
  const pages = await Promise.all(
    versions
      .slice(0, MAX_VERSIONS)
      .map((version) =>
        version.version === latest?.version
          ? latest
          : caller.briefing.get({ topic: slug, version: version.version }),
      ),
  );
  const topicUrl = `${origin}/topics/${slug}`;
  const name = latest?.topic.name ?? slug;
  const feed = new Feed({
    id: topicUrl,
    title: `${name} — Dispatch briefing`,
    description: `Each update to the Dispatch briefing on ${name}, with links to the sentences it cites.`,
    link: topicUrl,
    language: "en",
    updated: latest?.createdAt ?? new Date(0),
    generator: "Dispatch",
    copyright: "Excerpts belong to the outlets cited.",
    feedLinks: { rss: `${topicUrl}/feed.xml`, atom: `${topicUrl}/feed.atom`, json: `${topicUrl}/feed.json` },
  });
  for (const page of pages) {
    if (!page) continue;
    feed.addItem({
      title: `${page.briefing.headline} (version ${page.version})`,
      id: `${topicUrl}#version-${page.version}`,
      link: topicUrl,
      date: page.createdAt,
      description: page.briefing.overview.map((sentence) => sentence.text).join(" "),
      content: renderVersionHtml(page, origin),
      category: [{ name }],
    });
  }
  return feed;
}

function renderVersionHtml(page: BriefingPage, origin: string): string {
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
  const byScore = [...page.briefing.points].sort((a, b) => b.score - a.score).slice(0, TOP_POINTS);
  const points = byScore
    .map((point) => `<li>${escapeHtml(point.text)}${cite(point.citations)}</li>`)
    .join("");
  const changes = page.briefing.changes;
  const changeLine = changes
    ? `<p><em>${changes.newPointIds.length} new points and ${changes.newStoryIds.length} new stories since the previous version.</em></p>`
    : "";
  return `${changeLine}<p>${overview}</p><h3>Key points</h3><ul>${points}</ul>`;
}

/** The newest stories across every topic. */
export async function buildStoriesFeed(origin: string): Promise<Feed> {
  const stories = await getPublicCaller().story.list({ limit: 50 });
  const feed = new Feed({
    id: `${origin}/`,
    title: "Dispatch — latest stories",
    description: "The newest stories in Dispatch, across every topic.",
    link: `${origin}/`,
    language: "en",
    updated: stories.items[0]?.ingestedAt ?? new Date(0),
    generator: "Dispatch",
    copyright: "Stories belong to their outlets.",
    feedLinks: { rss: `${origin}/feed.xml` },
  });
  for (const story of stories.items) {
    const link = `${origin}${storyHref(story)}`;
    feed.addItem({
      title: story.title,
      id: link,
      link,
      date: story.publishedAt ?? story.ingestedAt,
      description: story.dek ?? undefined,
      author: story.byline.map((name) => ({ name })),
      category: story.source ? [{ name: story.source }] : undefined,
    });
  }
  return feed;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** The GET handler of a topic feed route in the given format; 404 for an unknown topic. */
export function createTopicFeedHandler(format: FeedFormat) {
  return async function GET(request: Request, context: { params: Promise<{ slug: string }> }): Promise<Response> {
    const { slug } = await context.params;
    const feed = await buildTopicFeed(decodeURIComponent(slug), new URL(request.url).origin);
    if (!feed) {
      return new Response("No such topic.\n", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
    }
    return feedResponse(feed, format);
  };
}
