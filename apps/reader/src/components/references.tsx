"use client";
// The briefing's numbered list of stories (the numbers its citation markers show). A 100-story
// topic lists 100 of them, so the topic page sends only how many there are: the list is fetched
// when its panel is opened (/api/topics/<slug>/sources), and without JavaScript the panel links
// to the topic's sources page, which renders the same list on the server.
import { useState, type SyntheticEvent } from "react";
import { storyHref } from "~/server/briefing-view";

export type Reference = { n: number; slug: string; title: string; source: string; date: string };

export function References(props: { stories: Reference[] }) {
  return (
    <ol className="references">
      {props.stories.map((story) => (
        <li key={story.slug} value={story.n}>
          <a href={storyHref(story)}>{story.title}</a>
          <span className="meta">{` ${story.source} · ${story.date}`}</span>
        </li>
      ))}
    </ol>
  );
}

type State = { kind: "closed" | "loading" | "failed" } | { kind: "loaded"; stories: Reference[] };

/** "The N stories, numbered": the list fetched when opened. */
export function ReferencesOnOpen(props: { count: number; pageHref: string }) {
  const [state, setState] = useState<State>({ kind: "closed" });
  const onToggle = (event: SyntheticEvent<HTMLDetailsElement>) => {
    if (!event.currentTarget.open || state.kind === "loading" || state.kind === "loaded") return;
    setState({ kind: "loading" });
    const apiHref = `/api${props.pageHref}`;
    fetch(apiHref, { headers: { accept: "application/json" } })
      .then(async (response) => {
        if (!response.ok) throw new Error(`${apiHref} answered ${response.status}`);
        return ((await response.json()) as { stories: Reference[] }).stories;
      })
      .then(
        (stories) => setState({ kind: "loaded", stories }),
        () => setState({ kind: "failed" }),
      );
  };
  const noun = props.count === 1 ? "story" : "stories";
  return (
    <details className="references-panel" onToggle={onToggle}>
      <summary>{`The ${props.count} ${noun}, numbered as cited`}</summary>
      {state.kind === "loaded" ? (
        <References stories={state.stories} />
      ) : (
        <p className="sources-on-open__status" role={state.kind === "closed" ? undefined : "status"}>
          {state.kind === "loading" ? "Loading the list… " : null}
          {state.kind === "failed" ? "The list could not be loaded. " : null}
          <a href={props.pageHref}>{`Read the list of ${noun}`}</a>
        </p>
      )}
    </details>
  );
}
