// Default limits for one upload; callers may lower or raise them per call through ParseOptions.

export const INGEST_LIMITS = {
  /** 5 MB per file: far above any article, small enough to parse in memory. */
  maxBytes: 5 * 1024 * 1024,
  /** Items per file (JSON array, NDJSON, feed, bundle) before the rest are refused. */
  maxBatchItems: 500,
} as const;

export type IngestLimits = { maxBytes: number; maxBatchItems: number };

export function resolveLimits(
  options: { maxBytes?: number; maxBatchItems?: number } | undefined,
): IngestLimits {
  const maxBytes = options?.maxBytes ?? INGEST_LIMITS.maxBytes;
  const maxBatchItems = options?.maxBatchItems ?? INGEST_LIMITS.maxBatchItems;
  if (!(maxBytes > 0) || !(maxBatchItems > 0)) {
    throw new RangeError(
      `ingest limits must be positive (got maxBytes=${maxBytes}, maxBatchItems=${maxBatchItems})`,
    );
  }
  return { maxBytes, maxBatchItems };
}

/** "12.3 MB", "5 MB", "800 KB": sizes as a person reads them in an error message. */
export function formatByteSize(bytes: number, decimals = 1): string {
  const mb = bytes / (1024 * 1024);
  if (mb >= 1) return `${trimDecimals(mb, decimals)} MB`;
  const kb = bytes / 1024;
  if (kb >= 1) return `${trimDecimals(kb, decimals)} KB`;
  return `${bytes} bytes`;
}

/**
 * A size and the limit it is over, never reading as equal ("5 MB; the limit is 5 MB" for one
 * byte over): more decimals while they round alike, exact bytes when even that is not enough.
 */
export function formatSizeOverLimit(bytes: number, limit: number): { size: string; limit: string } {
  for (const decimals of [1, 2, 3]) {
    const size = formatByteSize(bytes, decimals);
    const limitText = formatByteSize(limit, decimals);
    if (size !== limitText) return { size, limit: limitText };
  }
  const exact = new Intl.NumberFormat("en");
  return {
    size: `${exact.format(bytes)} bytes`,
    limit: `${formatByteSize(limit)} (${exact.format(limit)} bytes)`,
  };
}

function trimDecimals(value: number, decimals: number): string {
  const factor = 10 ** decimals;
  return (Math.round(value * factor) / factor).toFixed(decimals).replace(/\.?0+$/, "");
}
