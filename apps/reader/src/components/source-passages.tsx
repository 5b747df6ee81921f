// What a point's source panels hold once opened: each cited passage with its outlet and a
// link to the sentence in its story, and both sides of each disagreement side by side. Pure
// markup over resolved data, rendered by the point's own page on the server and by the topic
// page's panels in the browser once the data has been fetched.
import { SourceBadge } from "@dispatch/ui";
import type { PointDisagreement, SourcePassage } from "~/server/point-sources";

export function PassageItems(props: { passages: SourcePassage[] }) {
  return (
    <ol className="passages">
      {props.passages.map((passage) => (
        <li key={passage.key} className="passage">
          {passage.sentence ? (
            <blockquote cite={passage.url ?? undefined}>
              <p>
                <mark>{passage.sentence}</mark>
              </p>
            </blockquote>
          ) : null}
          <PassageSource passage={passage} badge />
        </li>
      ))}
    </ol>
  );
}

export function DifferingSides(props: { disagreements: PointDisagreement[] }) {
  return (
    <>
      {props.disagreements.map((d) => (
        <div key={d.id} className="sources-differ__sides" data-kind={d.kind}>
          {d.sides.map((side) => (
            <figure key={side.key} className="sources-differ__side">
              <figcaption>
                <SourceBadge name={side.source} /> <strong>{side.value}</strong>
              </figcaption>
              {side.sentence ? (
                <blockquote cite={side.url ?? undefined}>
                  <p>{highlight(side.sentence, side.value)}</p>
                </blockquote>
              ) : null}
              <PassageSource passage={side} badge={false} />
            </figure>
          ))}
        </div>
      ))}
    </>
  );
}

function PassageSource({ passage, badge }: { passage: SourcePassage; badge: boolean }) {
  return (
    <p className="passage__source">
      <span className="ref-number" aria-hidden="true">
        {passage.n}
      </span>
      {badge ? (
        <>
          <SourceBadge name={passage.source} />{" "}
        </>
      ) : null}
      <a href={passage.href}>Read it in “{passage.title}”</a>
    </p>
  );
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
