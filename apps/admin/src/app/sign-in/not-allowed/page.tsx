// What a signed-in reader sees in the admin app. The server refuses their calls anyway; this
// page just says so plainly instead of showing broken screens.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { hasRole } from "@dispatch/auth";
import { getCurrentUser } from "~/server/context";
import { signOutAction } from "../actions";

export const metadata: Metadata = { title: "Not available for your account" };
export const dynamic = "force-dynamic";

export default async function NotAllowedPage() {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in");
  if (hasRole(user.role, "editor")) redirect("/");
  return (
    <section className="auth-card" aria-labelledby="not-allowed-heading">
      <h1 id="not-allowed-heading">Your account ({user.role}) cannot use the admin app</h1>
      <p>
        You are signed in as <strong>{user.email}</strong>. The admin app is for editors and admins; ask an
        admin if you need to upload or edit stories.
      </p>
      <form className="form" action={signOutAction}>
        <button className="button" type="submit">
          Sign out
        </button>
      </form>
    </section>
  );
}
