// Home: the topics with briefings, then the latest stories.
import { formatDate } from "@dispatch/ui";
import { getCaller } from "~/server/context";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const caller = await getCaller();
  const [topics, stories] = await Promise.all([caller.topic.list(), caller.story.list({ limit: 20 })]);
  return (
    <>
      <section aria-labelledby="topics-heading">
        <h1 id="topics-heading">Topics</h1>
        {topics.length === 0 ? (
          <p className="muted">No topics yet. An admin creates them in the admin app.</p>
        ) : (
          <ul className="card-list">
            {topics.map((topic) => (
              <li key={topic.id} className="card">
                <h3>{topic.name}</h3>
                <p>{topic.description}</p>
                <p className="meta">{topic.storyCount} {topic.storyCount === 1 ? "story" : "stories"}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="latest-heading">
        <h2 id="latest-heading">Latest stories</h2>
        <ul className="story-list">
          {stories.items.map((story) => (
            <li key={story.id}>
              <h3>{story.title}</h3>
              <p className="meta">
                {[story.source, story.byline.join(", "), formatDate(story.publishedAt)].filter(Boolean).join(" · ")}
              </p>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
