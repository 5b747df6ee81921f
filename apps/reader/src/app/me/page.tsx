// "My briefing": for each topic the signed-in reader follows, what is new since the version they
// last saw here — new points, storylines, disagreements and superseded facts, each cited and
// newest first (me.briefing). Once shown, the versions are recorded as seen (me.markSeen); a
// reload keeps showing the same news until a newer version arrives.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { formatDate, formatDateTime } from "@dispatch/ui";
import { FollowImport } from "~/components/follow-import";
import { getCaller, getCurrentUser } from "~/server/context";

export const metadata: Metadata = { title: "My briefing", robots: { index: false } };
export const dynamic = "force-dynamic";

const KIND_LABELS = {
  point: { label: "New point", badge: "badge badge--new" },
  storyline: { label: "New storyline", badge: "badge badge--new" },
  disagreement: { label: "Sources differ", badge: "badge badge--differ" },
  superseded: { label: "Updated", badge: "badge badge--updated" },
} as const;

export default async function MyBriefingPage() {
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?next=${encodeURIComponent("/me")}`);
  const caller = await getCaller();
  const { topics } = await caller.me.briefing();
  await caller.me.markSeen({
    seen: topics.flatMap((news) =>
      news.current ? [{ topic: news.topic.slug, version: news.current.version }] : [],
    ),
  });
  const withNews = topics.filter((news) => news.items.length > 0).length;

  return (
    <article className="my-briefing" aria-labelledby="my-briefing-heading">
      <h1 id="my-briefing-heading" className="page-title">
        My briefing
      </h1>
      {topics.length === 0 ? (
        <>
          <p className="empty-state">
            You follow no topics yet. Open a topic from the <a href="/">home page</a> and choose{" "}
            <strong>Follow topic</strong>: what is new in it will be gathered here.
          </p>
          <FollowImport followedSlugs={[]} />
        </>
      ) : (
        <p className="lede" role="status">
          {withNews === 0
            ? `Nothing new in the ${plural(topics.length, "topic")} you follow since your last visit.`
            : `New since your last visit in ${withNews} of the ${plural(topics.length, "topic")} you follow, newest first. Every item links to the sentences it comes from.`}
        </p>
      )}
      {topics.map((news) => (
        <section
          key={news.topic.slug}
          className="my-briefing__topic"
          aria-labelledby={`topic-${news.topic.slug}`}
          data-topic={news.topic.slug}
        >
          <h2 id={`topic-${news.topic.slug}`} className="my-briefing__topic-title">
            <a href={`/topics/${encodeURIComponent(news.topic.slug)}`}>{news.topic.name}</a>
          </h2>
          <p className="meta">
            {news.current ? (
              <>
                <span>Version {news.current.version}</span>
                <span>
                  updated{" "}
                  <time dateTime={news.current.createdAt.toISOString()}>
                    {formatDateTime(news.current.createdAt)}
                  </time>
                </span>
                {news.items.length > 0 && news.since.version !== null ? (
                  <span>
                    new since version {news.since.version}, which you saw on {formatDate(news.since.at)}
                  </span>
                ) : null}
                {news.newStoryCount > 0 ? (
                  <span>{plural(news.newStoryCount, "new story", "new stories")}</span>
                ) : null}
              </>
            ) : (
              <span>No briefing yet: it is built once stories are tagged with this topic.</span>
            )}
          </p>
          {news.current && news.items.length === 0 ? (
            <p className="muted">
              Nothing new since {news.since.version === null ? "you followed it" : "your last visit"} (
              {formatDate(news.since.at)}). Latest: {news.current.headline}
            </p>
          ) : null}
          {news.items.length > 0 ? (
            <ol className="my-briefing__items">
              {news.items.map((item) => (
                <li key={`${item.kind}:${item.id}`} className="my-briefing__item" data-kind={item.kind}>
                  <p className="point__text">
                    <span className={KIND_LABELS[item.kind].badge}>{KIND_LABELS[item.kind].label}</span>{" "}
                    {item.text}
                    {item.citations.slice(0, 4).map((citation, index) => (
                      <sup key={index} className="cite">
                        <a href={citation.href} title={`${citation.source}: ${citation.storyTitle}`}>
                          [{citation.source}]
                        </a>
                      </sup>
                    ))}
                    {item.citations.length > 4 ? (
                      <sup className="cite cite--more">+{item.citations.length - 4}</sup>
                    ) : null}
                  </p>
                  <p className="meta">
                    {item.asOf ? (
                      <time dateTime={item.asOf.toISOString()}>{formatDateTime(item.asOf)}</time>
                    ) : null}
                    <a href={item.href}>
                      {item.kind === "storyline" ? "Read the storyline" : "Sources and context"}
                      <span className="visually-hidden"> for “{item.text.slice(0, 80)}”</span>
                    </a>
                  </p>
                </li>
              ))}
            </ol>
          ) : null}
          {news.moreCount > 0 ? (
            <p className="meta">
              And {plural(news.moreCount, "more item")} on{" "}
              <a href={`/topics/${encodeURIComponent(news.topic.slug)}`}>the topic page</a>.
            </p>
          ) : null}
        </section>
      ))}
      <p className="muted my-briefing__foot">
        Get this by mail or in a feed reader: <a href="/account#digest">digest and private feed settings</a>.
      </p>
    </article>
  );
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
