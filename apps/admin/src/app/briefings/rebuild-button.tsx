"use client";
// Rebuild a topic's briefing now (admins); the page reloads its versions when it is done.
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { ErrorMessage } from "~/components/error-message";
import { useTRPC } from "~/trpc/react";

export function RebuildButton({ topic }: { topic: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const rebuild = useMutation(trpc.briefing.rebuild.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <div className="rebuild">
      <button
        type="button"
        className="button"
        disabled={rebuild.isPending}
        onClick={() => rebuild.mutate({ topic })}
      >
        {rebuild.isPending ? "Rebuilding…" : "Rebuild now"}
      </button>
      {rebuild.data ? (
        <p className="form-note" role="status">
          Built version {rebuild.data.version} from {rebuild.data.storyCount} stories in{" "}
          {Math.round(rebuild.data.buildMs)} ms
          {rebuild.data.published ? "." : ": a draft, waiting for an editor to publish it."}
        </p>
      ) : null}
      <ErrorMessage error={rebuild.error} />
    </div>
  );
}
