"use client";
// Where files come in: dropped on the zone or chosen with the picker. The zone only reads the
// files (text as text, anything else as base64) and hands them on.
import { useRef, useState, type DragEvent } from "react";
import { ACCEPTED_EXTENSIONS, readUploadFile } from "./upload-files";
import type { NewFile } from "./upload-queue";

export function DropZone({ onFiles }: { onFiles: (files: NewFile[]) => Promise<void> }) {
  const [dragging, setDragging] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  async function addFiles(list: FileList | null) {
    if (!list || list.length === 0) return;
    const files = await Promise.all(
      [...list].map(async (file) => ({
        label: file.name,
        size: file.size,
        payload: await readUploadFile(file),
      })),
    );
    await onFiles(files);
    if (inputRef.current) inputRef.current.value = "";
  }

  function onDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setDragging(false);
    void addFiles(event.dataTransfer.files);
  }

  return (
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
        Text, Markdown, HTML, JSON, NDJSON, RSS/Atom feeds and bundles (a topic line, then articles each ended
        by a line “Source link”). {ACCEPTED_EXTENSIONS.join(" ")} · up to 5 MB a file.
      </p>
    </div>
  );
}
