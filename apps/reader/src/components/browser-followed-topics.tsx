"use client";
// The home page's "Following" shelf, signed out: the topics this browser follows, first.
import { useEffect, useState } from "react";
import { FOLLOWING_EVENT, readFollowing, type FollowedTopic } from "./following";

type KnownTopic = { slug: string; name: string; headline: string | null };

export function BrowserFollowedTopics(props: { known: KnownTopic[] }) {
  const [followed, setFollowed] = useState<FollowedTopic[]>([]);
  useEffect(() => {
    const update = () => setFollowed(readFollowing());
    update();
    window.addEventListener(FOLLOWING_EVENT, update);
    window.addEventListener("storage", update);
    return () => {
      window.removeEventListener(FOLLOWING_EVENT, update);
      window.removeEventListener("storage", update);
    };
  }, []);
  const topics = followed
    .map((topic) => props.known.find((known) => known.slug === topic.slug))
    .filter((topic): topic is NonNullable<typeof topic> => Boolean(topic));
  return <FollowingShelf topics={topics} />;
}

/** The shelf itself: nothing when no topic is followed. */
export function FollowingShelf(props: { topics: KnownTopic[]; meLink?: boolean }) {
  const { topics } = props;
  if (topics.length === 0) return null;
  return (
    <section className="following" aria-labelledby="following-heading">
      <h2 id="following-heading" className="section-heading">
        Following
      </h2>
      <ul className="following__list">
        {topics.map((topic) => (
          <li key={topic.slug}>
            <a href={`/topics/${topic.slug}`}>
              <strong>{topic.name}</strong>
              {topic.headline ? <span className="following__headline">{topic.headline}</span> : null}
            </a>
          </li>
        ))}
      </ul>
      {props.meLink ? (
        <p className="meta">
          <a href="/me">My briefing</a>: what is new in these topics since your last visit.
        </p>
      ) : null}
    </section>
  );
}
