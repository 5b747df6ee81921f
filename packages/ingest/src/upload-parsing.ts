// The entry point for one upload: limits, decoding, format detection, then the format's parser.
// Always answers with results (one per item); throws only when called wrongly.

import { parseBundle } from "./bundle-format";
import { parseFeed } from "./feed-formats";
import { detectFormat } from "./format-detection";
import { parseHtmlPage } from "./html-page";
import { resolveLimits } from "./ingest-limits";
import { parseFileSafely } from "./item-guard";
import type { IngestLimits } from "./ingest-limits";
import { parseJsonDocument, parseNdjson } from "./json-records";
import { reject } from "./story-assembly";
import { parseMarkdown, parsePlainText } from "./text-formats";
import type { Format, ItemResult, ParseOptions, UploadFile } from "./types";
import { checkSize, decodeUploadBytes, measureUtf8Bytes } from "./upload-decoding";

/** Parses one uploaded file (bytes or text) into one result per story it holds. */
export async function parseUpload(file: UploadFile, options?: ParseOptions): Promise<ItemResult[]> {
  const limits = resolveLimits(options);
  const label = file.name?.trim() || "upload";
  if (typeof file.bytes === "string")
    return parseText(file.bytes, { ...options, name: file.name, contentType: file.contentType });
  if (!(file.bytes instanceof Uint8Array))
    throw new TypeError("parseUpload: file.bytes must be a Uint8Array or a string");

  const tooLarge = checkSize(file.bytes.length, limits.maxBytes);
  if (tooLarge)
    return [{ ok: false, item: label, error: { ...tooLarge, message: `${label}: ${tooLarge.message}` } }];

  const decoded = await decodeUploadBytes(file.bytes, file.contentType);
  if (!decoded.ok)
    return [
      { ok: false, item: label, error: { ...decoded.error, message: `${label}: ${decoded.error.message}` } },
    ];
  return addWarnings(
    parseDecoded(decoded.text, label, file.name, file.contentType, limits, options?.format),
    decoded.warnings,
  );
}

/** Parses several files; results stay in file order. */
export async function parseUploads(
  files: readonly UploadFile[],
  options?: ParseOptions,
): Promise<ItemResult[]> {
  const results: ItemResult[] = [];
  for (const file of files) results.push(...(await parseUpload(file, options)));
  return results;
}

/** Synchronous parse of text that is already decoded (a paste, or a line of a stream). */
export function parseText(
  text: string,
  options?: ParseOptions & { name?: string | undefined; contentType?: string | undefined },
): ItemResult[] {
  if (typeof text !== "string") throw new TypeError("parseText: text must be a string");
  const limits = resolveLimits(options);
  const label = options?.name?.trim() || "pasted text";
  const tooLarge = checkSize(measureUtf8Bytes(text), limits.maxBytes);
  if (tooLarge)
    return [{ ok: false, item: label, error: { ...tooLarge, message: `${label}: ${tooLarge.message}` } }];
  return parseDecoded(
    text.replace(/^\ufeff/, ""),
    label,
    options?.name,
    options?.contentType,
    limits,
    options?.format,
  );
}

function parseDecoded(
  text: string,
  label: string,
  name: string | undefined,
  contentType: string | undefined,
  limits: IngestLimits,
  forced: Format | undefined,
): ItemResult[] {
  // Formats that hold several items guard each one; this catches what breaks a whole file.
  return parseFileSafely(label, () => parseDecodedFile(text, label, name, contentType, limits, forced));
}

function parseDecodedFile(
  text: string,
  label: string,
  name: string | undefined,
  contentType: string | undefined,
  limits: IngestLimits,
  forced: Format | undefined,
): ItemResult[] {
  if (text.trim() === "")
    return [reject(label, "EMPTY", "the file is empty. Check that the right file was uploaded.")];
  const guess = forced ? { format: forced, reason: "requested" } : detectFormat(text, name, contentType);
  switch (guess.format) {
    case "text":
      return [parsePlainText(text, label)];
    case "markdown":
      return [parseMarkdown(text, label)];
    case "html":
      return [parseHtmlPage(text, label)];
    case "bundle":
      return parseBundle(text, label, limits.maxBatchItems);
    case "json":
      return parseJsonDocument(text, label, limits.maxBatchItems);
    case "ndjson":
      return parseNdjson(text, label, limits.maxBatchItems);
    case "rss":
    case "atom":
      return parseFeed(text, label, limits.maxBatchItems);
    case null:
      return [
        reject(
          label,
          "UNSUPPORTED_TYPE",
          `is ${guess.reason}; upload text, Markdown, HTML, JSON, NDJSON, RSS/Atom or a bundle.`,
        ),
      ];
  }
}

function addWarnings(results: ItemResult[], warnings: string[]): ItemResult[] {
  if (warnings.length === 0) return results;
  for (const result of results) if (result.ok) result.story.warnings.unshift(...warnings);
  return results;
}
