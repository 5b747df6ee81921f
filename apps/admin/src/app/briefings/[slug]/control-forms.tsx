"use client";
// The editors' controls on a briefing page: pin or strike a point, lock a storyline's label or
// the headline, undo any of them, publish the draft waiting, and (admins) review before
// publishing. Each calls its procedure and reloads the page's data.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { ErrorMessage } from "~/components/error-message";
import { useTRPC } from "~/trpc/react";
import styles from "./editing.module.css";

type OnVersion = { topic: string; version: number };

function useRefresh() {
  const router = useRouter();
  return { onSuccess: () => router.refresh() };
}

export function PinButton(props: OnVersion & { pointId: string; label: string }) {
  const trpc = useTRPC();
  const pin = useMutation(trpc.briefing.pinPoint.mutationOptions(useRefresh()));
  return (
    <span className={styles.action}>
      <button
        type="button"
        className={`button button--secondary ${styles.small}`}
        disabled={pin.isPending}
        onClick={() => pin.mutate({ topic: props.topic, version: props.version, pointId: props.pointId })}
      >
        Pin<span className="visually-hidden"> “{props.label}”</span>
      </button>
      <ErrorMessage error={pin.error} />
    </span>
  );
}

export function StrikeForm(props: OnVersion & { pointId: string; label: string }) {
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const strike = useMutation(trpc.briefing.strikePoint.mutationOptions(useRefresh()));
  const id = `strike-${props.pointId}`;
  if (!open) {
    return (
      <button type="button" className={`button button--danger ${styles.small}`} onClick={() => setOpen(true)}>
        Strike…<span className="visually-hidden"> “{props.label}”</span>
      </button>
    );
  }
  return (
    <form
      className={styles.inlineForm}
      aria-label={`Strike “${props.label}”`}
      onSubmit={(event) => {
        event.preventDefault();
        strike.mutate({ topic: props.topic, version: props.version, pointId: props.pointId, reason });
      }}
    >
      <label htmlFor={id}>Why strike it?</label>
      <input id={id} value={reason} onChange={(event) => setReason(event.target.value)} maxLength={500} />
      <button type="submit" className={`button button--danger ${styles.small}`} disabled={strike.isPending}>
        Strike point
      </button>
      <button
        type="button"
        className={`button button--secondary ${styles.small}`}
        onClick={() => setOpen(false)}
      >
        Cancel
      </button>
      <ErrorMessage error={strike.error} />
    </form>
  );
}

export function LockWordingForm(
  props: OnVersion & { what: "label" | "headline"; storylineId?: string; current: string; locked: boolean },
) {
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState(props.current);
  const router = useRouter();
  // Locked: the form closes and the page shows the wording with who locked it.
  const done = {
    onSuccess: () => {
      setOpen(false);
      router.refresh();
    },
  };
  const label = useMutation(trpc.briefing.lockLabel.mutationOptions(done));
  const headline = useMutation(trpc.briefing.lockHeadline.mutationOptions(done));
  const pending = label.isPending || headline.isPending;
  const id = `lock-${props.what}-${props.storylineId ?? "headline"}`;
  if (!open) {
    return (
      <button
        type="button"
        className={`button button--secondary ${styles.small}`}
        onClick={() => setOpen(true)}
      >
        {props.locked ? "Change locked " : "Lock "}
        {props.what}
        <span className="visually-hidden"> “{props.current}”</span>
      </button>
    );
  }
  return (
    <form
      className={styles.inlineForm}
      aria-label={`Lock the ${props.what}`}
      onSubmit={(event) => {
        event.preventDefault();
        if (props.what === "headline")
          headline.mutate({ topic: props.topic, version: props.version, headline: text });
        else
          label.mutate({
            topic: props.topic,
            version: props.version,
            storylineId: props.storylineId ?? "",
            label: text,
          });
      }}
    >
      <label htmlFor={id}>{props.what === "headline" ? "Headline" : "Storyline label"}</label>
      <input id={id} value={text} onChange={(event) => setText(event.target.value)} maxLength={300} />
      <button type="submit" className={`button ${styles.small}`} disabled={pending}>
        Lock {props.what}
      </button>
      <button
        type="button"
        className={`button button--secondary ${styles.small}`}
        onClick={() => setOpen(false)}
      >
        Cancel
      </button>
      <ErrorMessage error={label.error ?? headline.error} />
    </form>
  );
}

export function UndoButton(props: { topic: string; controlId: string; label: string }) {
  const trpc = useTRPC();
  const undo = useMutation(trpc.briefing.removeControl.mutationOptions(useRefresh()));
  return (
    <span className={styles.action}>
      <button
        type="button"
        className={`button button--secondary ${styles.small}`}
        disabled={undo.isPending}
        onClick={() => undo.mutate({ topic: props.topic, controlId: props.controlId })}
      >
        {props.label}
      </button>
      <ErrorMessage error={undo.error} />
    </span>
  );
}

export function PublishButton(props: OnVersion & { publishedVersion: number | null }) {
  const trpc = useTRPC();
  const publish = useMutation(trpc.briefing.publish.mutationOptions(useRefresh()));
  return (
    <span className={styles.action}>
      <button
        type="button"
        className="button"
        disabled={publish.isPending}
        onClick={() => publish.mutate({ topic: props.topic, version: props.version })}
      >
        {publish.isPending ? "Publishing…" : `Publish v${props.version}`}
      </button>
      {publish.data ? (
        <span role="status" className="form-note">
          Published: readers see version {publish.data.version}.
        </span>
      ) : null}
      <ErrorMessage error={publish.error} />
    </span>
  );
}

export function ReviewToggle(props: { topic: string; enabled: boolean }) {
  const trpc = useTRPC();
  const setReview = useMutation(trpc.topic.setReview.mutationOptions(useRefresh()));
  return (
    <span className={styles.action}>
      <button
        type="button"
        className={`button button--secondary ${styles.small}`}
        disabled={setReview.isPending}
        onClick={() => setReview.mutate({ topic: props.topic, enabled: !props.enabled })}
      >
        {props.enabled ? "Turn review off" : "Review before publishing"}
      </button>
      <ErrorMessage error={setReview.error} />
    </span>
  );
}
