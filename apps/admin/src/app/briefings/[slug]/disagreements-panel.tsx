// What an editor checks first in a version: where the outlets report a fact differently
// (each side with its story and sentence) and which facts newer stories have superseded.
import type { RouterOutputs } from "~/trpc/types";

type BriefingPage = NonNullable<RouterOutputs["briefing"]["get"]>;
type Citation = BriefingPage["briefing"]["points"][number]["citations"][number];

const KIND_LABELS: Record<string, string> = {
  number: "Figure",
  date: "Date",
  attribution: "Who said it",
  status: "Status",
};

export function DisagreementsPanel({
  page,
  readerUrl,
}: {
  page: Pick<BriefingPage, "briefing" | "stories" | "version">;
  readerUrl: string;
}) {
  const { briefing } = page;
  const superseded = briefing.points.filter((point) => point.supersededBy);
  const storyOf = new Map(page.stories.map((story) => [story.id, story]));
  const cited = (citation: Citation) => {
    const story = storyOf.get(citation.storyId);
    if (!story) return <span className="meta-inline">a story no longer public</span>;
    return (
      <a href={`${readerUrl}/stories/${encodeURIComponent(story.slug)}#s-${citation.sentenceIndex}`}>
        “{story.title}”, sentence {citation.sentenceIndex + 1}
      </a>
    );
  };
  return (
    <section aria-labelledby="disagreements-heading" className="panel">
      <h2 id="disagreements-heading">
        Check first: sources differ ({briefing.disagreements.length}) · superseded facts ({superseded.length})
      </h2>
      {briefing.disagreements.length === 0 && superseded.length === 0 ? (
        <p className="muted">
          The outlets in v{page.version} agree on every figure, date, speaker and status the engine compared,
          and no fact has been overtaken by a newer story.
        </p>
      ) : null}
      {briefing.disagreements.length > 0 ? (
        <>
          <h3>Where sources differ</h3>
          <ul className="compact-list disagreement-list">
            {briefing.disagreements.map((disagreement) => (
              <li key={disagreement.id}>
                <span className="status status--waiting">
                  {KIND_LABELS[disagreement.kind] ?? disagreement.kind}
                </span>{" "}
                <strong>{disagreement.description}</strong>
                <ul>
                  {disagreement.sides.map((side) => (
                    <li key={`${side.citation.storyId}#${side.citation.sentenceIndex}`}>
                      {side.source}: “{side.value}” — {cited(side.citation)}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {superseded.length > 0 ? (
        <>
          <h3>Superseded facts</h3>
          <ul className="compact-list superseded-list">
            {superseded.map((point) => (
              <li key={point.id}>
                <span className="status status--draft">superseded</span> {point.text}
                <span className="meta-inline"> — {point.supersededBy?.description}</span>
                <ul>
                  {(point.supersededBy?.citations ?? []).map((citation) => (
                    <li key={`${citation.storyId}#${citation.sentenceIndex}`}>Newer: {cited(citation)}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
