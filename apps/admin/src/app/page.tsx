// Overview: what is in the newsroom — topics and the most recently ingested stories.
import Link from "next/link";
import { formatDateTime } from "@dispatch/ui";
import { getCaller } from "~/server/context";

export const dynamic = "force-dynamic";

export default async function OverviewPage() {
  const caller = await getCaller();
  const [topics, stories] = await Promise.all([caller.topic.list(), caller.story.listAll({ limit: 25 })]);
  return (
    <>
      <h1>Overview</h1>
      <section aria-labelledby="topics-heading">
        <h2 id="topics-heading">Topics ({topics.length})</h2>
        <ul className="story-list">
          {topics.map((topic) => (
            <li key={topic.id}>
              <Link href={`/topics/${topic.slug}`}>
                <strong>{topic.name}</strong>
              </Link>{" "}
              <span className="meta">
                /{topic.slug} · {topic.storyCount} stories
              </span>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="stories-heading">
        <h2 id="stories-heading">Recently ingested</h2>
        <ul className="story-list">
          {stories.items.map((story) => (
            <li key={story.id}>
              <Link href={`/stories/${story.id}`}>
                <strong>{story.title}</strong>
              </Link>
              <div className="meta">
                {story.source ?? "Unknown source"} · ingested {formatDateTime(story.ingestedAt)}
              </div>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
