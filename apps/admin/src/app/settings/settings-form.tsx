"use client";
// The reader sign-up switch. Saving calls setting.update (audited) and shows what the reader's
// sign-up page now says.
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { formatDateTime } from "@dispatch/ui";
import { ErrorMessage } from "~/components/error-message";
import { useTRPC } from "~/trpc/react";
import type { RouterOutputs } from "~/trpc/types";

type Settings = RouterOutputs["setting"]["get"];

export function SettingsForm({ settings }: { settings: Settings }) {
  const trpc = useTRPC();
  const router = useRouter();
  const update = useMutation(trpc.setting.update.mutationOptions({ onSuccess: () => router.refresh() }));
  const open = settings.readerSignUp;
  return (
    <section className="panel" aria-labelledby="sign-up-heading">
      <h2 id="sign-up-heading">Reader sign-up</h2>
      <p id="sign-up-state" role="status">
        {open
          ? settings.mailConfigured
            ? "Open: anyone can create a reader account on the reader app, verified by mail."
            : "Open, but this server cannot send mail (SMTP_URL is not set), so the reader's sign-up page says sign-up is unavailable."
          : "Closed: the reader's sign-up page says sign-up is closed; admins still create accounts under Users."}
      </p>
      <ErrorMessage error={update.error} />
      <button
        className={open ? "button button--secondary" : "button"}
        type="button"
        disabled={update.isPending}
        onClick={() => update.mutate({ readerSignUp: !open })}
      >
        {open ? "Close sign-up" : "Open sign-up"}
      </button>
      <p className="meta">
        Last changed {formatDateTime(settings.updatedAt)}; every change is in the audit log.
      </p>
    </section>
  );
}
