// Caps how many items one file may produce, answering for the rest instead of dropping them.

import type { ItemResult } from "./types";

export function limitItemCount<T>(
  items: readonly T[],
  maxItems: number,
  label: string,
): { kept: readonly T[]; overflow: ItemResult | null } {
  if (items.length <= maxItems) return { kept: items, overflow: null };
  return {
    kept: items.slice(0, maxItems),
    overflow: {
      ok: false,
      item: `${label}#${maxItems + 1}-${items.length}`,
      error: {
        code: "TOO_LARGE",
        message: `${label} holds ${items.length} items; the limit is ${maxItems} per upload, so items ${maxItems + 1}–${items.length} were not parsed. Split the file and upload the rest separately.`,
      },
    },
  };
}
