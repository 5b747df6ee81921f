"use client";
// Editing a story (title, dek, body, source, date, status), deleting and restoring it, and
// its topics: tag, untag, and act on pending suggestions.
import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { ErrorMessage } from "~/components/error-message";
import { useTRPC } from "~/trpc/react";
import type { RouterOutputs } from "~/trpc/types";

type Story = RouterOutputs["story"]["getForEditing"];
type TopicOption = { id: string; slug: string; name: string };

export function StoryEditor({ story }: { story: Story }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [saved, setSaved] = useState(false);
  const update = useMutation(
    trpc.story.update.mutationOptions({
      onSuccess: () => {
        setSaved(true);
        router.refresh();
      },
    }),
  );
  const remove = useMutation(trpc.story.delete.mutationOptions({ onSuccess: () => router.refresh() }));
  const restore = useMutation(trpc.story.restore.mutationOptions({ onSuccess: () => router.refresh() }));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "");
    const date = text("publishedAt");
    const status = text("status");
    update.mutate({
      id: story.id,
      title: text("title"),
      dek: text("dek").trim() || null,
      body: text("body"),
      source: text("source").trim() || null,
      publishedAt: date ? new Date(`${date}T00:00:00.000Z`) : null,
      status: status === "draft" || status === "archived" ? status : "published",
    });
  }

  return (
    <section aria-labelledby="edit-heading" className="panel">
      <h2 id="edit-heading">Edit</h2>
      <form className="form" onSubmit={onSubmit}>
        <ErrorMessage error={update.error} />
        {saved && !update.isPending ? (
          <p className="form-note" role="status">
            Saved.
          </p>
        ) : null}
        <div className="form-field">
          <label htmlFor="title">Title</label>
          <input id="title" name="title" required defaultValue={story.title} />
        </div>
        <div className="form-field">
          <label htmlFor="dek">Standfirst (dek)</label>
          <input id="dek" name="dek" defaultValue={story.dek ?? ""} />
        </div>
        <div className="form-row">
          <div className="form-field">
            <label htmlFor="source">Source</label>
            <input id="source" name="source" defaultValue={story.source ?? ""} />
          </div>
          <div className="form-field">
            <label htmlFor="publishedAt">Published on</label>
            <input
              id="publishedAt"
              name="publishedAt"
              type="date"
              defaultValue={story.publishedAt ? story.publishedAt.toISOString().slice(0, 10) : ""}
            />
          </div>
          <div className="form-field">
            <label htmlFor="status">Status</label>
            <select id="status" name="status" defaultValue={story.status}>
              <option value="published">published</option>
              <option value="draft">draft</option>
              <option value="archived">archived</option>
            </select>
          </div>
        </div>
        <div className="form-field">
          <label htmlFor="body">Body</label>
          <textarea id="body" name="body" rows={16} required defaultValue={story.body} />
        </div>
        <div className="button-row">
          <button className="button" type="submit" disabled={update.isPending}>
            {update.isPending ? "Saving…" : "Save changes"}
          </button>
          {story.deletedAt ? (
            <button
              className="button button--secondary"
              type="button"
              disabled={restore.isPending}
              onClick={() => restore.mutate({ id: story.id })}
            >
              Restore
            </button>
          ) : (
            <button
              className="button button--danger"
              type="button"
              disabled={remove.isPending}
              onClick={() => {
                if (window.confirm("Delete this story? It is hidden everywhere until restored."))
                  remove.mutate({ id: story.id });
              }}
            >
              Delete
            </button>
          )}
        </div>
        <ErrorMessage error={remove.error ?? restore.error} />
      </form>
    </section>
  );
}

export function StoryTopics(props: {
  storyId: string;
  tags: Story["topics"];
  topics: TopicOption[];
  canReview: boolean;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const refresh = { onSuccess: () => router.refresh() };
  const add = useMutation(trpc.tag.add.mutationOptions(refresh));
  const remove = useMutation(trpc.tag.remove.mutationOptions(refresh));
  const reject = useMutation(trpc.suggestion.reject.mutationOptions(refresh));
  const [choice, setChoice] = useState("");
  const bySlug = new Map(props.topics.map((topic) => [topic.slug, topic]));
  const approved = props.tags.filter((tag) => tag.status === "approved");
  const pending = props.tags.filter((tag) => tag.status === "pending");
  const untagged = props.topics.filter(
    (topic) => !props.tags.some((tag) => tag.slug === topic.slug && tag.status !== "rejected"),
  );
  const error = add.error ?? remove.error ?? reject.error;

  return (
    <section aria-labelledby="topics-heading" className="panel">
      <h2 id="topics-heading">Topics</h2>
      <ErrorMessage error={error} />
      {approved.length === 0 ? <p className="muted">No topics yet.</p> : null}
      <ul className="tag-list">
        {approved.map((tag) => (
          <li key={tag.slug}>
            <span className="tag">{tag.name}</span>
            <button
              type="button"
              className="link-button"
              disabled={remove.isPending}
              onClick={() => remove.mutate({ story: props.storyId, topic: tag.slug })}
            >
              Remove<span className="visually-hidden"> topic {tag.name}</span>
            </button>
          </li>
        ))}
      </ul>
      <form
        className="inline-row"
        onSubmit={(event) => {
          event.preventDefault();
          if (choice) add.mutate({ story: props.storyId, topic: choice }, { onSuccess: () => setChoice("") });
        }}
      >
        <label htmlFor="add-topic" className="visually-hidden">
          Topic to add
        </label>
        <select id="add-topic" value={choice} onChange={(event) => setChoice(event.target.value)}>
          <option value="">Add a topic…</option>
          {untagged.map((topic) => (
            <option key={topic.slug} value={topic.slug}>
              {topic.name}
            </option>
          ))}
        </select>
        <button className="button button--secondary" type="submit" disabled={!choice || add.isPending}>
          Tag
        </button>
      </form>

      <h3>Pending suggestions</h3>
      {pending.length === 0 ? <p className="muted">None.</p> : null}
      <ul className="tag-list">
        {pending.map((tag) => {
          const topic = bySlug.get(tag.slug);
          return (
            <li key={tag.slug}>
              <span className="tag tag--pending">{tag.name}</span>
              <button
                type="button"
                className="link-button"
                disabled={add.isPending}
                onClick={() => add.mutate({ story: props.storyId, topic: tag.slug })}
              >
                Approve<span className="visually-hidden"> {tag.name}</span>
              </button>
              {props.canReview && topic ? (
                <button
                  type="button"
                  className="link-button"
                  disabled={reject.isPending}
                  onClick={() => reject.mutate({ keys: [{ storyId: props.storyId, topicId: topic.id }] })}
                >
                  Reject<span className="visually-hidden"> {tag.name}</span>
                </button>
              ) : null}
            </li>
          );
        })}
      </ul>
      {props.canReview ? (
        <p className="meta">
          Reasons and confidence are in the <a href="/suggestions">review queue</a>.
        </p>
      ) : null}
    </section>
  );
}
