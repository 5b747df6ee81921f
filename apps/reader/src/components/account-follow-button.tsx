"use client";
// Follow a topic with the reader's account: a form posting to a server action, so it works
// before and without JavaScript; with it, the button shows the new state while the action runs
// and goes back (saying why) if it fails.
import { useActionState } from "react";
import { setFollowAction, type FollowState } from "~/server/follow-actions";

export function AccountFollowButton(props: { slug: string; name: string; following: boolean }) {
  const [state, formAction, pending] = useActionState<FollowState, FormData>(setFollowAction, {
    following: props.following,
    error: null,
  });
  const following = pending ? !state.following : state.following;
  return (
    <form action={formAction} className="inline-form follow-form">
      <input type="hidden" name="slug" value={props.slug} />
      <input type="hidden" name="follow" value={state.following ? "0" : "1"} />
      <button
        type="submit"
        className={following ? "follow-button is-following" : "follow-button"}
        aria-pressed={following}
        disabled={pending}
        title={
          following
            ? `Followed with your account: what is new in ${props.name} shows on My briefing`
            : `Follow ${props.name} with your account: see what is new on My briefing`
        }
      >
        {following ? "Following" : "Follow topic"}
      </button>
      {state.error ? (
        <span className="form-error follow-form__error" role="alert">
          {state.error}
        </span>
      ) : null}
    </form>
  );
}
