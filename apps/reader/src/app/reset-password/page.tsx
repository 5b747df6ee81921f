// Where the reset mail's link leads: the link is checked first (used up or expired links say
// so and offer a new one), then the new password is posted with it.
import type { Metadata } from "next";
import { checkResetToken, MIN_PASSWORD_LENGTH, RESET_MESSAGES } from "@dispatch/auth";
import { AccountForm } from "~/components/account-form";
import { resetPasswordAction } from "~/server/account-actions";

export const metadata: Metadata = { title: "Choose a new password", robots: { index: false } };

export default async function ResetPasswordPage(props: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const token = (await props.searchParams).token;
  const status = typeof token === "string" ? await checkResetToken(token) : "unknown";
  return (
    <section className="auth-card" aria-labelledby="reset-heading">
      <h1 id="reset-heading">Choose a new password</h1>
      {status === "valid" && typeof token === "string" ? (
        <AccountForm
          id="reset"
          action={resetPasswordAction}
          submit="Set new password"
          pending="Saving…"
          fields={[
            { name: "token", label: "", type: "hidden", value: token },
            {
              name: "password",
              label: "New password",
              type: "password",
              autoComplete: "new-password",
              hint: `At least ${MIN_PASSWORD_LENGTH} characters, not your email address.`,
            },
          ]}
        />
      ) : (
        <>
          <p id="reset-refused" className="form-error" role="alert" data-reason={status}>
            {RESET_MESSAGES[status === "expired" ? "expired" : "unknown"]}
          </p>
          <p>
            <a href="/forgot-password">Ask for a new link</a>
          </p>
        </>
      )}
    </section>
  );
}
