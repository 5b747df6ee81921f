// Shapes shared by every parser: what goes in (an upload), what comes out (one result per item).

/** The formats the ingest package understands. */
export type Format = "text" | "markdown" | "html" | "bundle" | "json" | "ndjson" | "rss" | "atom";

export const FORMATS: readonly Format[] = [
  "text",
  "markdown",
  "html",
  "bundle",
  "json",
  "ndjson",
  "rss",
  "atom",
];

/** One file as the caller received it; `bytes` may already be a decoded string (pasted text). */
export type UploadFile = {
  name?: string;
  bytes: Uint8Array | string;
  contentType?: string;
};

export type ParseOptions = {
  /** Per-file size limit in bytes (default INGEST_LIMITS.maxBytes). */
  maxBytes?: number;
  /** Items parsed from one file at most (default INGEST_LIMITS.maxBatchItems). */
  maxBatchItems?: number;
  /** Skip detection and parse as this format. */
  format?: Format;
};

/** Something the cleaner removed, with the rule that removed it. */
export type DroppedText = { text: string; reason: string };

export type ParsedStory = {
  title: string;
  dek: string | null;
  /** Clean text: paragraphs separated by a blank line. */
  body: string;
  byline: string[];
  source: string | null;
  url: string | null;
  /** ISO 8601, or null when the upload does not say (never defaulted to "now"). */
  publishedAt: string | null;
  topicHint: string | null;
  format: Format;
  /** The item's text exactly as uploaded (a bundle article's own chunk, or the whole file). */
  original: string;
  warnings: string[];
  dropped: DroppedText[];
};

export type IngestErrorCode =
  "TOO_LARGE" | "UNSUPPORTED_TYPE" | "BAD_ENCODING" | "EMPTY" | "TITLE_ONLY" | "INVALID_INPUT";

export type IngestError = { code: IngestErrorCode; message: string };

/**
 * `item` names what the result is about: `envoy.txt` for a one-story file,
 * `envoy.txt#2` for the 2nd article of a bundle or feed, `stories.json[3]` for an array
 * index (0-based, as in JSON paths) and `stories.ndjson:12` for an NDJSON line (1-based).
 */
export type ItemResult =
  { ok: true; item: string; story: ParsedStory } | { ok: false; item: string; error: IngestError };

/** What the `dispatch parse` CLI prints per story: everything but the verbatim original. */
export type StoryJson = Omit<ParsedStory, "original">;
