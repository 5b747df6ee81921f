// The one error type of the platform: a small list of codes, each mapped once to a tRPC
// code and an HTTP status. Its message is for a person and says what to do.
import { TRPCError } from "@trpc/server";

export const APP_ERROR_CODES = {
  /** The thing asked for does not exist (or is not visible to the caller). */
  NOT_FOUND: { trpc: "NOT_FOUND", http: 404 },
  /** Not signed in, but the procedure needs an account. */
  UNAUTHORIZED: { trpc: "UNAUTHORIZED", http: 401 },
  /** Signed in, but the role is too low. */
  FORBIDDEN: { trpc: "FORBIDDEN", http: 403 },
  /** The input is malformed or breaks a rule; the message says which and how to fix it. */
  INVALID_INPUT: { trpc: "BAD_REQUEST", http: 400 },
  /** A file or batch is over a limit; the message gives the size and the limit. */
  TOO_LARGE: { trpc: "PAYLOAD_TOO_LARGE", http: 413 },
  /** The same thing exists already; the message names it. */
  DUPLICATE: { trpc: "CONFLICT", http: 409 },
  /** The request clashes with the current state (e.g. merging a topic into itself). */
  CONFLICT: { trpc: "CONFLICT", http: 409 },
  /** Too many attempts; the message says when to try again. */
  RATE_LIMITED: { trpc: "TOO_MANY_REQUESTS", http: 429 },
} as const;

export type AppErrorCode = keyof typeof APP_ERROR_CODES;

export class AppError extends Error {
  override readonly name = "AppError";
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }

  get httpStatus(): number {
    return APP_ERROR_CODES[this.code].http;
  }
}

export function toTRPCError(error: AppError): TRPCError {
  return new TRPCError({ code: APP_ERROR_CODES[error.code].trpc, message: error.message, cause: error });
}

export const notFound = (what: string) => new AppError("NOT_FOUND", `${what} was not found.`);

type InputIssue = { path: readonly PropertyKey[]; message: string; code?: string };

/** zod's own wording, which names no field; ours are sentences that do. */
const GENERIC_ISSUE = /^(?:Invalid|Too (?:big|small)|Unrecognized|Expected|Required)\b/;

/**
 * A refused input in one sentence a person can act on, for every procedure: our own schema
 * messages as written ("201 files; the limit is 200 per upload — split them into two
 * uploads."), zod's generic ones prefixed with the field they are about. tRPC would answer
 * with zod's issues as raw JSON.
 */
export function describeInputIssues(issues: readonly InputIssue[]): string {
  const sentences = issues.slice(0, 3).map((issue) => {
    const field = issue.path.filter((part) => typeof part === "string").join(" ");
    const message =
      GENERIC_ISSUE.test(issue.message) && field ? `${field}: ${lowerFirst(issue.message)}` : issue.message;
    return /[.!?]$/.test(message) ? message : `${message}.`;
  });
  const more = issues.length > 3 ? ` (and ${issues.length - 3} more problems)` : "";
  return sentences.length > 0
    ? `${sentences.join(" ")}${more}`
    : "The input was refused; check the form and try again.";
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
