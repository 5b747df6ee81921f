"use client";
// Topics editors' uploads asked for (a topic line naming no topic): an admin creates the
// topic — under the name as written or a corrected one — which tags the waiting stories, or
// dismisses the request.
import { useState } from "react";
import Link from "next/link";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { formatDateTime } from "@dispatch/ui";
import { ErrorMessage } from "~/components/error-message";
import { useTRPC } from "~/trpc/react";
import type { RouterOutputs } from "~/trpc/types";

type Page = RouterOutputs["suggestion"]["topicRequests"];
type TopicRequest = Page["items"][number];

export function TopicRequests({ initial }: { initial: Page }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const query = useQuery({
    ...trpc.suggestion.topicRequests.queryOptions({ limit: 50 }),
    initialData: initial,
  });
  const [notice, setNotice] = useState<string | null>(null);
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.suggestion.topicRequests.queryKey() });
    await queryClient.invalidateQueries({ queryKey: trpc.suggestion.list.queryKey() });
  };
  const create = useMutation(
    trpc.suggestion.createRequestedTopic.mutationOptions({
      onSuccess: async (result) => {
        setNotice(
          `Created /${result.topic.slug} and tagged ${result.tagged} ${result.tagged === 1 ? "story" : "stories"}.`,
        );
        await refresh();
      },
    }),
  );
  const dismiss = useMutation(
    trpc.suggestion.dismissTopicRequest.mutationOptions({
      onSuccess: async () => {
        setNotice("Request dismissed; its stories stay untagged.");
        await refresh();
      },
    }),
  );
  const items = query.data.items;
  if (items.length === 0 && !notice) return null;
  return (
    <section aria-labelledby="topic-requests-heading" className="panel" data-testid="topic-requests">
      <h2 id="topic-requests-heading">Topics editors asked for</h2>
      <p className="meta">
        Uploads named these topics, which do not exist. Creating one tags the stories waiting for it.
      </p>
      {notice ? (
        <p className="form-note" role="status">
          {notice}
        </p>
      ) : null}
      <ErrorMessage error={create.error ?? dismiss.error} />
      {items.length === 0 ? (
        <p className="empty-state">No topic requests left.</p>
      ) : (
        <ul className="result-list">
          {items.map((request) => (
            <RequestRow
              key={request.id}
              request={request}
              busy={create.isPending || dismiss.isPending}
              onCreate={(name) => {
                setNotice(null);
                create.mutate({ id: request.id, name });
              }}
              onDismiss={() => {
                setNotice(null);
                dismiss.mutate({ id: request.id });
              }}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function RequestRow(props: {
  request: TopicRequest;
  busy: boolean;
  onCreate: (name: string) => void;
  onDismiss: () => void;
}) {
  const { request } = props;
  const [name, setName] = useState(request.name);
  const inputId = `topic-request-${request.id}`;
  return (
    <li className="result-item">
      <div>
        <div>
          <strong>{request.name}</strong>{" "}
          <span className="meta-inline">
            {request.storyCount} {request.storyCount === 1 ? "story" : "stories"} waiting · asked by{" "}
            {request.requestedBy?.name ?? request.requestedBy?.email ?? "someone"} on{" "}
            {formatDateTime(request.createdAt)}
          </span>
        </div>
        <ul className="meta">
          {request.stories.map((story) => (
            <li key={story.id}>
              <Link href={`/stories/${story.id}`}>{story.title}</Link>
            </li>
          ))}
        </ul>
        <form
          className="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            props.onCreate(name);
          }}
        >
          <label htmlFor={inputId}>Topic name</label>{" "}
          <input
            id={inputId}
            value={name}
            maxLength={120}
            onChange={(event) => setName(event.target.value)}
            disabled={props.busy}
          />{" "}
          <button type="submit" className="button" disabled={props.busy || name.trim() === ""}>
            Create topic
          </button>{" "}
          <button
            type="button"
            className="button button--secondary"
            disabled={props.busy}
            onClick={props.onDismiss}
          >
            Dismiss
          </button>
        </form>
      </div>
    </li>
  );
}
