"use client";
// Creating or editing a topic, with its keyword rules and a "test this rule" preview of the
// recent stories the rule would tag.
import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import Link from "next/link";
import { useMutation } from "@tanstack/react-query";
import { ErrorMessage, describeError } from "~/components/error-message";
import { useTRPC, useTRPCClient } from "~/trpc/react";
import type { RouterOutputs } from "~/trpc/types";

type Topic = RouterOutputs["topic"]["getForEditing"];
type RuleTest = RouterOutputs["topic"]["testRule"];

/** One term per line or comma-separated. */
function parseTerms(value: FormDataEntryValue | null): string[] {
  return String(value ?? "")
    .split(/[\n,]/)
    .map((term) => term.trim())
    .filter(Boolean);
}

export function TopicForm(props: { mode: "create" } | { mode: "edit"; topic: Topic }) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const router = useRouter();
  const topic = props.mode === "edit" ? props.topic : null;
  const [saved, setSaved] = useState(false);
  const [test, setTest] = useState<RuleTest | null>(null);
  const [testError, setTestError] = useState<string | null>(null);
  const [testing, setTesting] = useState(false);
  const create = useMutation(
    trpc.topic.create.mutationOptions({ onSuccess: (created) => router.push(`/topics/${created.slug}`) }),
  );
  const update = useMutation(
    trpc.topic.update.mutationOptions({
      onSuccess: (updated) => {
        setSaved(true);
        if (topic && updated.slug !== topic.slug) router.replace(`/topics/${updated.slug}`);
        else router.refresh();
      },
    }),
  );

  function fields(form: HTMLFormElement) {
    const data = new FormData(form);
    return {
      name: String(data.get("name") ?? ""),
      slug: String(data.get("slug") ?? "").trim() || undefined,
      description: String(data.get("description") ?? ""),
      aliases: parseTerms(data.get("aliases")),
      includeTerms: parseTerms(data.get("includeTerms")),
      excludeTerms: parseTerms(data.get("excludeTerms")),
      ruleSources: parseTerms(data.get("ruleSources")),
      autoApprove: data.get("autoApprove") === "on",
    };
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    const values = fields(event.currentTarget);
    if (topic) update.mutate({ topic: topic.slug, ...values });
    else create.mutate(values);
  }

  async function testRule(form: HTMLFormElement | null) {
    if (!form) return;
    const values = fields(form);
    setTesting(true);
    setTestError(null);
    try {
      setTest(
        await client.topic.testRule.query({
          includeTerms: values.includeTerms,
          excludeTerms: values.excludeTerms,
          ruleSources: values.ruleSources,
        }),
      );
    } catch (error) {
      setTest(null);
      setTestError(describeError(error));
    } finally {
      setTesting(false);
    }
  }

  const prefix = topic ? "edit" : "new";
  const pending = create.isPending || update.isPending;
  return (
    <form className="form" onSubmit={onSubmit} aria-label={topic ? `Edit ${topic.name}` : "New topic"}>
      <ErrorMessage error={create.error ?? update.error} />
      {saved && !pending ? (
        <p className="form-note" role="status">
          Saved.
        </p>
      ) : null}
      <div className="form-row">
        <div className="form-field">
          <label htmlFor={`${prefix}-name`}>Name</label>
          <input id={`${prefix}-name`} name="name" required defaultValue={topic?.name ?? ""} />
        </div>
        <div className="form-field">
          <label htmlFor={`${prefix}-slug`}>Slug</label>
          <input
            id={`${prefix}-slug`}
            name="slug"
            defaultValue={topic?.slug ?? ""}
            placeholder="from the name"
          />
        </div>
      </div>
      <div className="form-field">
        <label htmlFor={`${prefix}-description`}>Description</label>
        <textarea
          id={`${prefix}-description`}
          name="description"
          rows={3}
          defaultValue={topic?.description ?? ""}
        />
      </div>
      <div className="form-field">
        <label htmlFor={`${prefix}-aliases`}>Aliases</label>
        <input
          id={`${prefix}-aliases`}
          name="aliases"
          defaultValue={topic?.aliases.join(", ") ?? ""}
          aria-describedby={`${prefix}-terms-help`}
        />
      </div>
      <fieldset className="fieldset">
        <legend>Keyword rule</legend>
        <p id={`${prefix}-terms-help`} className="meta">
          Comma-separated or one per line. A story matches when it mentions an include term and no exclude
          term (and comes from one of the sources, if any are listed).
        </p>
        <div className="form-field">
          <label htmlFor={`${prefix}-include`}>Include terms</label>
          <textarea
            id={`${prefix}-include`}
            name="includeTerms"
            rows={2}
            defaultValue={topic?.includeTerms.join(", ") ?? ""}
          />
        </div>
        <div className="form-field">
          <label htmlFor={`${prefix}-exclude`}>Exclude terms</label>
          <textarea
            id={`${prefix}-exclude`}
            name="excludeTerms"
            rows={2}
            defaultValue={topic?.excludeTerms.join(", ") ?? ""}
          />
        </div>
        <div className="form-field">
          <label htmlFor={`${prefix}-sources`}>Only from sources</label>
          <input
            id={`${prefix}-sources`}
            name="ruleSources"
            defaultValue={topic?.ruleSources.join(", ") ?? ""}
          />
        </div>
        <div className="checkbox-field">
          <input
            id={`${prefix}-auto`}
            name="autoApprove"
            type="checkbox"
            defaultChecked={topic?.autoApprove ?? false}
          />
          <label htmlFor={`${prefix}-auto`}>Auto-approve: tag matching stories without review</label>
        </div>
        <button
          type="button"
          className="button button--secondary"
          disabled={testing}
          onClick={(event) => void testRule(event.currentTarget.form)}
        >
          {testing ? "Testing…" : "Test this rule"}
        </button>
        {testError ? (
          <p className="form-error" role="alert">
            {testError}
          </p>
        ) : null}
        {test ? (
          <div className="rule-test" role="status">
            <p>
              <strong>
                {test.matches.length} of {test.scanned} recent stories
              </strong>{" "}
              would be tagged{test.matches.length >= 50 ? " (first 50 shown)" : ""}.
            </p>
            <ul className="compact-list">
              {test.matches.map((match) => (
                <li key={match.id}>
                  <Link href={`/stories/${match.id}`}>{match.title}</Link>{" "}
                  <span className="meta-inline">
                    {match.source ?? "Unknown source"} · matched {match.matched.join(", ")}
                  </span>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </fieldset>
      <button className="button" type="submit" disabled={pending}>
        {pending ? "Saving…" : topic ? "Save topic" : "Create topic"}
      </button>
    </form>
  );
}

export function TopicActions(props: { topic: Topic; others: { slug: string; name: string }[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [into, setInto] = useState("");
  const archive = useMutation(trpc.topic.archive.mutationOptions({ onSuccess: () => router.refresh() }));
  const merge = useMutation(
    trpc.topic.merge.mutationOptions({ onSuccess: (result) => router.push(`/topics/${result.into.slug}`) }),
  );
  const archived = props.topic.status === "archived";
  return (
    <section aria-labelledby="manage-heading" className="panel">
      <h2 id="manage-heading">Merge or archive</h2>
      <ErrorMessage error={archive.error ?? merge.error} />
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          if (
            into &&
            window.confirm(
              `Merge “${props.topic.name}” into /${into}? Its stories move there and it is archived.`,
            )
          ) {
            merge.mutate({ from: props.topic.slug, into });
          }
        }}
      >
        <div className="form-field">
          <label htmlFor="merge-into">Merge this topic into</label>
          <select id="merge-into" value={into} onChange={(event) => setInto(event.target.value)}>
            <option value="">Choose a topic…</option>
            {props.others.map((other) => (
              <option key={other.slug} value={other.slug}>
                {other.name}
              </option>
            ))}
          </select>
        </div>
        <button
          className="button button--secondary"
          type="submit"
          disabled={!into || merge.isPending || archived}
        >
          Merge
        </button>
      </form>
      <p>
        <button
          type="button"
          className="button button--danger"
          disabled={archive.isPending}
          onClick={() => archive.mutate({ topic: props.topic.slug, archived: !archived })}
        >
          {archived ? "Unarchive" : "Archive"}
        </button>
      </p>
    </section>
  );
}
