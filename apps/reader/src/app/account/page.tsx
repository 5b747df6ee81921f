// The signed-in reader's account: who they are, and the ways out (sign out, a new password).
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { signOutAction } from "~/server/account-actions";
import { getCurrentUser } from "~/server/context";

export const metadata: Metadata = { title: "Your account", robots: { index: false } };

export default async function AccountPage(props: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in?next=/account");
  const verified = (await props.searchParams).verified;
  return (
    <section className="auth-card" aria-labelledby="account-heading">
      <h1 id="account-heading">Your account</h1>
      {verified ? (
        <p className="form-note" role="status">
          Your email address is verified and you are signed in.
        </p>
      ) : null}
      <dl>
        <dt>Name</dt>
        <dd>{user.name}</dd>
        <dt>Email</dt>
        <dd>{user.email}</dd>
      </dl>
      <p className="meta">
        To change your password, <a href="/forgot-password">have a reset link mailed to you</a>.
      </p>
      <form className="form" action={signOutAction}>
        <button className="button" type="submit">
          Sign out
        </button>
      </form>
    </section>
  );
}
