"use client";
// A point's closed panels — its sources, and where they differ — whose passages are fetched
// when a panel is first opened: the topic page carries each point's summary (which outlets,
// what they differ on) and none of the passages, which would be most of its weight. The
// props are plain data, not rendered markup, so the page's RSC payload stays small. Without
// JavaScript a panel links to the point's own page, where the same passages are rendered on
// the server.
import { useState, type SyntheticEvent } from "react";
import { SourceBadge } from "@dispatch/ui";
import type { PointSources } from "~/server/point-sources";
import { DifferingSides, PassageItems } from "./source-passages";

type State = { kind: "closed" | "loading" | "failed" } | { kind: "loaded"; sources: PointSources };

// One request per point, shared by its panels.
const requests = new Map<string, Promise<PointSources>>();

function fetchPointSources(pageHref: string): Promise<PointSources> {
  const apiHref = `/api${pageHref}`;
  let request = requests.get(apiHref);
  if (!request) {
    request = fetch(apiHref, { headers: { accept: "application/json" } }).then(async (response) => {
      if (!response.ok) throw new Error(`${apiHref} answered ${response.status}`);
      return (await response.json()) as PointSources;
    });
    // A failed request is tried again when the panel is next opened.
    request.catch(() => requests.delete(apiHref));
    requests.set(apiHref, request);
  }
  return request;
}

function useOnOpen(pageHref: string) {
  const [state, setState] = useState<State>({ kind: "closed" });
  const onToggle = (event: SyntheticEvent<HTMLDetailsElement>) => {
    if (!event.currentTarget.open || state.kind === "loading" || state.kind === "loaded") return;
    setState({ kind: "loading" });
    fetchPointSources(pageHref).then(
      (sources) => setState({ kind: "loaded", sources }),
      () => setState({ kind: "failed" }),
    );
  };
  return { state, onToggle };
}

function Status(props: { state: State; pageHref: string; text: string }) {
  return (
    <p className="sources-on-open__status" role={props.state.kind === "closed" ? undefined : "status"}>
      {props.state.kind === "loading" ? "Loading the source passages… " : null}
      {props.state.kind === "failed" ? "The passages could not be loaded. " : null}
      <a href={props.pageHref}>{props.text}</a>
    </p>
  );
}

/** The point's outlets; opened, every cited passage with a link to it in its story. */
export function SourcePanel(props: { outlets: string[]; outletCount: number; pageHref: string }) {
  const { state, onToggle } = useOnOpen(props.pageHref);
  return (
    <details className="sources-panel" onToggle={onToggle}>
      <summary>
        {props.outletCount <= 1 ? (
          <span className="sources-panel__single">Single source</span>
        ) : (
          <span className="sources-panel__multi">{`Reported by ${props.outletCount} outlets`}</span>
        )}
        <span className="sources-panel__badges">
          {props.outlets.map((name) => (
            <SourceBadge key={name} name={name} />
          ))}
          {props.outletCount > props.outlets.length ? (
            <span className="sources-panel__more">{`+${props.outletCount - props.outlets.length}`}</span>
          ) : null}
        </span>
        <span className="visually-hidden"> — show the source passages</span>
      </summary>
      {state.kind === "loaded" ? (
        <PassageItems passages={state.sources.passages} />
      ) : (
        <Status state={state} pageHref={props.pageHref} text="Read the source passages" />
      )}
    </details>
  );
}

/** A point's disagreements; opened, both sides of each side by side with the passage that says it. */
export function SourcesDiffer(props: { descriptions: string[]; total: number; pageHref: string }) {
  const { state, onToggle } = useOnOpen(props.pageHref);
  const more = props.total - props.descriptions.length;
  return (
    <details className="sources-differ" onToggle={onToggle}>
      <summary>
        <span className="badge badge--differ">Sources differ</span>
        <span className="sources-differ__summary">
          {props.descriptions.join(" · ")}
          {more > 0 ? ` · and ${more} more` : ""}
        </span>
        <span className="visually-hidden"> — show the passages side by side</span>
      </summary>
      {state.kind === "loaded" ? (
        <DifferingSides disagreements={state.sources.disagreements} />
      ) : (
        <Status
          state={state}
          pageHref={props.pageHref}
          text={props.total === 1 ? "Read both passages" : "Read the passages"}
        />
      )}
    </details>
  );
}
