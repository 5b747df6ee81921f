// Where the sources disagree on a point, and which facts newer stories have overtaken:
// "Sources differ" opens both passages side by side (fetched when opened; without JavaScript
// on the point's own page), "Updated" keeps the older fact one click away, and a superseded
// point says what replaced it.
import { type Briefing, type BriefingStory, type Point } from "~/server/briefing-view";
import { pointSourcesHref } from "~/server/point-sources";
import { CitationMarkers } from "./citations";
import { SourcesDiffer as DifferOnOpen } from "./sources-on-open";

type Numbers = Map<string, { n: number; story: BriefingStory }>;
type Disagreement = Briefing["disagreements"][number];

// A point many outlets report can gather dozens of small differences: the summary names the
// first few, the opened panel shows them all.
const DESCRIPTIONS_SHOWN = 2;

/** A point's disagreements; opened, both sides of each side by side with the passage that says it. */
export function SourcesDiffer(props: { slug: string; pointId: string; disagreements: Disagreement[] }) {
  return (
    <DifferOnOpen
      descriptions={props.disagreements.slice(0, DESCRIPTIONS_SHOWN).map((d) => d.description)}
      total={props.disagreements.length}
      pageHref={pointSourcesHref(props.slug, props.pointId)}
    />
  );
}

/** On a point that replaced an older fact: "Updated", with the older fact one click away. */
export function UpdatedFrom(props: { older: Point[]; numbers: Numbers }) {
  return (
    <details className="updated-from">
      <summary>
        <span className="badge badge--updated">Updated</span>
        <span>replaces an earlier report</span>
      </summary>
      <ul>
        {props.older.map((point) => (
          <li key={point.id}>
            <p className="updated-from__older">
              Earlier: {point.text}
              <CitationMarkers citations={point.citations} numbers={props.numbers} />
            </p>
            {point.supersededBy ? <p className="meta">{point.supersededBy.description}</p> : null}
          </li>
        ))}
      </ul>
    </details>
  );
}

/** On a superseded point: what replaced it, linked to the point that now carries it. */
export function SupersededNote(props: { point: Point; numbers: Numbers }) {
  const by = props.point.supersededBy;
  if (!by) return null;
  return (
    <p className="superseded-note">
      {by.description}
      <CitationMarkers citations={by.citations} numbers={props.numbers} />
      {by.pointId ? (
        <>
          {" "}
          <a href={`#p-${by.pointId}`}>See the newer point</a>
        </>
      ) : null}
    </p>
  );
}

/** Disagreements by the points they concern, and superseded points by the point that replaced them. */
export function indexDisagreements(briefing: Briefing): {
  differ: Map<string, Disagreement[]>;
  replaced: Map<string, Point[]>;
} {
  const differ = new Map<string, Disagreement[]>();
  for (const d of briefing.disagreements)
    for (const id of d.pointIds) differ.set(id, [...(differ.get(id) ?? []), d]);
  const replaced = new Map<string, Point[]>();
  for (const point of briefing.points) {
    const by = point.supersededBy?.pointId;
    if (by) replaced.set(by, [...(replaced.get(by) ?? []), point]);
  }
  return { differ, replaced };
}
