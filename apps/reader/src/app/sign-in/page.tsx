// Sign in on the reader: any account (readers, and staff reading). `next` is checked by the
// same safeNextPath as the admin app's, so a link can only send a person on within this site.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { MIN_PASSWORD_LENGTH, safeNextPath } from "@dispatch/auth";
import { AccountForm } from "~/components/account-form";
import { SignInFollowOffer } from "~/components/follow-import";
import { signInAction } from "~/server/account-actions";
import { getCurrentUser } from "~/server/context";

export const metadata: Metadata = { title: "Sign in", robots: { index: false } };

export default async function SignInPage(props: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await props.searchParams;
  const next = safeNextPath(params.next);
  if (await getCurrentUser()) redirect(next);
  const notice = params["signed-out"]
    ? "You are signed out."
    : params.reset
      ? "Your password is changed. Sign in with the new one; your other sessions were ended."
      : null;
  return (
    <section className="auth-card" aria-labelledby="sign-in-heading">
      <h1 id="sign-in-heading">Sign in</h1>
      {notice ? (
        <p className="form-note" role="status">
          {notice}
        </p>
      ) : null}
      <AccountForm
        id="sign-in"
        action={signInAction}
        submit="Sign in"
        pending="Signing in…"
        fields={[
          { name: "next", label: "", type: "hidden", value: next },
          { name: "email", label: "Email", type: "email", autoComplete: "username" },
          {
            name: "password",
            label: "Password",
            type: "password",
            autoComplete: "current-password",
            hint: `At least ${MIN_PASSWORD_LENGTH} characters.`,
          },
        ]}
      >
        <SignInFollowOffer />
      </AccountForm>
      <p className="meta">
        <a href="/forgot-password">Forgot your password?</a> · No account yet?{" "}
        <a href="/sign-up">Create one</a>
      </p>
    </section>
  );
}
