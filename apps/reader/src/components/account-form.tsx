"use client";
// One form component for the reader's account pages: a server action does the work (so it
// works before or without JavaScript); its error or done note comes back as state and shows
// above the fields. Once done (a mail sent), the fields give way to the note.
import { useActionState, type ReactNode } from "react";
import type { FormState } from "~/server/account-actions";

type Field = {
  name: string;
  label: string;
  type: "text" | "email" | "password" | "hidden";
  autoComplete?: string;
  value?: string;
  hint?: string;
};

export function AccountForm(props: {
  id: string;
  action: (previous: FormState, form: FormData) => Promise<FormState>;
  fields: Field[];
  submit: string;
  pending: string;
  children?: ReactNode;
}) {
  const [state, formAction, pending] = useActionState(props.action, {
    error: null,
    reason: null,
    done: null,
    email: "",
  });
  if (state.done) {
    return (
      <p id={`${props.id}-done`} className="form-note" role="status">
        {state.done}
      </p>
    );
  }
  const errorId = `${props.id}-error`;
  return (
    <form className="form" action={formAction} aria-describedby={state.error ? errorId : undefined}>
      {state.error ? (
        <p id={errorId} className="form-error" role="alert" data-reason={state.reason ?? undefined}>
          {state.error}
        </p>
      ) : null}
      {props.fields.map((field, index) =>
        field.type === "hidden" ? (
          <input key={field.name} type="hidden" name={field.name} value={field.value ?? ""} />
        ) : (
          <div className="form-field" key={field.name}>
            <label htmlFor={`${props.id}-${field.name}`}>{field.label}</label>
            <input
              id={`${props.id}-${field.name}`}
              name={field.name}
              type={field.type}
              autoComplete={field.autoComplete}
              required
              defaultValue={field.type === "email" ? state.email : undefined}
              autoFocus={index === props.fields.findIndex((candidate) => candidate.type !== "hidden")}
              aria-describedby={field.hint ? `${props.id}-${field.name}-hint` : undefined}
            />
            {field.hint ? (
              <span id={`${props.id}-${field.name}-hint`} className="meta">
                {field.hint}
              </span>
            ) : null}
          </div>
        ),
      )}
      <button className="button" type="submit" disabled={pending}>
        {pending ? props.pending : props.submit}
      </button>
      {props.children}
    </form>
  );
}
