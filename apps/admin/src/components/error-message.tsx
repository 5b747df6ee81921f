"use client";
// Shows what the server said when a call failed: the TRPCClientError's message (which the API
// writes for people), and zod's field issues when the input was refused.
import { TRPCClientError } from "@trpc/client";

type Issue = { path?: (string | number)[]; message?: string };

export function describeError(error: unknown): string {
  if (error instanceof TRPCClientError) {
    const data = error.data as { issues?: Issue[] | null; httpStatus?: number } | undefined;
    const issues = data?.issues;
    if (issues && issues.length > 0) {
      return issues.map((issue) => (issue.path && issue.path.length > 0 ? `${issue.path.join(".")}: ` : "") + (issue.message ?? "invalid")).join("; ");
    }
    return error.message || "The server refused the request.";
  }
  if (error instanceof Error) return error.message;
  return "Something went wrong; try again.";
}

export function ErrorMessage({ error, id }: { error: unknown; id?: string }) {
  if (!error) return null;
  return (
    <p className="form-error" role="alert" id={id}>
      {describeError(error)}
    </p>
  );
}
