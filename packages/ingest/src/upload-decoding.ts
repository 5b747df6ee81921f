// Turns uploaded bytes into text, or into an error that says what the file is and what to do.
// Order matters: size first (cheap), then binary sniffing, then the character encoding.

import { fileTypeFromBuffer } from "file-type";
import { formatSizeOverLimit } from "./ingest-limits";
import type { IngestError } from "./types";

export type DecodedText = { ok: true; text: string; warnings: string[] } | { ok: false; error: IngestError };

const ACCEPTED_LIST = "upload text, Markdown, HTML, JSON, NDJSON, RSS/Atom or a bundle";

/** file-type reports some text formats; these are fine to go on to the text parsers. */
const TEXTUAL_MIME_TYPES = new Set([
  "application/xml",
  "text/xml",
  "image/svg+xml",
  "text/html",
  "application/json",
]);

/** Human names for the binary types editors are most likely to upload by mistake. */
const TYPE_DESCRIPTIONS: Record<string, string> = {
  pdf: "a PDF document",
  docx: "a Word document",
  doc: "a Word document",
  cfb: "an Office document (Word/Excel 97–2003)",
  odt: "an OpenDocument text file",
  rtf: "an RTF document",
  epub: "an EPUB e-book",
  xlsx: "an Excel spreadsheet",
  pptx: "a PowerPoint presentation",
  zip: "a ZIP archive",
  gz: "a gzip archive",
  png: "a PNG image",
  jpg: "a JPEG image",
  gif: "a GIF image",
  webp: "a WebP image",
  heic: "a HEIC image",
  mp4: "an MP4 video",
  mp3: "an MP3 audio file",
};

export function measureUtf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

export function checkSize(byteLength: number, maxBytes: number): IngestError | null {
  if (byteLength <= maxBytes) return null;
  const sizes = formatSizeOverLimit(byteLength, maxBytes);
  return {
    code: "TOO_LARGE",
    message: `file is ${sizes.size}; the limit is ${sizes.limit}. Split it into smaller files and upload them separately.`,
  };
}

export async function decodeUploadBytes(
  bytes: Uint8Array,
  contentType: string | undefined,
): Promise<DecodedText> {
  if (bytes.length === 0) return { ok: true, text: "", warnings: [] };

  const bom = decodeByteOrderMark(bytes);
  if (bom !== null) return { ok: true, text: bom, warnings: [] };

  const detected = await fileTypeFromBuffer(bytes);
  if (detected && !TEXTUAL_MIME_TYPES.has(detected.mime)) {
    const description = TYPE_DESCRIPTIONS[detected.ext] ?? `a .${detected.ext} file`;
    return {
      ok: false,
      error: {
        code: "UNSUPPORTED_TYPE",
        message: `looks like ${description} (${detected.mime}); ${ACCEPTED_LIST}.`,
      },
    };
  }
  if (looksBinary(bytes)) {
    return {
      ok: false,
      error: { code: "UNSUPPORTED_TYPE", message: `looks like binary data, not text; ${ACCEPTED_LIST}.` },
    };
  }

  const declared = readDeclaredCharset(contentType) ?? sniffHtmlCharset(bytes);
  if (declared !== null && declared !== "utf-8") {
    const decoded = decodeWithLabel(bytes, declared);
    if (decoded !== null)
      return { ok: true, text: decoded, warnings: [`decoded as ${declared} (declared by the file)`] };
  }

  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), warnings: [] };
  } catch {
    // Not UTF-8. Word and older Windows tools save Windows-1252 (smart quotes 0x93/0x94).
  }
  if (looksLikeWindows1252(bytes)) {
    return {
      ok: true,
      text: decodeWindows1252(bytes),
      warnings: [
        "the file is not valid UTF-8; decoded it as Windows-1252 — check accented letters and quotes",
      ],
    };
  }
  const offset = findInvalidUtf8Offset(bytes);
  return {
    ok: false,
    error: {
      code: "BAD_ENCODING",
      message: `the file is not valid UTF-8 (first bad byte at offset ${offset}) and does not look like Windows-1252 either; save it as UTF-8 and upload it again.`,
    },
  };
}

function decodeByteOrderMark(bytes: Uint8Array): string | null {
  const [b0, b1, b2] = [bytes[0], bytes[1], bytes[2]];
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return decodeWithLabel(bytes.subarray(3), "utf-8");
  if (b0 === 0xff && b1 === 0xfe) return decodeWithLabel(bytes.subarray(2), "utf-16le");
  if (b0 === 0xfe && b1 === 0xff) return decodeWithLabel(bytes.subarray(2), "utf-16be");
  return null;
}

function decodeWithLabel(bytes: Uint8Array, label: string): string | null {
  if (label === "windows-1252") return decodeWindows1252(bytes);
  try {
    return new TextDecoder(label).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * WHATWG windows-1252 for 0x80–0x9F (smart quotes, dashes, €). Node 20's TextDecoder decodes
 * "windows-1252" as Latin-1 and turns these into C1 controls (nodejs/node#56542), so we map them.
 */
const WINDOWS_1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";

export function decodeWindows1252(bytes: Uint8Array): string {
  const chunks: string[] = [];
  const chunkSize = 8192;
  for (let start = 0; start < bytes.length; start += chunkSize) {
    let chunk = "";
    const end = Math.min(start + chunkSize, bytes.length);
    for (let i = start; i < end; i++) {
      const byte = bytes[i] ?? 0;
      chunk +=
        byte >= 0x80 && byte < 0xa0 ? (WINDOWS_1252_HIGH[byte - 0x80] ?? "") : String.fromCharCode(byte);
    }
    chunks.push(chunk);
  }
  return chunks.join("");
}

function readDeclaredCharset(contentType: string | undefined): string | null {
  const match = contentType ? /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType) : null;
  return normalizeCharsetLabel(match?.[1]);
}

/** HTML files often say their charset in a <meta> tag within the first kilobyte. */
function sniffHtmlCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 1024));
  const match = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head);
  return normalizeCharsetLabel(match?.[1]);
}

function normalizeCharsetLabel(label: string | undefined): string | null {
  if (!label) return null;
  const lower = label.toLowerCase();
  if (lower === "utf8" || lower === "utf-8") return "utf-8";
  // Browsers treat latin1/ISO-8859-1 as Windows-1252; so do we, which the smart quotes need.
  if (lower === "iso-8859-1" || lower === "latin1" || lower === "us-ascii" || lower === "cp1252")
    return "windows-1252";
  return decodeWithLabel(new Uint8Array(0), lower) === null ? null : lower;
}

/** NUL bytes or many control characters never occur in text an editor would upload. */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  let controls = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 0x09 || (byte > 0x0d && byte < 0x20 && byte !== 0x1b)) controls++;
  }
  return controls > sample.length * 0.02;
}

/**
 * Windows-1252 text has isolated high bytes (é, ’, –) between ASCII letters and never uses
 * the five undefined bytes; multi-byte encodings (Shift-JIS, GBK, UTF-16) have runs of them.
 */
function looksLikeWindows1252(bytes: Uint8Array): boolean {
  const undefinedBytes = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);
  let high = 0;
  let highInRuns = 0;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i] ?? 0;
    if (byte < 0x80) continue;
    if (undefinedBytes.has(byte)) return false;
    high++;
    const next = bytes[i + 1] ?? 0;
    const prev = bytes[i - 1] ?? 0;
    if (next >= 0x80 || prev >= 0x80) highInRuns++;
  }
  return high > 0 && highInRuns <= high * 0.3;
}

function findInvalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const byte = bytes[i] ?? 0;
    const length =
      byte < 0x80
        ? 1
        : byte >= 0xc2 && byte < 0xe0
          ? 2
          : byte >= 0xe0 && byte < 0xf0
            ? 3
            : byte >= 0xf0 && byte < 0xf5
              ? 4
              : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) {
      const continuation = bytes[i + k];
      if (continuation === undefined || (continuation & 0xc0) !== 0x80) return i;
    }
    i += length;
  }
  return i;
}
