// @dispatch/ingest: turns what editors paste or upload into clean stories. Pure: callers pass
// bytes or strings in and get results back; no database, network or file system.

export { parseText, parseUpload, parseUploads } from "./upload-parsing";
export { INGEST_LIMITS, formatByteSize, formatSizeOverLimit } from "./ingest-limits";
export { FIELD_LIMITS, describeLengthOverLimit } from "./field-limits";
export { MAX_JSON_DEPTH } from "./json-depth";
export type { IngestLimits } from "./ingest-limits";
export { computeContentHash, normalizeForHash } from "./content-hash";
export {
  computeMinHash,
  estimateSimilarity,
  lshBands,
  LSH_BANDS,
  LSH_ROWS,
  MINHASH_PERMUTATIONS,
  SHINGLE_WORDS,
} from "./near-duplicates";
export { toStoryJson } from "./story-json";
export { FORMATS } from "./types";
export type {
  DroppedText,
  Format,
  IngestError,
  IngestErrorCode,
  ItemResult,
  ParsedStory,
  ParseOptions,
  StoryJson,
  UploadFile,
} from "./types";
