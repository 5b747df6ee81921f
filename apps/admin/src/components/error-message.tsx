"use client";
// Shows what the server said when a call failed: the TRPCClientError's message, which the API
// writes for people (a refused input too: one sentence, with zod's issues kept in data.issues).
import { TRPCClientError } from "@trpc/client";

export function describeError(error: unknown): string {
  if (error instanceof TRPCClientError) return error.message || "The server refused the request.";
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
