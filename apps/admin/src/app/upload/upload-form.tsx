"use client";
// Upload: paste text or drop files, preview what the parsers make of them (and fix the title,
// source, date or topic line), then store them one file at a time — one batch, with each
// file's progress and each item's result.
import { useRef, useState, type DragEvent } from "react";
import { useRouter } from "next/navigation";
import Link from "next/link";
import { describeError } from "~/components/error-message";
import { useTRPCClient } from "~/trpc/react";
import type { RouterOutputs } from "~/trpc/types";
import { ACCEPTED_EXTENSIONS, formatBytes, readUploadFile, type UploadPayload } from "./upload-files";

type PreviewItem = RouterOutputs["upload"]["preview"][number];
type CommitItem = RouterOutputs["upload"]["commit"]["items"][number];
type Override = {
  title?: string;
  source?: string | null;
  publishedAt?: string | null;
  topicHint?: string | null;
};

type FileState = "previewing" | "ready" | "waiting" | "uploading" | "done" | "failed";

type QueuedFile = {
  key: number;
  label: string;
  size: number;
  payload: UploadPayload;
  state: FileState;
  preview: PreviewItem[] | null;
  error: string | null;
  results: CommitItem[];
};

const STATE_LABEL: Record<FileState, string> = {
  previewing: "Reading…",
  ready: "Ready",
  waiting: "Waiting",
  uploading: "Uploading…",
  done: "Done",
  failed: "Failed",
};

function toDateInput(iso: string | null): string {
  return iso ? iso.slice(0, 10) : "";
}

export function UploadForm() {
  const client = useTRPCClient();
  const router = useRouter();
  const [files, setFiles] = useState<QueuedFile[]>([]);
  const [pasted, setPasted] = useState("");
  const [overrides, setOverrides] = useState<Record<string, Override>>({});
  const [topicFromHint, setTopicFromHint] = useState(true);
  const [running, setRunning] = useState(false);
  const [batchId, setBatchId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const nextKey = useRef(1);
  const inputRef = useRef<HTMLInputElement>(null);

  const update = (key: number, patch: Partial<QueuedFile>) =>
    setFiles((current) => current.map((file) => (file.key === key ? { ...file, ...patch } : file)));

  async function preview(entry: QueuedFile) {
    try {
      const items = await client.upload.preview.mutate({ files: [entry.payload] });
      update(entry.key, { preview: items, state: "ready" });
    } catch (caught) {
      update(entry.key, { error: describeError(caught), state: "ready" });
    }
  }

  async function addPayloads(payloads: { label: string; size: number; payload: UploadPayload }[]) {
    if (batchId && !running) {
      // A finished upload stays on screen until new files start the next one.
      setFiles([]);
      setOverrides({});
      setBatchId(null);
    }
    const entries = payloads.map<QueuedFile>((item) => ({
      key: nextKey.current++,
      ...item,
      state: "previewing",
      preview: null,
      error: null,
      results: [],
    }));
    setFiles((current) => [...(batchId && !running ? [] : current), ...entries]);
    for (const entry of entries) await preview(entry);
  }

  async function addFiles(list: FileList | null) {
    if (!list || list.length === 0) return;
    setError(null);
    const payloads = await Promise.all(
      [...list].map(async (file) => ({
        label: file.name,
        size: file.size,
        payload: await readUploadFile(file),
      })),
    );
    await addPayloads(payloads);
    if (inputRef.current) inputRef.current.value = "";
  }

  async function addPasted() {
    if (!pasted.trim()) {
      setError("Paste some text first.");
      return;
    }
    setError(null);
    await addPayloads([{ label: "Pasted text", size: new Blob([pasted]).size, payload: { text: pasted } }]);
    setPasted("");
  }

  function onDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setDragging(false);
    void addFiles(event.dataTransfer.files);
  }

  function setOverride(item: string, patch: Override) {
    setOverrides((current) => ({ ...current, [item]: { ...current[item], ...patch } }));
  }

  async function commitAll() {
    const pending = files.filter((file) => file.state === "ready" || file.state === "failed");
    if (pending.length === 0) return;
    setRunning(true);
    setError(null);
    setFiles((current) =>
      current.map((file) =>
        pending.some((p) => p.key === file.key) ? { ...file, state: "waiting", error: null } : file,
      ),
    );
    let batch = batchId;
    for (const file of pending) {
      update(file.key, { state: "uploading" });
      const itemNames = new Set((file.preview ?? []).map((item) => item.item));
      const fileOverrides = Object.fromEntries(
        Object.entries(overrides).filter(([item]) => itemNames.has(item)),
      );
      try {
        const result = await client.upload.commit.mutate({
          files: [file.payload],
          topicFromHint,
          ...(Object.keys(fileOverrides).length > 0 ? { overrides: fileOverrides } : {}),
          ...(batch ? { batchId: batch } : {}),
        });
        batch = result.batchId;
        setBatchId(result.batchId);
        update(file.key, { state: "done", results: result.items });
      } catch (caught) {
        update(file.key, { state: "failed", error: describeError(caught) });
      }
    }
    setRunning(false);
    router.refresh();
  }

  function removeFile(key: number) {
    setFiles((current) => current.filter((file) => file.key !== key));
  }

  const queued = files.filter((file) => file.state === "ready" || file.state === "failed").length;
  const finished = files.filter((file) => file.state === "done" || file.state === "failed").length;
  const results = files.flatMap((file) => file.results);
  const counts = {
    stored: results.filter((item) => item.status === "stored").length,
    duplicate: results.filter((item) => item.status === "duplicate").length,
    rejected: results.filter((item) => item.status === "rejected").length,
  };
  const busy = running || files.some((file) => file.state === "previewing");

  return (
    <div className="upload">
      <section aria-labelledby="add-heading" className="panel">
        <h2 id="add-heading">Add stories</h2>
        <div
          className={`drop-zone${dragging ? " is-dragging" : ""}`}
          onDragOver={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
          data-testid="drop-zone"
        >
          <p>
            <strong>Drop files here</strong> or{" "}
            <label htmlFor="upload-files" className="link-like">
              choose files
            </label>
          </p>
          <input
            ref={inputRef}
            id="upload-files"
            className="drop-zone__input"
            type="file"
            multiple
            aria-describedby="upload-formats"
            onChange={(event) => void addFiles(event.currentTarget.files)}
          />
          <p id="upload-formats" className="meta">
            Text, Markdown, HTML, JSON, NDJSON, RSS/Atom feeds and bundles (a topic line, then articles each
            ended by a line “Source link”). {ACCEPTED_EXTENSIONS.join(" ")} · up to 5 MB a file.
          </p>
        </div>
        <div className="form-field">
          <label htmlFor="paste">Or paste text</label>
          <textarea id="paste" rows={6} value={pasted} onChange={(event) => setPasted(event.target.value)} />
        </div>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => void addPasted()}
          disabled={running}
        >
          Add pasted text
        </button>
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
      </section>

      {files.length > 0 ? (
        <section aria-labelledby="files-heading" className="panel">
          <h2 id="files-heading">
            Files <span className="meta-inline">({files.length})</span>
          </h2>
          {running || finished > 0 ? (
            <p className="progress-line">
              <progress max={files.length} value={finished} aria-label="Files uploaded" /> {finished} of{" "}
              {files.length} files
              {running ? " — uploading one at a time" : ""}
            </p>
          ) : null}
          <ol className="upload-files">
            {files.map((file) => (
              <li key={file.key} className="upload-file" data-state={file.state}>
                <div className="upload-file__head">
                  <strong className="upload-file__name">{file.label}</strong>
                  <span className="meta-inline">{formatBytes(file.size)}</span>
                  <span className={`status status--${file.state}`} aria-live="polite">
                    {STATE_LABEL[file.state]}
                    {file.state === "done" ? ` — ${summarize(file.results)}` : ""}
                  </span>
                  {file.state === "ready" && !running ? (
                    <button type="button" className="link-button" onClick={() => removeFile(file.key)}>
                      Remove<span className="visually-hidden"> {file.label}</span>
                    </button>
                  ) : null}
                </div>
                {file.error ? (
                  <p className="form-error" role="alert">
                    {file.error}
                  </p>
                ) : null}
                {file.preview && file.state !== "done" ? (
                  <PreviewTable
                    items={file.preview}
                    overrides={overrides}
                    onChange={setOverride}
                    disabled={running}
                  />
                ) : null}
              </li>
            ))}
          </ol>
          {queued === 0 && !busy && finished > 0 ? (
            <div className="upload-actions">
              <p className="meta-inline">This upload is finished. Add files above to start another.</p>
              <button
                type="button"
                className="button button--secondary"
                onClick={() => {
                  setFiles([]);
                  setOverrides({});
                  setBatchId(null);
                }}
              >
                Clear the list
              </button>
            </div>
          ) : (
            <div className="upload-actions">
              <div className="checkbox-field">
                <input
                  id="topic-from-hint"
                  type="checkbox"
                  checked={topicFromHint}
                  onChange={(event) => setTopicFromHint(event.target.checked)}
                />
                <label htmlFor="topic-from-hint">
                  Tag with the topic line (a topic that does not exist yet is created for admins; for editors
                  an admin is asked to create it)
                </label>
              </div>
              <button
                type="button"
                className="button"
                onClick={() => void commitAll()}
                disabled={busy || queued === 0}
              >
                {running ? "Uploading…" : `Upload ${queued} file${queued === 1 ? "" : "s"}`}
              </button>
            </div>
          )}
        </section>
      ) : null}

      {results.length > 0 ? (
        <section aria-labelledby="results-heading" className="panel" data-testid="upload-results">
          <h2 id="results-heading">Results</h2>
          <p role="status">
            {counts.stored} stored · {counts.duplicate} duplicate{counts.duplicate === 1 ? "" : "s"} ·{" "}
            {counts.rejected} rejected
            {batchId && !running ? (
              <>
                {" "}
                · <Link href={`/upload/batches/${batchId}`}>This upload in the history</Link>
              </>
            ) : null}
          </p>
          <ResultList items={results} />
        </section>
      ) : null}
    </div>
  );
}

function summarize(items: CommitItem[]): string {
  const stored = items.filter((item) => item.status === "stored").length;
  const duplicate = items.filter((item) => item.status === "duplicate").length;
  const rejected = items.filter((item) => item.status === "rejected").length;
  return [
    `${stored} stored`,
    duplicate ? `${duplicate} duplicate` : null,
    rejected ? `${rejected} rejected` : null,
  ]
    .filter(Boolean)
    .join(", ");
}

function PreviewTable(props: {
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

export function ResultList({
  items,
}: {
  items: {
    item: string;
    title: string | null;
    status: string;
    message: string;
    storyId: string | null;
    duplicateOfId: string | null;
  }[];
}) {
  return (
    <ul className="result-list">
      {items.map((item, index) => (
        <li
          key={`${item.item}-${index}`}
          className={`result-item result-item--${item.status}`}
          data-status={item.status}
        >
          <span className={`status status--${item.status}`}>{item.status}</span>
          <div>
            <div>
              {item.storyId ? (
                <Link href={`/stories/${item.storyId}`}>{item.title ?? item.item}</Link>
              ) : (
                <strong>{item.title ?? item.item}</strong>
              )}{" "}
              <span className="meta-inline cell-mono">{item.item}</span>
            </div>
            <div className="result-item__message">
              {item.message}
              {item.duplicateOfId ? (
                <>
                  {" "}
                  <Link href={`/stories/${item.duplicateOfId}`}>Open the existing story</Link>
                </>
              ) : null}
            </div>
          </div>
        </li>
      ))}
    </ul>
  );
}
