// Caps a request's body before anything parses it. tRPC reads a body whole (req.text()) and
// the per-file limit is only checked after that, so without a cap a 50 MB request was held
// in memory — several times over, as text, JSON and base64 — before being refused.
import { formatByteSize, formatSizeOverLimit, INGEST_LIMITS } from "@dispatch/ingest";

/**
 * One request at most: a file at the per-file limit, base64- or JSON-escaped (up to twice its
 * size), with room to spare. The upload page sends one file per request.
 */
export const MAX_REQUEST_BYTES = 2 * INGEST_LIMITS.maxBytes + 1024 * 1024;

export type LimitedBody = { ok: true; request: Request } | { ok: false; message: string };

/**
 * The request with its body read into memory, or a message when the body is over `maxBytes`:
 * refused on its Content-Length before reading a byte, or as soon as a body without one
 * (chunked) passes the limit — the rest is never read.
 */
export async function readBodyWithin(
  req: Request,
  maxBytes: number = MAX_REQUEST_BYTES,
): Promise<LimitedBody> {
  if (req.body === null || req.method === "GET" || req.method === "HEAD") return { ok: true, request: req };
  const declared = Number(req.headers.get("content-length") ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await req.body.cancel().catch(() => undefined);
    return { ok: false, message: describeTooLarge(declared, maxBytes) };
  }
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return { ok: false, message: describeTooLarge(null, maxBytes) };
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return {
    ok: true,
    request: new Request(req.url, { method: req.method, headers: req.headers, body, signal: req.signal }),
  };
}

function describeTooLarge(size: number | null, limit: number): string {
  let what = `The request is over ${formatByteSize(limit)}, the limit per request`;
  if (size !== null) {
    const sizes = formatSizeOverLimit(size, limit);
    what = `The request is ${sizes.size}; the limit is ${sizes.limit} per request`;
  }
  return `${what}. Upload files of up to ${formatByteSize(INGEST_LIMITS.maxBytes)} each; the upload page sends them one at a time.`;
}
