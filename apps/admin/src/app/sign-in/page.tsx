// The admin app's front door. Signed-in staff go straight on; everyone else signs in here.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { hasRole, safeNextPath } from "@dispatch/auth";
import { getCurrentUser } from "~/server/context";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function SignInPage(props: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await props.searchParams;
  const next = safeNextPath(params.next);
  const user = await getCurrentUser();
  if (user) redirect(hasRole(user.role, "editor") ? next : "/sign-in/not-allowed");
  return (
    <section className="auth-card" aria-labelledby="sign-in-heading">
      <h1 id="sign-in-heading">Sign in</h1>
      <p className="muted">Dispatch admin is for editors and admins. Ask an admin if you need an account.</p>
      {params["signed-out"] ? (
        <p className="form-note" role="status">
          You are signed out.
        </p>
      ) : null}
      <SignInForm next={next} />
    </section>
  );
}
