// The stories behind a topic's briefing, numbered as its citation markers number them: where the
// topic page's "The N stories" panel leads without JavaScript (with it, the page fetches the
// same list as JSON from /api).
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { References } from "~/components/references";
import { loadReferences } from "~/server/topic-data";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ slug: string }> };

const load = cache((slug: string) => loadReferences(decodeURIComponent(slug)));

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const found = await load((await params).slug);
  if (!found) return { title: "Topic not found" };
  return {
    title: `${found.topic.name}: the stories behind the briefing`,
    alternates: { canonical: `/topics/${found.topic.slug}/sources` },
  };
}

export default async function TopicSourcesPage({ params }: Params) {
  const found = await load((await params).slug);
  if (!found) notFound();
  const topicHref = `/topics/${found.topic.slug}`;
  return (
    <article className="briefing" aria-labelledby="sources-heading">
      <p className="kicker">
        <a href={topicHref}>{found.topic.name}</a>
        {` · Briefing version ${found.version}`}
      </p>
      <h1 id="sources-heading" className="briefing__headline">
        {`The ${found.stories.length} ${found.stories.length === 1 ? "story" : "stories"} behind the briefing`}
      </h1>
      <p className="meta">
        Numbered as the briefing’s citation markers number them. <a href={topicHref}>Back to the briefing</a>
      </p>
      <References stories={found.stories} />
    </article>
  );
}
