"use client";
// The briefing's numbered list of stories (the numbers its citation markers show). A client
// component only so the page's RSC payload carries each story as a few strings rather than
// as rendered markup: a 100-story topic lists 100 of them. It renders the same on the
// server, and nothing here runs in the browser but hydration.
import { storyHref } from "~/server/briefing-view";

export type Reference = { n: number; slug: string; title: string; source: string; date: string };

export function References(props: { stories: Reference[] }) {
  return (
    <ol className="references">
      {props.stories.map((story) => (
        <li key={story.slug} value={story.n}>
          <a href={storyHref(story)}>{story.title}</a>
          <span className="meta">
            {" "}
            {story.source} · {story.date}
          </span>
        </li>
      ))}
    </ol>
  );
}
