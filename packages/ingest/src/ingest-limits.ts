// Default limits for one upload; callers may lower or raise them per call through ParseOptions.

export const INGEST_LIMITS = {
  /** 5 MB per file: far above any article, small enough to parse in memory. */
  maxBytes: 5 * 1024 * 1024,
  /** Items per file (JSON array, NDJSON, feed, bundle) before the rest are refused. */
  maxBatchItems: 500,
} as const;

export type IngestLimits = { maxBytes: number; maxBatchItems: number };

export function resolveLimits(options: { maxBytes?: number; maxBatchItems?: number } | undefined): IngestLimits {
  const maxBytes = options?.maxBytes ?? INGEST_LIMITS.maxBytes;
  const maxBatchItems = options?.maxBatchItems ?? INGEST_LIMITS.maxBatchItems;
  if (!(maxBytes > 0) || !(maxBatchItems > 0)) {
    throw new RangeError(`ingest limits must be positive (got maxBytes=${maxBytes}, maxBatchItems=${maxBatchItems})`);
  }
  return { maxBytes, maxBatchItems };
}

/** "12.3 MB", "5 MB", "800 KB": sizes as a person reads them in an error message. */
export function formatByteSize(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  if (mb >= 1) return `${trimDecimal(mb)} MB`;
  const kb = bytes / 1024;
  if (kb >= 1) return `${trimDecimal(kb)} KB`;
  return `${bytes} bytes`;
}

function trimDecimal(value: number): string {
  return (Math.round(value * 10) / 10).toFixed(1).replace(/\.0$/, "");
}
