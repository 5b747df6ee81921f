// Where the verification mail's link leads. The link only opens this page; the button posts
// the token, so a mail scanner fetching the link verifies nothing and signs nobody in.
import type { Metadata } from "next";
import { AccountForm } from "~/components/account-form";
import { verifyEmailAction } from "~/server/account-actions";
import { VERIFY_MESSAGES } from "@dispatch/auth";

export const metadata: Metadata = { title: "Verify your email address", robots: { index: false } };

export default async function VerifyEmailPage(props: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const token = (await props.searchParams).token;
  return (
    <section className="auth-card" aria-labelledby="verify-heading">
      <h1 id="verify-heading">Verify your email address</h1>
      {typeof token === "string" && token.trim() !== "" ? (
        <>
          <p>Confirm that this address is yours to finish creating your account. You will be signed in.</p>
          <AccountForm
            id="verify"
            action={verifyEmailAction}
            submit="Verify my address"
            pending="Verifying…"
            fields={[{ name: "token", label: "", type: "hidden", value: token }]}
          />
        </>
      ) : (
        <p className="form-error" role="alert" data-reason="invalid">
          {VERIFY_MESSAGES.invalid}
        </p>
      )}
      <p className="meta">
        <a href="/sign-in">Sign in</a>
      </p>
    </section>
  );
}
