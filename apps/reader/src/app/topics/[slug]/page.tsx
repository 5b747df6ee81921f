// A topic's briefing, served from the stored version (read, never recomputed, per request).
// Readable in full without JavaScript.
import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { SourceBadge, formatDate, formatDateTime } from "@dispatch/ui";
import { CitationMarkers } from "~/components/citations";
import { CoverageChart } from "~/components/coverage-chart";
import { FollowButton } from "~/components/follow-button";
import { LastVisit } from "~/components/last-visit";
import { MorePoints, PointItems } from "~/components/point-list";
import { ReferencesOnOpen } from "~/components/references";
import { numberStories, storyHref, storylineHref, type Entity } from "~/server/briefing-view";
import { storylinePoints } from "~/server/point-views";
import { loadTopic, type TopicBriefing } from "~/server/topic-data";

// Rendered per request: the Content-Security-Policy's nonce (src/proxy.ts) is new for each
// response and Next can only put it on the scripts of a page it renders now. The data is
// cached until the database says it changed, so a rebuilt briefing, or one without a story
// just removed, shows at once.
export const dynamic = "force-dynamic";
// Long-running topics gather hundreds of dated events and quotes; the page keeps the most
// useful ones so it stays readable (and light enough to serve quickly).
const MAX_TIMELINE = 30;
const MAX_QUOTES = 12;

type Params = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { slug } = await params;
  const data = await loadTopic(decodeURIComponent(slug));
  if (data.kind === "not-found" || data.kind === "merged") return { title: "Topic not found" };
  if (data.kind === "pending") return { title: data.topic.name, description: data.topic.description };
  const { page } = data;
  const description = page.briefing.overview
    .map((sentence) => sentence.text)
    .join(" ")
    .slice(0, 300);
  const url = `/topics/${page.topic.slug}`;
  return {
    title: `${page.topic.name}: ${page.briefing.headline}`,
    description,
    alternates: {
      canonical: url,
      types: {
        "application/rss+xml": [{ url: `${url}/feed.xml`, title: `${page.topic.name} briefing (RSS)` }],
        "application/atom+xml": [{ url: `${url}/feed.atom`, title: `${page.topic.name} briefing (Atom)` }],
        "application/feed+json": [
          { url: `${url}/feed.json`, title: `${page.topic.name} briefing (JSON Feed)` },
        ],
      },
    },
    openGraph: {
      type: "article",
      url,
      title: page.briefing.headline,
      description,
      modifiedTime: page.createdAt.toISOString(),
      section: page.topic.name,
    },
    twitter: { card: "summary", title: page.briefing.headline, description },
  };
}

export default async function TopicPage({ params }: Params) {
  const { slug } = await params;
  const data = await loadTopic(decodeURIComponent(slug));
  if (data.kind === "not-found") notFound();
  if (data.kind === "merged") permanentRedirect(`/topics/${data.into}`);
  if (data.kind === "pending") {
    return (
      <article className="briefing">
        <p className="kicker">{data.topic.name}</p>
        <h1 className="briefing__headline">{data.topic.name}</h1>
        <p className="empty-state">
          There is no briefing for this topic yet. It is built once stories are tagged with it — check back
          soon.
        </p>
      </article>
    );
  }
  return <Briefing data={data} />;
}

function Briefing({ data }: { data: TopicBriefing }) {
  const { page, versions } = data;
  const { briefing, topic } = page;
  const numbers = numberStories(briefing, page.stories);
  const changes = briefing.changes;
  const { previousVersion } = data;
  const storylineTitle = new Map(briefing.storylines.map((storyline) => [storyline.id, storyline.title]));

  return (
    <article className="briefing" aria-labelledby="briefing-headline">
      <header className="briefing__head">
        <div className="briefing__kicker-row">
          <p className="kicker">
            <a href={`/topics/${topic.slug}`}>{topic.name}</a> · Briefing
          </p>
          <FollowButton slug={topic.slug} name={topic.name} />
        </div>
        <h1 id="briefing-headline" className="briefing__headline">
          {briefing.headline}
        </h1>
        <p className="meta briefing__meta">
          <span>
            Updated <time dateTime={page.createdAt.toISOString()}>{formatDateTime(page.createdAt)}</time>
          </span>
          <span>Version {page.version}</span>
          <span>
            {page.stories.length} {page.stories.length === 1 ? "story" : "stories"} from{" "}
            {briefing.sources.length} {briefing.sources.length === 1 ? "outlet" : "outlets"}
          </span>
        </p>
        <div className="briefing__overview">
          {briefing.overview.map((sentence, index) => (
            <span key={index}>
              {sentence.text}
              <CitationMarkers citations={sentence.citations} numbers={numbers} />{" "}
            </span>
          ))}
        </div>
        <LastVisit
          slug={topic.slug}
          version={page.version}
          pointIds={briefing.points.map((point) => point.id)}
        />
        {changes && previousVersion !== null ? (
          <aside className="changes" aria-labelledby="changes-heading">
            <h2 id="changes-heading" className="changes__heading">
              New since version {previousVersion}
            </h2>
            <p>
              {[
                plural(changes.newPointIds.length, "new point"),
                plural(changes.newStoryIds.length, "new story", "new stories"),
                plural(changes.newStorylineIds.length, "new storyline"),
                changes.removedPointCount > 0
                  ? `${plural(changes.removedPointCount, "point")} dropped`
                  : null,
              ]
                .filter(Boolean)
                .join(" · ") || "No changes to the points."}
              {changes.newSources.length > 0 ? (
                <> · first reports from {changes.newSources.join(", ")}</>
              ) : null}
              {changes.newPointIds.length > 0 ? <>. New points are marked “New in v{page.version}”.</> : null}
            </p>
          </aside>
        ) : null}
      </header>

      <div className="briefing__main">
        <nav className="storyline-nav" aria-label="Storylines">
          <h2 className="side-heading">In this briefing</h2>
          <ol>
            {briefing.storylines.map((storyline) => (
              <li key={storyline.id}>
                <a href={`#${storyline.id}`}>{storyline.title}</a>
              </li>
            ))}
            {briefing.timeline.length > 0 ? (
              <li>
                <a href="#timeline">Timeline</a>
              </li>
            ) : null}
            {briefing.quotes.length > 0 ? (
              <li>
                <a href="#quotes">Quotes</a>
              </li>
            ) : null}
            <li>
              <a href="#sources">Sources</a>
            </li>
          </ol>
        </nav>

        {storylinePoints(page, numbers).map(({ storyline, lead, more }, storylineIndex) => (
          <section
            key={storyline.id}
            id={storyline.id}
            className="storyline"
            aria-labelledby={`${storyline.id}-title`}
          >
            <p className="storyline__label">
              {`Storyline ${storylineIndex + 1} of ${briefing.storylines.length}`}
              <span aria-hidden="true"> · </span>
              <span className="storyline__sources">{storyline.sources.join(", ")}</span>
            </p>
            <h2 id={`${storyline.id}-title`} className="storyline__title">
              {storyline.title}
            </h2>
            {/* The strongest points first; the rest fetched when opened (or, without
                JavaScript, on the storyline's own page). */}
            <ol className="points">
              <PointItems points={lead} slug={topic.slug} version={page.version} />
            </ol>
            {more.length > 0 ? (
              <MorePoints
                count={more.length}
                start={lead.length + 1}
                storylineHref={storylineHref(topic.slug, storyline.id)}
                slug={topic.slug}
                version={page.version}
              />
            ) : null}
          </section>
        ))}

        {briefing.timeline.length > 0 ? (
          <section id="timeline" className="timeline" aria-labelledby="timeline-heading">
            <h2 id="timeline-heading" className="section-heading">
              Timeline
            </h2>
            <ol className="timeline__list">
              {briefing.timeline.slice(0, MAX_TIMELINE).map((event, index) => (
                <li key={index} className="timeline__event">
                  <p className="timeline__date">
                    {event.date ? (
                      <time dateTime={event.date}>{formatEventDate(event.date, event.precision)}</time>
                    ) : (
                      <span>Undated</span>
                    )}
                    {event.resolution === "relative" ? (
                      <span className="timeline__said">
                        {` (“${event.dateText}”${event.basis === "uploaded" ? ", read against the upload date" : ""})`}
                      </span>
                    ) : null}
                  </p>
                  <p className="timeline__text">
                    {event.text}
                    <CitationMarkers citations={event.citations} numbers={numbers} />
                  </p>
                  {storylineTitle.get(event.storylineId) && briefing.storylines.length > 1 ? (
                    <p className="meta">{storylineTitle.get(event.storylineId)}</p>
                  ) : null}
                </li>
              ))}
            </ol>
            {briefing.timeline.length > MAX_TIMELINE ? (
              <p className="meta">
                The first {MAX_TIMELINE} of {briefing.timeline.length} dated events; the stories hold the
                rest.
              </p>
            ) : null}
          </section>
        ) : null}

        {briefing.quotes.length > 0 ? (
          <section id="quotes" className="quotes" aria-labelledby="quotes-heading">
            <h2 id="quotes-heading" className="section-heading">
              Quotes
            </h2>
            <ul className="quotes__list">
              {briefing.quotes.slice(0, MAX_QUOTES).map((quote) => {
                const entry = numbers.get(quote.citation.storyId);
                return (
                  <li key={quote.id}>
                    <figure className="quote">
                      <blockquote cite={entry?.story.url ?? undefined}>
                        <p>“{quote.text}”</p>
                      </blockquote>
                      <figcaption>
                        <span className="quote__speaker">{quote.speaker?.name ?? "Unattributed"}</span>
                        {entry ? (
                          <>
                            {" "}
                            in <SourceBadge name={entry.story.source ?? "Unknown source"} />{" "}
                            <a href={storyHref(entry.story, quote.citation.sentenceIndex)}>
                              <span className="visually-hidden">Read the quote in “{entry.story.title}”</span>
                              <span aria-hidden="true">read in context</span>
                            </a>
                          </>
                        ) : null}
                      </figcaption>
                    </figure>
                  </li>
                );
              })}
            </ul>
            {briefing.quotes.length > MAX_QUOTES ? (
              <p className="meta">
                {MAX_QUOTES} of {briefing.quotes.length} quotes.
              </p>
            ) : null}
          </section>
        ) : null}
      </div>

      <aside className="briefing__side" aria-label="About this briefing">
        <CoverageChart stories={page.stories} topicName={topic.name} />

        <section id="sources" aria-labelledby="sources-heading">
          <h2 id="sources-heading" className="side-heading">
            Sources
          </h2>
          <ul className="source-counts">
            {briefing.sources.map((source) => (
              <li key={source.name}>
                <SourceBadge name={source.name} />
                <span className="source-counts__n">{plural(source.stories, "story", "stories")}</span>
              </li>
            ))}
          </ul>
          <ReferencesOnOpen
            count={numbers.size}
            pageHref={`/topics/${encodeURIComponent(topic.slug)}/sources`}
          />
        </section>

        <EntityList id="people" title="People" entities={briefing.people} />
        <EntityList id="organizations" title="Organizations" entities={briefing.organizations} />
        <EntityList id="places" title="Places" entities={briefing.places} />

        <section aria-labelledby="versions-heading">
          <h2 id="versions-heading" className="side-heading">
            Versions
          </h2>
          <ol className="versions" reversed>
            {versions.slice(0, 8).map((version) => (
              <li key={version.version} value={version.version}>
                {version.version === page.version ? (
                  <strong>Version {version.version} (this one)</strong>
                ) : (
                  <a href={`/topics/${topic.slug}/versions/${version.version}`}>Version {version.version}</a>
                )}
                <span className="meta">
                  {" "}
                  · {formatDateTime(version.createdAt)} · {plural(version.storyCount, "story", "stories")}
                </span>
              </li>
            ))}
          </ol>
          <p className="meta">
            Follow updates: <a href={`/topics/${topic.slug}/feed.xml`}>RSS</a> ·{" "}
            <a href={`/topics/${topic.slug}/feed.atom`}>Atom</a> ·{" "}
            <a href={`/topics/${topic.slug}/feed.json`}>JSON Feed</a>
          </p>
        </section>
      </aside>
    </article>
  );
}

function EntityList({ id, title, entities }: { id: string; title: string; entities: Entity[] }) {
  if (entities.length === 0) return null;
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="side-heading">
        {title}
      </h2>
      <ul className="entities">
        {entities.slice(0, 12).map((entity) => (
          <li key={entity.id}>
            <a href={`/search?q=${encodeURIComponent(`"${entity.name}"`)}`} className="entities__name">
              {entity.name}
            </a>
            <span className="meta">
              {` ${plural(entity.mentions, "mention")} in ${plural(entity.storyIds.length, "story", "stories")}`}
            </span>
            {entity.aliases.length > 0 ? (
              <span className="entities__aliases">Also: {entity.aliases.join(", ")}</span>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

function formatEventDate(date: string, precision: string | null): string {
  if (precision === "year" || /^\d{4}$/.test(date)) return date.slice(0, 4);
  if (precision === "month" || /^\d{4}-\d{2}$/.test(date)) {
    return new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" }).format(
      new Date(`${date.slice(0, 7)}-01T00:00:00Z`),
    );
  }
  return formatDate(`${date}T00:00:00Z`);
}
