// The upload's state machine: files are read and previewed as they are added, then stored one
// file at a time into one batch, each file moving previewing → ready → waiting → uploading →
// done | failed. Editors' fixes (title, source, date, topic line) are kept per item name.
import { useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { describeError } from "~/components/error-message";
import { useTRPCClient } from "~/trpc/react";
import type { RouterOutputs } from "~/trpc/types";
import type { UploadPayload } from "./upload-files";

export type PreviewItem = RouterOutputs["upload"]["preview"][number];
export type CommitItem = RouterOutputs["upload"]["commit"]["items"][number];
export type Override = {
  title?: string;
  source?: string | null;
  publishedAt?: string | null;
  topicHint?: string | null;
};

export type FileState = "previewing" | "ready" | "waiting" | "uploading" | "done" | "failed";

export type QueuedFile = {
  key: number;
  label: string;
  size: number;
  payload: UploadPayload;
  state: FileState;
  preview: PreviewItem[] | null;
  error: string | null;
  results: CommitItem[];
};

export type NewFile = { label: string; size: number; payload: UploadPayload };

export const STATE_LABEL: Record<FileState, string> = {
  previewing: "Reading…",
  ready: "Ready",
  waiting: "Waiting",
  uploading: "Uploading…",
  done: "Done",
  failed: "Failed",
};

/** "3 stored, 1 duplicate" — a file's line once it is done. */
export function summarize(items: CommitItem[]): string {
  const { stored, duplicate, rejected } = countResults(items);
  return [
    `${stored} stored`,
    duplicate ? `${duplicate} duplicate` : null,
    rejected ? `${rejected} rejected` : null,
  ]
    .filter(Boolean)
    .join(", ");
}

export function countResults(items: CommitItem[]) {
  return {
    stored: items.filter((item) => item.status === "stored").length,
    duplicate: items.filter((item) => item.status === "duplicate").length,
    rejected: items.filter((item) => item.status === "rejected").length,
  };
}

const isPending = (file: QueuedFile) => file.state === "ready" || file.state === "failed";

export function useUploadQueue() {
  const client = useTRPCClient();
  const router = useRouter();
  const [files, setFiles] = useState<QueuedFile[]>([]);
  const [overrides, setOverrides] = useState<Record<string, Override>>({});
  const [topicFromHint, setTopicFromHint] = useState(true);
  const [running, setRunning] = useState(false);
  const [batchId, setBatchId] = useState<string | null>(null);
  const nextKey = useRef(1);

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

  function clear() {
    setFiles([]);
    setOverrides({});
    setBatchId(null);
  }

  async function add(newFiles: NewFile[]) {
    // A finished upload stays on screen until new files start the next one.
    const startsNewUpload = batchId !== null && !running;
    if (startsNewUpload) clear();
    const entries = newFiles.map<QueuedFile>((item) => ({
      key: nextKey.current++,
      ...item,
      state: "previewing",
      preview: null,
      error: null,
      results: [],
    }));
    setFiles((current) => [...(startsNewUpload ? [] : current), ...entries]);
    for (const entry of entries) await preview(entry);
  }

  function setOverride(item: string, patch: Override) {
    setOverrides((current) => ({ ...current, [item]: { ...current[item], ...patch } }));
  }

  function remove(key: number) {
    setFiles((current) => current.filter((file) => file.key !== key));
  }

  async function commitAll() {
    const pending = files.filter(isPending);
    if (pending.length === 0) return;
    setRunning(true);
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

  const results = files.flatMap((file) => file.results);
  return {
    files,
    overrides,
    topicFromHint,
    setTopicFromHint,
    running,
    batchId,
    results,
    counts: countResults(results),
    queued: files.filter(isPending).length,
    finished: files.filter((file) => file.state === "done" || file.state === "failed").length,
    busy: running || files.some((file) => file.state === "previewing"),
    add,
    remove,
    clear,
    setOverride,
    commitAll,
  };
}
