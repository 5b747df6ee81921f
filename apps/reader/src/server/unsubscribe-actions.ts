"use server";
// Unsubscribing from the digest by the link in a digest mail: the page's button posts the token
// here (a mail scanner fetching the link changes nothing). No session is needed.
import { getPublicCaller } from "./public-caller";

export type UnsubscribeState = { done: string | null; error: string | null };

export async function unsubscribeAction(
  _previous: UnsubscribeState,
  form: FormData,
): Promise<UnsubscribeState> {
  const result = await getPublicCaller().digest.unsubscribe({
    token: String(form.get("token") ?? "") || "-",
  });
  if (result.kind === "not-found")
    return {
      done: null,
      error:
        "This unsubscribe link does not work: it is incomplete or mistyped. Sign in and turn the digest off on your account page instead.",
    };
  return {
    done: `Unsubscribed: no more digest mails will be sent to ${result.email}. You can turn the digest back on from your account page.`,
    error: null,
  };
}
