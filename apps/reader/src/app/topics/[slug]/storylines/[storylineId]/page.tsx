// One storyline of a topic's briefing with every point: where the topic page's "more points"
// leads without JavaScript (with it, the page fetches the same points as JSON from /api).
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { PointItems } from "~/components/point-list";
import { loadStoryline } from "~/server/topic-data";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ slug: string; storylineId: string }> };

const load = cache((slug: string, storylineId: string) =>
  loadStoryline(decodeURIComponent(slug), decodeURIComponent(storylineId)),
);

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { slug, storylineId } = await params;
  const found = await load(slug, storylineId);
  if (!found) return { title: "Storyline not found" };
  return {
    title: `${found.topic.name}: ${found.storyline.title}`,
    alternates: { canonical: `/topics/${found.topic.slug}/storylines/${found.storyline.id}` },
  };
}

export default async function StorylinePage({ params }: Params) {
  const { slug, storylineId } = await params;
  const found = await load(slug, storylineId);
  if (!found) notFound();
  const topicHref = `/topics/${found.topic.slug}`;
  const { storyline } = found;
  return (
    <article className="briefing" aria-labelledby={`${storyline.id}-title`}>
      <p className="kicker">
        <a href={topicHref}>{found.topic.name}</a>
        {` · Briefing version ${found.version}`}
      </p>
      <section id={storyline.id} className="storyline">
        <p className="storyline__label">
          {`Storyline ${found.index + 1} of ${found.count}`}
          <span aria-hidden="true"> · </span>
          <span className="storyline__sources">{storyline.sources.join(", ")}</span>
        </p>
        <h1 id={`${storyline.id}-title`} className="storyline__title">
          {storyline.title}
        </h1>
        <p className="meta">
          <a href={`${topicHref}#${storyline.id}`}>Back to the briefing</a>
        </p>
        <ol className="points">
          <PointItems
            points={[...found.lead, ...found.more]}
            slug={found.topic.slug}
            version={found.version}
          />
        </ol>
      </section>
    </article>
  );
}
