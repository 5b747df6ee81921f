"use server";
// Sign-in and sign-out as server actions: plain form posts that work without JavaScript. The
// session cookie is set here, on the action's response.
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import {
  hasRole,
  safeNextPath,
  signInWithPassword,
  signOut,
  type CookieToSet,
  type SignInFailureReason,
} from "@dispatch/auth";

export type SignInState = {
  /** What went wrong, for the person: wrong password, locked out (with the wait), disabled. */
  error: string | null;
  reason: SignInFailureReason | null;
  email: string;
};

async function applyCookies(toSet: CookieToSet[]): Promise<void> {
  const jar = await cookies();
  for (const cookie of toSet) jar.set(cookie.name, cookie.value, cookie.options);
}

export async function signInAction(_previous: SignInState, form: FormData): Promise<SignInState> {
  const email = String(form.get("email") ?? "").trim();
  const password = String(form.get("password") ?? "");
  const next = safeNextPath(form.get("next"));
  const result = await signInWithPassword({ email, password, headers: await headers() });
  if (!result.ok) return { error: result.message, reason: result.reason, email };
  await applyCookies(result.cookies);
  // A reader is signed in (the session is valid for the reader app) but told plainly that the
  // admin app is not for them; the server refuses their calls regardless.
  redirect(hasRole(result.user.role, "editor") ? next : "/sign-in/not-allowed");
}

export async function signOutAction(): Promise<void> {
  await applyCookies(await signOut(await headers()));
  redirect("/sign-in?signed-out=1");
}
