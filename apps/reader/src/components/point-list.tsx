"use client";
// A storyline's points, drawn from plain data (server/point-views.ts): the topic page renders its
// first few on the server, the storyline's own page all of them, and "more points" the rest once
// fetched. A client component so the page's RSC payload carries each point as data rather than
// as rendered markup, and so the same markup serves the points fetched later. Its panels
// (sources, "Sources differ") fetch their passages when opened (sources-on-open.tsx).
import { useEffect, useRef, useState, type SyntheticEvent } from "react";
import { pointSourcesHref } from "~/server/briefing-view";
import { markFreshPoints } from "./last-visit";
import { Markers, type Marker } from "./markers";
import { SourcePanel, SourcesDiffer } from "./sources-on-open";

export type MarkerSet = { markers: Marker[]; more: number };

export type PointView = {
  id: string;
  text: string;
  /** New in the version shown. */
  isNew: boolean;
  markers: MarkerSet;
  /** The first few outlets, and how many there are. */
  outlets: string[];
  outletCount: number;
  differ: { descriptions: string[]; total: number } | null;
  superseded: { description: string; markers: MarkerSet; newerHref: string | null } | null;
  updatedFrom: { id: string; text: string; markers: MarkerSet; description: string | null }[];
};

type Common = { slug: string; version: number };

export function PointItems(props: Common & { points: PointView[] }) {
  return (
    <>
      {props.points.map((point) => (
        <PointItem key={point.id} point={point} slug={props.slug} version={props.version} />
      ))}
    </>
  );
}

function PointItem({ point, slug, version }: Common & { point: PointView }) {
  const pageHref = pointSourcesHref(slug, point.id);
  return (
    <li id={`p-${point.id}`} className="point" data-point-id={point.id} tabIndex={-1}>
      <p className={point.superseded ? "point__text point__text--superseded" : "point__text"}>
        {point.isNew ? <span className="badge badge--new">{`New in v${version}`}</span> : null}
        {point.superseded ? <span className="badge badge--superseded">Superseded</span> : null}
        {point.text}
        <Markers {...point.markers} />
      </p>
      {point.superseded ? (
        <p className="superseded-note">
          {point.superseded.description}
          <Markers {...point.superseded.markers} />
          {point.superseded.newerHref ? (
            <>
              {" "}
              <a href={point.superseded.newerHref}>See the newer point</a>
            </>
          ) : null}
        </p>
      ) : null}
      {point.updatedFrom.length > 0 ? (
        // On a point that replaced an older fact: "Updated", with the older fact one click away.
        <details className="updated-from">
          <summary>
            <span className="badge badge--updated">Updated</span>
            <span>replaces an earlier report</span>
          </summary>
          <ul>
            {point.updatedFrom.map((older) => (
              <li key={older.id}>
                <p className="updated-from__older">
                  {`Earlier: ${older.text}`}
                  <Markers {...older.markers} />
                </p>
                {older.description ? <p className="meta">{older.description}</p> : null}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {point.differ ? (
        <SourcesDiffer
          descriptions={point.differ.descriptions}
          total={point.differ.total}
          pageHref={pageHref}
        />
      ) : null}
      <SourcePanel outlets={point.outlets} outletCount={point.outletCount} pageHref={pageHref} />
    </li>
  );
}

type State = { kind: "closed" | "loading" | "failed" } | { kind: "loaded"; points: PointView[] };

/** A storyline's points past its first few: fetched when opened; without JavaScript the panel
 * links to the storyline's own page, which lists them all. */
export function MorePoints(props: Common & { count: number; start: number; storylineHref: string }) {
  const [state, setState] = useState<State>({ kind: "closed" });
  const list = useRef<HTMLOListElement>(null);
  const onToggle = (event: SyntheticEvent<HTMLDetailsElement>) => {
    if (!event.currentTarget.open || state.kind === "loading" || state.kind === "loaded") return;
    setState({ kind: "loading" });
    const apiHref = `/api${props.storylineHref}`;
    fetch(apiHref, { headers: { accept: "application/json" } })
      .then(async (response) => {
        if (!response.ok) throw new Error(`${apiHref} answered ${response.status}`);
        return ((await response.json()) as { more: PointView[] }).more;
      })
      .then(
        (points) => setState({ kind: "loaded", points }),
        () => setState({ kind: "failed" }),
      );
  };
  useEffect(() => {
    if (state.kind === "loaded" && list.current) markFreshPoints(list.current);
  }, [state]);
  const noun = props.count === 1 ? "point" : "points";
  return (
    <details className="more-points" onToggle={onToggle}>
      <summary>{`${props.count} more ${noun} in this storyline`}</summary>
      {state.kind === "loaded" ? (
        <ol
          ref={list}
          className="points points--more"
          start={props.start}
          style={{ counterReset: `point ${props.start - 1}` }}
        >
          <PointItems points={state.points} slug={props.slug} version={props.version} />
        </ol>
      ) : (
        <p className="sources-on-open__status" role={state.kind === "closed" ? undefined : "status"}>
          {state.kind === "loading" ? `Loading the ${noun}… ` : null}
          {state.kind === "failed" ? `The ${noun} could not be loaded. ` : null}
          <a
            href={props.storylineHref}
          >{`Read ${props.count === 1 ? "it" : "them"} on the storyline’s page`}</a>
        </p>
      )}
    </details>
  );
}
