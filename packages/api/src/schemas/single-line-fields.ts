// Single-line fields (titles, names, bylines, sources) as every form and procedure accepts
// them: trimmed, not empty, and refused over their length limit with a message that gives
// both numbers — the same limits ingest applies to uploads.
import { z } from "zod";
import { describeLengthOverLimit, FIELD_LIMITS } from "@dispatch/ingest";

export { FIELD_LIMITS };

/** A required single-line field named `label` ("title", "topic name"), at most `limit` characters. */
export function singleLineField(label: string, limit: number) {
  return z
    .string()
    .trim()
    .min(1, `The ${label} is empty; type one.`)
    .max(limit, {
      error: (issue) =>
        `The ${label} is ${describeLengthOverLimit(typeof issue.input === "string" ? issue.input.length : limit + 1, limit)}; shorten it.`,
    });
}

/** The message for a too-long field checked outside zod (the CLI, services). */
export function describeTooLongField(label: string, length: number, limit: number): string {
  return `The ${label} is ${describeLengthOverLimit(length, limit)}; shorten it.`;
}

/** A user's display name. */
export const USER_NAME_LIMIT = 120;
