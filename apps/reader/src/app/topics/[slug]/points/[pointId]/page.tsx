// One briefing point with every passage it cites and both sides of each disagreement, open:
// what the topic page's panels show once their passages are fetched, readable without
// JavaScript (the panels link here).
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { DifferingSides, PassageItems } from "~/components/source-passages";
import { getPointSources } from "~/server/point-sources";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ slug: string; pointId: string }> };

const load = cache((slug: string, pointId: string) =>
  getPointSources(decodeURIComponent(slug), decodeURIComponent(pointId)),
);

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { slug, pointId } = await params;
  const sources = await load(slug, pointId);
  if (!sources) return { title: "Point not found" };
  return {
    title: `${sources.topic.name}: the sources of one point`,
    description: sources.point.text.slice(0, 300),
    alternates: { canonical: `/topics/${sources.topic.slug}/points/${sources.point.id}` },
  };
}

export default async function PointSourcesPage({ params }: Params) {
  const { slug, pointId } = await params;
  const sources = await load(slug, pointId);
  if (!sources) notFound();
  const topicHref = `/topics/${sources.topic.slug}`;
  return (
    <article className="briefing point-sources" aria-labelledby="point-heading">
      <p className="kicker">
        <a href={topicHref}>{sources.topic.name}</a> · Briefing version {sources.version}
      </p>
      <h1 id="point-heading" className="point-sources__text">
        {sources.point.text}
      </h1>
      <p className="meta">
        <a href={`${topicHref}#p-${sources.point.id}`}>Back to the point in the briefing</a>
      </p>
      <details className="sources-panel" open>
        <summary>
          <span className="sources-panel__multi">
            {sources.passages.length} cited {sources.passages.length === 1 ? "passage" : "passages"}
          </span>
        </summary>
        <PassageItems passages={sources.passages} />
      </details>
      {sources.disagreements.length > 0 ? (
        <details className="sources-differ" open>
          <summary>
            <span className="badge badge--differ">Sources differ</span>
            <span className="sources-differ__summary">
              {sources.disagreements.map((d) => d.description).join(" · ")}
            </span>
          </summary>
          <DifferingSides disagreements={sources.disagreements} />
        </details>
      ) : null}
    </article>
  );
}
