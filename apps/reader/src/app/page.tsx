// Home: the topics with fresh briefings (freshest first), then the latest stories.
import { SourceBadge, formatDate, formatDateTime } from "@dispatch/ui";
import { FollowedTopics } from "~/components/followed-topics";
import { getHomeData, type TopicCard } from "~/server/home-data";

// Rendered per request (the CSP nonce) from data cached until a briefing or anything public
// changes (server/home-data.ts).
export const dynamic = "force-dynamic";

export default async function HomePage() {
  const { topics, stories } = await getHomeData();
  return (
    <div className="home">
      <header className="home__intro">
        <h1 className="home__title">Today’s briefings</h1>
        <p className="home__lede">
          One page per topic: what happened across every story, which outlets reported it, and a link from
          every point to the sentence it comes from.
        </p>
      </header>

      <FollowedTopics
        known={topics.map((topic) => ({
          slug: topic.slug,
          name: topic.name,
          headline: topic.briefing?.headline ?? null,
        }))}
      />

      <section aria-labelledby="topics-heading" className="home__topics">
        <h2 id="topics-heading" className="section-heading">
          Topics
        </h2>
        {topics.length === 0 ? (
          <p className="empty-state">
            No topics yet. An admin creates them in the admin app, and briefings appear here.
          </p>
        ) : (
          <ul className="topic-grid">
            {topics.map((topic, index) => (
              <TopicCardItem key={topic.slug} topic={topic} lead={index === 0} />
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="latest-heading" className="home__latest">
        <h2 id="latest-heading" className="section-heading">
          Latest stories
        </h2>
        {stories.length === 0 ? (
          <p className="empty-state">No stories yet.</p>
        ) : (
          <ul className="story-list">
            {stories.map((story) => (
              <li key={story.slug}>
                <h3>
                  <a href={`/stories/${story.slug}`}>{story.title}</a>
                </h3>
                {story.dek ? <p className="story-list__dek">{story.dek}</p> : null}
                <p className="meta">
                  {story.source ? <SourceBadge name={story.source} /> : null}
                  {story.byline.length > 0 ? <span>{story.byline.join(", ")}</span> : null}
                  <time dateTime={story.publishedAt?.toISOString()}>{formatDate(story.publishedAt)}</time>
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function TopicCardItem({ topic, lead }: { topic: TopicCard; lead: boolean }) {
  const href = `/topics/${topic.slug}`;
  const briefing = topic.briefing;
  return (
    <li className={lead ? "topic-card topic-card--lead" : "topic-card"}>
      <p className="kicker">
        <a href={href}>{topic.name}</a>
      </p>
      {briefing ? (
        <>
          <h3 className="topic-card__headline">
            <a href={href}>{briefing.headline}</a>
          </h3>
          <p className="topic-card__overview">
            {(lead ? briefing.overview : briefing.overview.slice(0, 1)).join(" ")}
          </p>
          <p className="meta topic-card__meta">
            <span>
              Updated{" "}
              <time dateTime={briefing.updatedAt.toISOString()}>{formatDateTime(briefing.updatedAt)}</time>
            </span>
            <span>
              {topic.storyCount} {topic.storyCount === 1 ? "story" : "stories"} · {briefing.sources.length}{" "}
              {briefing.sources.length === 1 ? "source" : "sources"}
            </span>
          </p>
          <p className="topic-card__sources">
            {briefing.sources.map((source) => (
              <SourceBadge key={source.name} name={source.name} />
            ))}
          </p>
        </>
      ) : (
        <>
          <h3 className="topic-card__headline">
            <a href={href}>{topic.name}</a>
          </h3>
          <p className="topic-card__overview muted">
            {topic.description || "No briefing yet."} The first briefing appears once stories are tagged.
          </p>
        </>
      )}
    </li>
  );
}
