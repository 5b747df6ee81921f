"use client";
// The sign-in form. A server action does the work, so it also works before (or without)
// JavaScript; errors come back as state and show inline.
import { useActionState } from "react";
import { signInAction, type SignInState } from "./actions";

const initialState: SignInState = { error: null, reason: null, email: "" };

export function SignInForm(props: { next: string }) {
  const [state, formAction, pending] = useActionState(signInAction, initialState);
  return (
    <form className="form" action={formAction} aria-describedby={state.error ? "sign-in-error" : undefined}>
      {state.error ? (
        <p id="sign-in-error" className="form-error" role="alert" data-reason={state.reason ?? undefined}>
          {state.error}
        </p>
      ) : null}
      <input type="hidden" name="next" value={props.next} />
      <div className="form-field">
        <label htmlFor="email">Email</label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={state.email}
          autoFocus
        />
      </div>
      <div className="form-field">
        <label htmlFor="password">Password</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required />
      </div>
      <button className="button" type="submit" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
