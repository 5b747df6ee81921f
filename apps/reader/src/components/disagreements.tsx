// Where the sources disagree on a point, and which facts newer stories have overtaken:
// "Sources differ" opens both passages side by side, "Updated" keeps the older fact one click
// away, and a superseded point says what replaced it. All <details>, so no JavaScript needed.
import { SourceBadge } from "@dispatch/ui";
import {
  passageKey,
  storyHref,
  type Briefing,
  type BriefingStory,
  type Passage,
  type Point,
} from "~/server/briefing-view";
import { CitationMarkers } from "./citations";

type Numbers = Map<string, { n: number; story: BriefingStory }>;
type Disagreement = Briefing["disagreements"][number];

/** A point's disagreements, both sides of each side by side with the passage that says it. */
export function SourcesDiffer(props: {
  disagreements: Disagreement[];
  numbers: Numbers;
  passages: Map<string, Passage>;
}) {
  return (
    <details className="sources-differ">
      <summary>
        <span className="badge badge--differ">Sources differ</span>
        <span className="sources-differ__summary">
          {props.disagreements.map((d) => d.description).join(" · ")}
        </span>
        <span className="visually-hidden"> — show both passages side by side</span>
      </summary>
      {props.disagreements.map((d) => (
        <div key={d.id} className="sources-differ__sides" data-kind={d.kind}>
          {d.sides.map((side) => {
            const entry = props.numbers.get(side.citation.storyId);
            const passage = props.passages.get(passageKey(side.citation));
            return (
              <figure key={passageKey(side.citation)} className="sources-differ__side">
                <figcaption>
                  <SourceBadge name={side.source} /> <strong>{side.value}</strong>
                </figcaption>
                {passage ? (
                  <blockquote cite={entry?.story.url ?? undefined}>
                    <p>{highlight(passage.sentence, side.value)}</p>
                  </blockquote>
                ) : null}
                {entry ? (
                  <p className="passage__source">
                    <span className="ref-number" aria-hidden="true">
                      {entry.n}
                    </span>
                    <a href={storyHref(entry.story, side.citation.sentenceIndex)}>
                      Read it in “{entry.story.title}”
                    </a>
                  </p>
                ) : null}
              </figure>
            );
          })}
        </div>
      ))}
    </details>
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

// The differing words marked in the passage, when the passage has them as written.
function highlight(sentence: string, value: string) {
  const at = sentence.indexOf(value);
  if (value === "" || at < 0) return sentence;
  return (
    <>
      {sentence.slice(0, at)}
      <mark>{value}</mark>
      {sentence.slice(at + value.length)}
    </>
  );
}
