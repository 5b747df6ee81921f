// Citation markers (small superscript links to the cited sentence) and the inline panel
// that shows the cited passages — a <details>, so it opens without JavaScript.
import { SourceBadge } from "@dispatch/ui";
import {
  passageKey,
  storyHref,
  type BriefingStory,
  type Citation,
  type Passage,
} from "~/server/briefing-view";

type Numbers = Map<string, { n: number; story: BriefingStory }>;

export function CitationMarkers(props: { citations: Citation[]; numbers: Numbers }) {
  const seen = new Set<string>();
  const markers = props.citations.filter((citation) => {
    if (seen.has(citation.storyId) || !props.numbers.has(citation.storyId)) return false;
    seen.add(citation.storyId);
    return true;
  });
  return (
    <>
      {markers.map((citation) => {
        const entry = props.numbers.get(citation.storyId);
        if (!entry) return null;
        return (
          <sup key={passageKey(citation)} className="cite">
            <a
              href={storyHref(entry.story, citation.sentenceIndex)}
              aria-label={`Source ${entry.n}: ${entry.story.source ?? "unknown outlet"}, “${entry.story.title}”`}
              data-citation={passageKey(citation)}
            >
              {entry.n}
            </a>
          </sup>
        );
      })}
    </>
  );
}

export function SourcePanel(props: {
  citations: Citation[];
  outlets: string[];
  numbers: Numbers;
  passages: Map<string, Passage>;
}) {
  const single = props.outlets.length <= 1;
  const seen = new Set<string>();
  const citations = props.citations.filter((citation) => {
    const key = passageKey(citation);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return (
    <details className="sources-panel">
      <summary>
        {single ? (
          <span className="sources-panel__single">Single source</span>
        ) : (
          <span className="sources-panel__multi">Reported by {props.outlets.length} outlets</span>
        )}
        <span className="sources-panel__badges">
          {props.outlets.map((name) => (
            <SourceBadge key={name} name={name} />
          ))}
        </span>
        <span className="visually-hidden"> — show the source passages</span>
      </summary>
      <ol className="passages">
        {citations.map((citation) => {
          const entry = props.numbers.get(citation.storyId);
          const passage = props.passages.get(passageKey(citation));
          if (!entry) return null;
          return (
            <li key={passageKey(citation)} className="passage">
              {passage ? (
                <blockquote cite={entry.story.url ?? undefined}>
                  <p>
                    <mark>{passage.sentence}</mark>
                  </p>
                </blockquote>
              ) : null}
              <p className="passage__source">
                <span className="ref-number" aria-hidden="true">
                  {entry.n}
                </span>
                <SourceBadge name={entry.story.source ?? "Unknown source"} />{" "}
                <a href={storyHref(entry.story, citation.sentenceIndex)}>Read it in “{entry.story.title}”</a>
              </p>
            </li>
          );
        })}
      </ol>
    </details>
  );
}
