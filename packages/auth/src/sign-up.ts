// A reader creating their own account from server code (the reader's sign-up form): checks
// what a person can fix (name, address, password) with messages saying how, then hands over
// to Better Auth, which mails a verification link. An address that already has an account
// gets the same answer on the page and a mail to its owner, so the form tells nobody which
// addresses are taken.
import { isAPIError } from "better-auth/api";
import { z } from "zod";
import { getAuth, MAIL_UNAVAILABLE_MESSAGE, SIGN_IN_ERROR_CODES, type Auth } from "./auth";
import { checkPassword, WeakPasswordError } from "./users";

export const ACCOUNT_NAME_LIMIT = 80;

export type SignUpFailureReason = "closed" | "name" | "email" | "password" | "error";

export type SignUpResult =
  { ok: true; email: string } | { ok: false; reason: SignUpFailureReason; message: string };

export type SignUpInput = { name: string; email: string; password: string; headers: Headers };

/** What is wrong with a new password, or null: the length rules, and not the address itself. */
export function describeWeakPassword(password: string, email: string): string | null {
  try {
    checkPassword(password);
  } catch (error) {
    if (error instanceof WeakPasswordError) return error.message;
    throw error;
  }
  const lowered = password.toLowerCase();
  const local = email.trim().toLowerCase().split("@")[0] ?? "";
  if (lowered === email.trim().toLowerCase() || (local.length >= 4 && lowered.includes(local)))
    return "The password contains your email address; choose one that does not.";
  if (new Set(lowered).size < 4)
    return "The password repeats too few characters; mix in more different ones.";
  return null;
}

export async function signUpWithPassword(input: SignUpInput, auth: Auth = getAuth()): Promise<SignUpResult> {
  const name = input.name.trim();
  const email = input.email.trim().toLowerCase();
  if (name === "")
    return { ok: false, reason: "name", message: "Enter your name (it is shown only to you)." };
  if (name.length > ACCOUNT_NAME_LIMIT || /[\u0000-\u001f\u007f]/.test(name))
    return {
      ok: false,
      reason: "name",
      message: `Use a name of at most ${ACCOUNT_NAME_LIMIT} characters on one line.`,
    };
  if (!z.email().max(254).safeParse(email).success)
    return {
      ok: false,
      reason: "email",
      message: "That is not an email address we can send to; check it (it looks like name@example.com).",
    };
  const weak = describeWeakPassword(input.password, email);
  if (weak) return { ok: false, reason: "password", message: weak };
  try {
    await auth.api.signUpEmail({ body: { name, email, password: input.password }, headers: input.headers });
    return { ok: true, email };
  } catch (error) {
    if (!isAPIError(error)) {
      console.error("[auth] sign-up failed unexpectedly:", error);
      return { ok: false, reason: "error", message: "Signing up failed on our side. Try again in a moment." };
    }
    const body = (error.body ?? {}) as { code?: unknown; message?: unknown };
    const message = typeof body.message === "string" ? body.message : null;
    if (body.code === SIGN_IN_ERROR_CODES.SIGN_UP_CLOSED)
      return { ok: false, reason: "closed", message: message ?? "Sign-up is closed on this site." };
    if (body.code === SIGN_IN_ERROR_CODES.MAIL_UNAVAILABLE)
      return { ok: false, reason: "error", message: message ?? MAIL_UNAVAILABLE_MESSAGE };
    console.error("[auth] sign-up refused:", error.statusCode, body);
    return { ok: false, reason: "error", message: "Signing up failed on our side. Try again in a moment." };
  }
}
