"use client";
// The digest's unsubscribe page: one button that posts the mail's token; the answer replaces it.
import { useActionState } from "react";
import { unsubscribeAction, type UnsubscribeState } from "~/server/unsubscribe-actions";

export function UnsubscribeForm(props: { token: string }) {
  const [state, formAction, pending] = useActionState<UnsubscribeState, FormData>(unsubscribeAction, {
    done: null,
    error: null,
  });
  if (state.done)
    return (
      <p className="form-note" role="status">
        {state.done}
      </p>
    );
  return (
    <form className="form" action={formAction}>
      {state.error ? (
        <p className="form-error" role="alert">
          {state.error}
        </p>
      ) : null}
      <input type="hidden" name="token" value={props.token} />
      <button className="button" type="submit" disabled={pending}>
        {pending ? "Unsubscribing…" : "Unsubscribe from the digest"}
      </button>
    </form>
  );
}
