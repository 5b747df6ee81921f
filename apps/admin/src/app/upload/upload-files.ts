// How the browser sends a file: text as text when it is valid UTF-8, anything else as base64
// so the server can detect what it is (a PNG, a PDF, UTF-16 text) and answer with a reason.

export type UploadPayload = { name?: string; contentType?: string; text?: string; base64?: string };

/** File name endings the ingest parsers read (for the picker's hint; others are still sent). */
export const ACCEPTED_EXTENSIONS = [
  ".txt",
  ".md",
  ".markdown",
  ".html",
  ".htm",
  ".json",
  ".ndjson",
  ".jsonl",
  ".xml",
  ".rss",
  ".atom",
];

function decodeUtf8(bytes: Uint8Array): string | null {
  if (bytes.includes(0)) return null;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function toBase64(bytes: Uint8Array): string {
  let binary = "";
  const chunk = 0x8000;
  for (let start = 0; start < bytes.length; start += chunk) {
    binary += String.fromCharCode(...bytes.subarray(start, start + chunk));
  }
  return btoa(binary);
}

export async function readUploadFile(file: File): Promise<UploadPayload> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const text = decodeUtf8(bytes);
  const base = { name: file.name, ...(file.type ? { contentType: file.type } : {}) };
  return text === null ? { ...base, base64: toBase64(bytes) } : { ...base, text };
}

export function formatBytes(size: number): string {
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} KB`;
  return `${(size / 1024 / 1024).toFixed(1)} MB`;
}
