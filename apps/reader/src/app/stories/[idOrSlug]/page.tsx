// A story as readers see it: clean paragraphs whose sentences carry ids (`#s-<index>`, the
// index citations use), so a citation lands on its sentence and highlights it via :target.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Fragment, cache } from "react";
import { SourceBadge, formatDate, formatDateTime } from "@dispatch/ui";
import { CitedSentence } from "~/components/cited-sentence";
import { cachedRead } from "~/server/page-data-cache";
import { getPublicCaller } from "~/server/public-caller";

// Rendered per request (the CSP nonce) from data cached until the database says a story,
// tag or topic changed, so a deleted or unpublished story's page is gone at once.
export const dynamic = "force-dynamic";

type Params = { params: Promise<{ idOrSlug: string }> };

// Cached until anything public changes, or a briefing is rebuilt (its "cited by" list).
const loadStory = cache((idOrSlug: string) =>
  cachedRead(`story:${idOrSlug}`, ["briefings"], () => getPublicCaller().page.story({ idOrSlug })),
);

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { idOrSlug } = await params;
  const data = await loadStory(decodeURIComponent(idOrSlug));
  if (data.kind === "not-found") return { title: "Story not found" };
  const { story } = data;
  const description =
    story.dek ??
    data.paragraphs[0]?.sentences
      .map((sentence) => sentence.text)
      .join(" ")
      .slice(0, 300);
  return {
    title: story.title,
    description,
    alternates: { canonical: `/stories/${story.slug}` },
    openGraph: {
      type: "article",
      url: `/stories/${story.slug}`,
      title: story.title,
      description,
      publishedTime: story.publishedAt?.toISOString(),
      authors: story.byline,
      tags: story.topics.map((topic) => topic.name),
    },
  };
}

export default async function StoryPage({ params }: Params) {
  const { idOrSlug } = await params;
  const data = await loadStory(decodeURIComponent(idOrSlug));
  if (data.kind === "not-found") notFound();
  const { story, paragraphs, citedBy } = data;
  return (
    <div className="story-layout">
      <article className="story" aria-labelledby="story-title">
        <header className="story__head">
          {story.topics.length > 0 ? (
            <p className="kicker">
              {story.topics.map((topic, index) => (
                <span key={topic.slug}>
                  {index > 0 ? " · " : null}
                  <a href={`/topics/${topic.slug}`}>{topic.name}</a>
                </span>
              ))}
            </p>
          ) : null}
          <h1 id="story-title" className="story__title">
            {story.title}
          </h1>
          {story.dek ? <p className="story__dek">{story.dek}</p> : null}
          <p className="meta story__meta">
            {story.source ? <SourceBadge name={story.source} /> : null}
            {story.byline.length > 0 ? (
              <span className="story__byline">By {story.byline.join(", ")}</span>
            ) : null}
            <time dateTime={story.publishedAt?.toISOString()}>
              {story.publishedAt ? formatDateTime(story.publishedAt) : "Date unknown"}
            </time>
          </p>
        </header>
        <div className="story__body">
          <CitedSentence />
          {paragraphs.map((paragraph, index) => (
            <p key={index}>
              {paragraph.sentences.map((sentence, position) => (
                <Fragment key={sentence.index}>
                  {position > 0 ? " " : null}
                  <span id={`s-${sentence.index}`} className="sentence">
                    {sentence.text}
                  </span>
                </Fragment>
              ))}
            </p>
          ))}
        </div>
        <footer className="story__foot">
          {story.url ? (
            <p>
              Originally published by {story.source ?? "the publisher"}:{" "}
              <a href={story.url} rel="noopener">
                {hostOf(story.url)}
              </a>
            </p>
          ) : null}
          <p className="meta">Added to Dispatch {formatDate(story.ingestedAt)}.</p>
        </footer>
      </article>
      <aside className="story__side" aria-labelledby="cited-heading">
        <h2 id="cited-heading" className="side-heading">
          Briefings citing this story
        </h2>
        {citedBy.length === 0 ? (
          <p className="meta">No briefing cites this story yet.</p>
        ) : (
          <ul className="cited-by">
            {citedBy.map((briefing) => (
              <li key={briefing.topicSlug}>
                <p className="kicker">{briefing.topicName}</p>
                <a href={`/topics/${briefing.topicSlug}`} className="cited-by__headline">
                  {briefing.headline}
                </a>
                <p className="meta">
                  {briefing.points === 0
                    ? "Used as background"
                    : `${briefing.points} ${briefing.points === 1 ? "point cites" : "points cite"} it`}{" "}
                  · version {briefing.version}, {formatDate(briefing.createdAt)}
                </p>
              </li>
            ))}
          </ul>
        )}
      </aside>
    </div>
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}
