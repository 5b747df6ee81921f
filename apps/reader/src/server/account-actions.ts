"use server";
// The reader's account forms as server actions: plain form posts that work without
// JavaScript. The work is @dispatch/auth's (the same sign-in, throttle and next-path check as
// the admin app); here the cookies are set on the response and the person is sent on.
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import {
  requestPasswordReset,
  resetPasswordWithToken,
  safeNextPath,
  signInWithPassword,
  signOut,
  signUpWithPassword,
  verifyEmailToken,
  type CookieToSet,
  type SessionUser,
} from "@dispatch/auth";
import { createCaller, createInnerContext, FOLLOW_IMPORT_LIMIT } from "@dispatch/api";
import { getDb } from "@dispatch/db";

/** What a form shows after a try: an error (with a reason to style or test by), or a done note. */
export type FormState = { error: string | null; reason: string | null; done: string | null; email: string };

async function applyCookies(toSet: CookieToSet[]): Promise<void> {
  const jar = await cookies();
  for (const cookie of toSet) jar.set(cookie.name, cookie.value, cookie.options);
}

const field = (form: FormData, name: string) => String(form.get(name) ?? "");

export async function signInAction(_previous: FormState, form: FormData): Promise<FormState> {
  const email = field(form, "email").trim();
  const next = safeNextPath(form.get("next"));
  const result = await signInWithPassword({
    email,
    password: field(form, "password"),
    headers: await headers(),
  });
  if (!result.ok) return { error: result.message, reason: result.reason, done: null, email };
  await applyCookies(result.cookies);
  if (form.get("importFollows") === "1") await importBrowserFollows(result.user, form.getAll("localFollow"));
  redirect(next);
}

/**
 * Follows with the account just signed into the topics this browser followed (offered on the
 * sign-in form). Never stands in the way of signing in: what cannot be followed is left out,
 * and /account offers the rest again.
 */
async function importBrowserFollows(user: SessionUser, slugs: FormDataEntryValue[]): Promise<void> {
  try {
    await createCaller(createInnerContext({ db: getDb(), user, via: "ui" })).follow.import({
      slugs: slugs.map(String).slice(0, FOLLOW_IMPORT_LIMIT),
    });
  } catch (error) {
    console.error("[reader] importing a browser's follows at sign-in failed:", error);
  }
}

export async function signUpAction(_previous: FormState, form: FormData): Promise<FormState> {
  const email = field(form, "email").trim();
  const result = await signUpWithPassword({
    name: field(form, "name"),
    email,
    password: field(form, "password"),
    headers: await headers(),
  });
  if (!result.ok) return { error: result.message, reason: result.reason, done: null, email };
  return {
    error: null,
    reason: null,
    done: `We have sent a message to ${result.email}. Open the link in it to verify your address and sign in; it works for 24 hours. Nothing there? Check your spam folder, or sign in to get a new link.`,
    email: result.email,
  };
}

export async function verifyEmailAction(_previous: FormState, form: FormData): Promise<FormState> {
  const result = await verifyEmailToken(getDb(), { token: field(form, "token"), headers: await headers() });
  if (!result.ok) return { error: result.message, reason: result.reason, done: null, email: "" };
  await applyCookies(result.cookies);
  redirect("/account?verified=1");
}

export async function forgotPasswordAction(_previous: FormState, form: FormData): Promise<FormState> {
  const email = field(form, "email").trim();
  const result = await requestPasswordReset({ email, headers: await headers() });
  if (!result.ok) return { error: result.message, reason: "error", done: null, email };
  return {
    error: null,
    reason: null,
    done: `If an account uses ${result.email}, we have sent it a link to choose a new password. The link works once, for 60 minutes.`,
    email: result.email,
  };
}

export async function resetPasswordAction(_previous: FormState, form: FormData): Promise<FormState> {
  const result = await resetPasswordWithToken({
    token: field(form, "token"),
    password: field(form, "password"),
  });
  if (!result.ok) return { error: result.message, reason: result.reason, done: null, email: "" };
  redirect("/sign-in?reset=1");
}

export async function signOutAction(): Promise<void> {
  await applyCookies(await signOut(await headers()));
  redirect("/sign-in?signed-out=1");
}
