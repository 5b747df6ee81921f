"use client";
// The e-mail digest's frequency on /account: three radio buttons and a save button, posted to a
// server action (works without JavaScript); what was saved, or why not, shows above.
import { useActionState } from "react";
import { setDigestFrequencyAction, type DigestFormState } from "~/server/digest-actions";

const CHOICES = [
  { value: "daily", label: "Daily", hint: "at most one mail a day" },
  { value: "weekly", label: "Weekly", hint: "at most one mail a week" },
  { value: "off", label: "Off", hint: "no digest mail" },
] as const;

export function DigestForm(props: { frequency: "daily" | "weekly" | "off" }) {
  const [state, formAction, pending] = useActionState<DigestFormState, FormData>(setDigestFrequencyAction, {
    message: null,
    error: null,
  });
  return (
    <form className="form digest-form" action={formAction}>
      {state.error ? (
        <p className="form-error" role="alert">
          {state.error}
        </p>
      ) : null}
      {state.message ? (
        <p className="form-note" role="status">
          {state.message}
        </p>
      ) : null}
      <fieldset className="fieldset">
        <legend>E-mail digest</legend>
        {CHOICES.map((choice) => (
          <label key={choice.value} className="checkbox-field">
            <input
              type="radio"
              name="frequency"
              value={choice.value}
              defaultChecked={props.frequency === choice.value}
            />{" "}
            {choice.label} <span className="meta">({choice.hint})</span>
          </label>
        ))}
      </fieldset>
      <button className="button" type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save digest setting"}
      </button>
    </form>
  );
}
