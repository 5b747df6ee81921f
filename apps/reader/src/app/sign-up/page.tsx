// Creating a reader account: open while the site's setting allows it and mail can be sent;
// otherwise the page says why. A verification link is mailed; the account signs in once the
// address is verified.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getSignUpStatus, MIN_PASSWORD_LENGTH } from "@dispatch/auth";
import { getDb } from "@dispatch/db";
import { AccountForm } from "~/components/account-form";
import { signUpAction } from "~/server/account-actions";
import { getCurrentUser } from "~/server/context";

export const metadata: Metadata = { title: "Create an account", robots: { index: false } };

export default async function SignUpPage() {
  if (await getCurrentUser()) redirect("/account");
  const status = await getSignUpStatus(getDb());
  return (
    <section className="auth-card" aria-labelledby="sign-up-heading">
      <h1 id="sign-up-heading">Create an account</h1>
      {status.open ? (
        <>
          <p className="muted">
            A reader account is free. We mail you a link to verify your address; nothing else is sent unless
            you ask for it.
          </p>
          <AccountForm
            id="sign-up"
            action={signUpAction}
            submit="Create account"
            pending="Creating…"
            fields={[
              { name: "name", label: "Name", type: "text", autoComplete: "name" },
              { name: "email", label: "Email", type: "email", autoComplete: "email" },
              {
                name: "password",
                label: "Password",
                type: "password",
                autoComplete: "new-password",
                hint: `At least ${MIN_PASSWORD_LENGTH} characters, not your email address.`,
              },
            ]}
          />
        </>
      ) : (
        <p id="sign-up-closed" className="form-error" role="status" data-reason={status.reason}>
          {status.message}
        </p>
      )}
      <p className="meta">
        Have an account? <a href="/sign-in">Sign in</a>
      </p>
    </section>
  );
}
