// Keeps one poisonous item from taking the others down: whatever a parser (or a library it
// calls) throws while reading one item becomes that item's rejection, with a reason.

import { MarkupTooDeepError } from "./html-text";
import { reject } from "./story-assembly";
import type { ItemResult } from "./types";

/** Runs one item's parse; a throw rejects that item only. */
export function parseItemSafely(item: string, parse: () => ItemResult): ItemResult {
  try {
    return parse();
  } catch (error) {
    return rejectUnreadable(item, error);
  }
}

/** Runs a whole file's parse; a throw rejects the file (as one item) instead of the upload. */
export function parseFileSafely(label: string, parse: () => ItemResult[]): ItemResult[] {
  try {
    return parse();
  } catch (error) {
    return [rejectUnreadable(label, error)];
  }
}

function rejectUnreadable(item: string, error: unknown): ItemResult {
  if (error instanceof MarkupTooDeepError) return reject(item, "INVALID_INPUT", error.message);
  // Deeply nested markup or data overflows the recursive parsers' stack; V8 reports it as a RangeError.
  if (error instanceof RangeError && /call stack/i.test(error.message)) {
    return reject(
      item,
      "INVALID_INPUT",
      "is nested too deeply to read (tags or brackets inside each other thousands of times). No article is built like that: export it again or fix the file.",
    );
  }
  const detail = error instanceof Error ? error.message.slice(0, 100) : "unknown error";
  return reject(
    item,
    "INVALID_INPUT",
    `could not be read (${detail}); the other items were still processed. Check this item, and report it if it looks right.`,
  );
}
