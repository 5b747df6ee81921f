// One published version of a topic's briefing as readers saw it (editors' controls and
// removed stories applied, as on the topic page), and what changed against the version before.
// A draft, or a number that was never published, is a 404 that says so.
import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { cache } from "react";
import { formatDateTime } from "@dispatch/ui";
import { cachedRead } from "~/server/page-data-cache";
import { getPublicCaller } from "~/server/public-caller";

// Per request for the CSP nonce (see the topic page); the data is cached until the topic changes.
export const dynamic = "force-dynamic";

type Params = { params: Promise<{ slug: string; version: string }> };

const loadVersion = cache((slug: string, version: number) =>
  cachedRead(`topic-version:${slug}:${version}`, [`topic:${slug}`], () =>
    getPublicCaller().page.topicVersion({ topic: slug, version }),
  ),
);

/** The number in the address, or null when it is not a version number at all. */
function readVersion(text: string): number | null {
  return /^[1-9]\d{0,8}$/.test(text) ? Number(text) : null;
}

async function load({ params }: Params) {
  const { slug: rawSlug, version: rawVersion } = await params;
  const slug = decodeURIComponent(rawSlug);
  const version = readVersion(rawVersion);
  return version === null ? null : { slug, version, data: await loadVersion(slug, version) };
}

export async function generateMetadata(props: Params): Promise<Metadata> {
  const found = await load(props);
  if (!found || found.data.kind !== "version") return { title: "Version not found" };
  const { page } = found.data;
  return {
    title: `${page.topic.name}, version ${page.version}: ${page.briefing.headline}`,
    alternates: { canonical: `/topics/${page.topic.slug}/versions/${page.version}` },
    robots: { index: false },
  };
}

export default async function TopicVersionPage(props: Params) {
  const found = await load(props);
  if (!found) notFound();
  const { data } = found;
  if (data.kind === "merged") permanentRedirect(`/topics/${data.into}/versions/${found.version}`);
  if (data.kind === "not-found") notFound();
  const { page, changes, previousVersion, latestVersion } = data;
  const { briefing, topic } = page;
  const topicHref = `/topics/${topic.slug}`;
  const numbers = new Map(page.stories.map((story, index) => [story.id, { n: index + 1, story }]));
  const pointsById = new Map(briefing.points.map((point) => [point.id, point]));
  const titleOf = (id: string) => numbers.get(id)?.story.title ?? null;
  const cites = (citations: { storyId: string; sentenceIndex: number }[]) => {
    const seen = new Set<string>();
    return citations.flatMap((citation) => {
      const entry = numbers.get(citation.storyId);
      const key = `${citation.storyId}#${citation.sentenceIndex}`;
      if (!entry || seen.has(key)) return [];
      seen.add(key);
      return [
        <sup key={key} className="cite">
          <a
            href={`/stories/${encodeURIComponent(entry.story.slug)}#s-${citation.sentenceIndex}`}
            aria-label={`Source ${entry.n}: ${entry.story.source ?? entry.story.title}`}
          >
            {entry.n}
          </a>
        </sup>,
      ];
    });
  };

  return (
    <article className="briefing" aria-labelledby="version-headline">
      <header className="briefing__head">
        <p className="kicker">
          <a href={topicHref}>{topic.name}</a> · Version {page.version}
        </p>
        <h1 id="version-headline" className="briefing__headline">
          {briefing.headline}
        </h1>
        <p className="meta briefing__meta">
          <span>
            Published as version {page.version} on{" "}
            <time dateTime={page.createdAt.toISOString()}>{formatDateTime(page.createdAt)}</time>
          </span>
          <span>
            {page.stories.length} {page.stories.length === 1 ? "story" : "stories"}
          </span>
        </p>
        <p className="version-note" role="note">
          {page.version === latestVersion ? (
            <>
              This is the current version. <a href={topicHref}>Read it on the topic page</a>.
            </>
          ) : (
            <>
              This is an earlier version.{" "}
              <a href={topicHref}>Read the current one (version {latestVersion})</a>.
            </>
          )}
        </p>
        <nav aria-label="Other versions" className="meta">
          {previousVersion !== null ? (
            <a href={`${topicHref}/versions/${previousVersion}`}>← Version {previousVersion}</a>
          ) : null}
        </nav>
        <div className="briefing__overview">
          {briefing.overview.map((sentence, index) => (
            <span key={index}>
              {sentence.text}
              {cites(sentence.citations)}{" "}
            </span>
          ))}
        </div>
      </header>

      <div className="briefing__main">
        {briefing.storylines.map((storyline) => (
          <section key={storyline.id} className="storyline" aria-labelledby={`${storyline.id}-title`}>
            <h2 id={`${storyline.id}-title`} className="storyline__title">
              {storyline.title}
            </h2>
            <ol className="points">
              {storyline.pointIds.flatMap((pointId) => {
                const point = pointsById.get(pointId);
                return point
                  ? [
                      <li key={point.id} className="point">
                        <p className="point__text">
                          {point.text}
                          {cites(point.citations)}
                        </p>
                      </li>,
                    ]
                  : [];
              })}
            </ol>
          </section>
        ))}
      </div>

      <aside className="briefing__side" aria-label="About this version">
        <section aria-labelledby="what-changed" className="changes">
          <h2 id="what-changed" className="changes__heading">
            {changes ? `What changed since version ${changes.from}` : "The first version of this briefing"}
          </h2>
          {changes ? (
            <>
              <p>
                {changes.addedPoints.length} {changes.addedPoints.length === 1 ? "point" : "points"} added,{" "}
                {changes.removedPoints.length} removed
                {changes.addedStoryIds.length
                  ? `; new stories: ${changes.addedStoryIds.map((id) => `“${titleOf(id) ?? "a story"}”`).join(", ")}`
                  : ""}
                {changes.addedSources.length ? `; first reports from ${changes.addedSources.join(", ")}` : ""}
                .
              </p>
              {changes.addedPoints.length > 0 ? (
                <>
                  <h3>Added</h3>
                  <ul>
                    {changes.addedPoints.map((point) => (
                      <li key={point.text}>{point.text}</li>
                    ))}
                  </ul>
                </>
              ) : null}
              {changes.removedPoints.length > 0 ? (
                <>
                  <h3>No longer in the briefing</h3>
                  <ul>
                    {changes.removedPoints.map((point) => (
                      <li key={point.text}>{point.text}</li>
                    ))}
                  </ul>
                </>
              ) : null}
              {changes.addedStorylines.length > 0 ? (
                <p>New storylines: {changes.addedStorylines.join(", ")}.</p>
              ) : null}
            </>
          ) : (
            <p>Nothing came before it.</p>
          )}
        </section>

        <section aria-labelledby="version-stories">
          <h2 id="version-stories" className="side-heading">
            Stories in this version
          </h2>
          <ol>
            {page.stories.map((story) => (
              <li key={story.id}>
                <a href={`/stories/${encodeURIComponent(story.slug)}`}>{story.title}</a>
                {story.source ? <span className="meta"> · {story.source}</span> : null}
              </li>
            ))}
          </ol>
        </section>
      </aside>
    </article>
  );
}
