"use client";
// Upload: paste text or drop files, preview what the parsers make of them (and fix the title,
// source, date or topic line), then store them one file at a time — one batch, with each
// file's progress and each item's result. The state machine is `useUploadQueue`; this file
// lays it out.
import { useState } from "react";
import Link from "next/link";
import { DropZone } from "./drop-zone";
import { PreviewTable } from "./preview-table";
import { ResultList } from "./result-list";
import { formatBytes } from "./upload-files";
import { STATE_LABEL, summarize, useUploadQueue, type NewFile } from "./upload-queue";

export function UploadForm() {
  const queue = useUploadQueue();
  const { files, running, finished, queued, busy, results, counts, batchId } = queue;
  const [pasted, setPasted] = useState("");
  const [error, setError] = useState<string | null>(null);

  async function add(newFiles: NewFile[]) {
    setError(null);
    await queue.add(newFiles);
  }

  async function addPasted() {
    if (!pasted.trim()) {
      setError("Paste some text first.");
      return;
    }
    await add([{ label: "Pasted text", size: new Blob([pasted]).size, payload: { text: pasted } }]);
    setPasted("");
  }

  return (
    <div className="upload">
      <section aria-labelledby="add-heading" className="panel">
        <h2 id="add-heading">Add stories</h2>
        <DropZone onFiles={add} />
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
                    <button type="button" className="link-button" onClick={() => queue.remove(file.key)}>
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
                    overrides={queue.overrides}
                    onChange={queue.setOverride}
                    disabled={running}
                  />
                ) : null}
              </li>
            ))}
          </ol>
          {queued === 0 && !busy && finished > 0 ? (
            <div className="upload-actions">
              <p className="meta-inline">This upload is finished. Add files above to start another.</p>
              <button type="button" className="button button--secondary" onClick={queue.clear}>
                Clear the list
              </button>
            </div>
          ) : (
            <div className="upload-actions">
              <div className="checkbox-field">
                <input
                  id="topic-from-hint"
                  type="checkbox"
                  checked={queue.topicFromHint}
                  onChange={(event) => queue.setTopicFromHint(event.target.checked)}
                />
                <label htmlFor="topic-from-hint">
                  Tag with the topic line (a topic that does not exist yet is created for admins; for editors
                  an admin is asked to create it)
                </label>
              </div>
              <button
                type="button"
                className="button"
                onClick={() => {
                  setError(null);
                  void queue.commitAll();
                }}
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
