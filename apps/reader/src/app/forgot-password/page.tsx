// Asking for a password-reset link. The answer is the same whether or not the address has an
// account, so the page tells nobody who has one.
import type { Metadata } from "next";
import { AccountForm } from "~/components/account-form";
import { forgotPasswordAction } from "~/server/account-actions";

export const metadata: Metadata = { title: "Reset your password", robots: { index: false } };

export default function ForgotPasswordPage() {
  return (
    <section className="auth-card" aria-labelledby="forgot-heading">
      <h1 id="forgot-heading">Reset your password</h1>
      <p className="muted">
        Enter the address you signed up with; we mail it a link to choose a new password.
      </p>
      <AccountForm
        id="forgot"
        action={forgotPasswordAction}
        submit="Mail me a link"
        pending="Sending…"
        fields={[{ name: "email", label: "Email", type: "email", autoComplete: "email" }]}
      />
      <p className="meta">
        Remembered it? <a href="/sign-in">Sign in</a>
      </p>
    </section>
  );
}
