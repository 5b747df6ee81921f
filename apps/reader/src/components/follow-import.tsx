"use client";
// Offers the topics this browser followed before the reader had an account (localStorage)
// for import into the account: on the sign-in form (SignInFollowOffer) and on /account and /me
// (FollowImport). Each shows nothing when the browser follows none the account lacks.
import { useActionState, useEffect, useState } from "react";
import { importFollowsAction, type ImportState } from "~/server/follow-actions";
import { readFollowing, type FollowedTopic } from "./following";

export function FollowImport(props: { followedSlugs: string[] }) {
  const [local, setLocal] = useState<FollowedTopic[]>([]);
  const [state, formAction, pending] = useActionState<ImportState, FormData>(importFollowsAction, {
    message: null,
    error: null,
  });
  useEffect(() => {
    setLocal(readFollowing().filter((topic) => !props.followedSlugs.includes(topic.slug)));
  }, [props.followedSlugs]);
  if (state.message)
    return (
      <p className="form-note" role="status">
        {state.message}
      </p>
    );
  if (local.length === 0) return null;
  return (
    <section aria-labelledby="follow-import-heading">
      <h2 id="follow-import-heading">Topics followed in this browser</h2>
      <p>
        Before you signed in, this browser followed {local.map((topic) => topic.name).join(", ")}. Add{" "}
        {local.length === 1 ? "it" : "them"} to your account to follow {local.length === 1 ? "it" : "them"}{" "}
        everywhere you sign in.
      </p>
      <form className="form" action={formAction}>
        {state.error ? (
          <p className="form-error" role="alert">
            {state.error}
          </p>
        ) : null}
        {local.map((topic) => (
          <input key={topic.slug} type="hidden" name="slug" value={topic.slug} />
        ))}
        <button className="button" type="submit" disabled={pending}>
          {pending ? "Adding…" : `Add ${local.length} topic${local.length === 1 ? "" : "s"} to my account`}
        </button>
      </form>
    </section>
  );
}

/**
 * On the sign-in form: the topics this browser follows, offered for the account being signed
 * into (checked by default; the sign-in action follows them once the password is right).
 * Renders nothing when this browser follows none.
 */
export function SignInFollowOffer() {
  const [local, setLocal] = useState<FollowedTopic[]>([]);
  useEffect(() => {
    setLocal(readFollowing());
  }, []);
  if (local.length === 0) return null;
  return (
    <div className="form-field sign-in-follow-offer">
      <label className="checkbox-field">
        <input type="checkbox" name="importFollows" value="1" defaultChecked /> Also follow with my account
        the {local.length === 1 ? "topic" : `${local.length} topics`} this browser follows:{" "}
        {local.map((topic) => topic.name).join(", ")}
      </label>
      {local.map((topic) => (
        <input key={topic.slug} type="hidden" name="localFollow" value={topic.slug} />
      ))}
    </div>
  );
}
