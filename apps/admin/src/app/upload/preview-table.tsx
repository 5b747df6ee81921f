"use client";
// The preview of one file: each parsed story's title, source, date and topic line, editable
// before upload; items the parsers refused say why. A missing date asks for one and says what
// happens if it is left empty.
import type { Override, PreviewItem } from "./upload-queue";

function toDateInput(iso: string | null): string {
  return iso ? iso.slice(0, 10) : "";
}

export function PreviewTable(props: {
  items: PreviewItem[];
  overrides: Record<string, Override>;
  onChange: (item: string, patch: Override) => void;
  disabled: boolean;
}) {
  return (
    <div className="table-wrap">
      <table className="data-table preview-table">
        <caption className="visually-hidden">Parsed stories; edit before uploading</caption>
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col">Title</th>
            <th scope="col">Source</th>
            <th scope="col">Date</th>
            <th scope="col">Topic line</th>
          </tr>
        </thead>
        <tbody>
          {props.items.map((item, index) => {
            if (!item.ok) {
              return (
                <tr key={`${item.item}-${index}`} className="row--rejected">
                  <td className="cell-mono">{item.item}</td>
                  <td colSpan={4}>
                    <span className="status status--rejected">Will be rejected</span> {item.message}
                  </td>
                </tr>
              );
            }
            const override = props.overrides[item.item] ?? {};
            const story = item.story;
            const date = override.publishedAt !== undefined ? override.publishedAt : story.publishedAt;
            const dateMissing = date === null;
            const id = `pv-${index}-${item.item.replace(/[^a-z0-9]+/gi, "-")}`;
            return (
              <tr key={`${item.item}-${index}`}>
                <td className="cell-mono">
                  {item.item}
                  {story.warnings.length > 0 ? <div className="meta">{story.warnings.join("; ")}</div> : null}
                </td>
                <td>
                  <label className="visually-hidden" htmlFor={`${id}-title`}>
                    Title of {item.item}
                  </label>
                  <input
                    id={`${id}-title`}
                    className="cell-input"
                    value={override.title ?? story.title}
                    disabled={props.disabled}
                    onChange={(event) =>
                      props.onChange(item.item, {
                        title: event.target.value.trim() ? event.target.value : undefined,
                      })
                    }
                  />
                </td>
                <td>
                  <label className="visually-hidden" htmlFor={`${id}-source`}>
                    Source of {item.item}
                  </label>
                  <input
                    id={`${id}-source`}
                    className="cell-input cell-input--short"
                    value={override.source !== undefined ? (override.source ?? "") : (story.source ?? "")}
                    placeholder="Unknown"
                    disabled={props.disabled}
                    onChange={(event) =>
                      props.onChange(item.item, { source: event.target.value.trim() || null })
                    }
                  />
                </td>
                <td className={dateMissing ? "cell--needs-input" : undefined}>
                  <label className="visually-hidden" htmlFor={`${id}-date`}>
                    Date of {item.item}
                  </label>
                  <input
                    id={`${id}-date`}
                    className="cell-input cell-input--date"
                    type="date"
                    value={toDateInput(date)}
                    disabled={props.disabled}
                    aria-describedby={dateMissing ? `${id}-date-note` : undefined}
                    onChange={(event) =>
                      props.onChange(item.item, {
                        publishedAt: event.target.value ? `${event.target.value}T00:00:00.000Z` : null,
                      })
                    }
                  />
                  {dateMissing ? (
                    <p id={`${id}-date-note`} className="meta" data-testid="date-missing">
                      {story.publishedAt === null
                        ? "No date was found in the file."
                        : "The date was cleared."}{" "}
                      Pick the day it was published. Left empty, the story is dated by its upload time: days
                      it names only as “on Monday” are read against that time, and the briefing’s timeline
                      says so.
                    </p>
                  ) : null}
                </td>
                <td>
                  <label className="visually-hidden" htmlFor={`${id}-topic`}>
                    Topic line of {item.item}
                  </label>
                  <input
                    id={`${id}-topic`}
                    className="cell-input cell-input--short"
                    value={
                      override.topicHint !== undefined ? (override.topicHint ?? "") : (story.topicHint ?? "")
                    }
                    placeholder="None"
                    disabled={props.disabled}
                    onChange={(event) =>
                      props.onChange(item.item, { topicHint: event.target.value.trim() || null })
                    }
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
