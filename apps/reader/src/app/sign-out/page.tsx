// Sign out: a page with one button, so a plain link can lead here and a POST does the work
// (a GET that signs out could be triggered by any image tag).
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { signOutAction } from "~/server/account-actions";
import { getCurrentUser } from "~/server/context";

export const metadata: Metadata = { title: "Sign out", robots: { index: false } };

export default async function SignOutPage() {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in");
  return (
    <section className="auth-card" aria-labelledby="sign-out-heading">
      <h1 id="sign-out-heading">Sign out</h1>
      <p>
        Signed in as <strong>{user.email}</strong>.
      </p>
      <form className="form" action={signOutAction}>
        <button className="button" type="submit">
          Sign out
        </button>
      </form>
    </section>
  );
}
