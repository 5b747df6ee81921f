// A forgotten password, reset by mail: asking for a link (the answer never says whether the
// address has an account), checking a link before showing the form, and setting the new
// password, which uses the link up and ends the account's sessions.
import { isAPIError } from "better-auth/api";
import { z } from "zod";
import { getAuth, MAIL_UNAVAILABLE_MESSAGE, SIGN_IN_ERROR_CODES, type Auth } from "./auth";
import { RESET_LINK_MINUTES } from "./account-mail";
import { describeWeakPassword } from "./sign-up";

export const RESET_MESSAGES = {
  expired: `This password-reset link has expired (links last ${RESET_LINK_MINUTES} minutes). Ask for a new one.`,
  unknown:
    "This password-reset link has already been used, or is not valid. Ask for a new one if you still need it.",
} as const;

export type ResetRequestResult = { ok: true; email: string } | { ok: false; message: string };

export async function requestPasswordReset(
  input: { email: string; headers: Headers },
  auth: Auth = getAuth(),
): Promise<ResetRequestResult> {
  const email = input.email.trim().toLowerCase();
  if (!z.email().max(254).safeParse(email).success)
    return {
      ok: false,
      message: "Enter the email address you signed up with (it looks like name@example.com).",
    };
  try {
    await auth.api.requestPasswordReset({ body: { email }, headers: input.headers });
    return { ok: true, email };
  } catch (error) {
    if (
      isAPIError(error) &&
      (error.body as { code?: unknown } | undefined)?.code === SIGN_IN_ERROR_CODES.MAIL_UNAVAILABLE
    )
      return { ok: false, message: (error.body as { message?: string }).message ?? MAIL_UNAVAILABLE_MESSAGE };
    console.error("[auth] password reset request failed:", error);
    return { ok: false, message: MAIL_UNAVAILABLE_MESSAGE };
  }
}

export type ResetTokenStatus = "valid" | "expired" | "unknown";

async function inspectResetToken(
  token: string,
  auth: Auth,
): Promise<{ status: ResetTokenStatus; email: string | null }> {
  if (!token.trim()) return { status: "unknown", email: null };
  const context = await auth.$context;
  const row = await context.internalAdapter.findVerificationValue(`reset-password:${token.trim()}`);
  if (!row) return { status: "unknown", email: null };
  if (row.expiresAt < new Date()) return { status: "expired", email: null };
  const user = await context.internalAdapter.findUserById(row.value);
  return user ? { status: "valid", email: user.email } : { status: "unknown", email: null };
}

/** Whether a reset link can still be used (its row is stored hashed; Better Auth finds it). */
export async function checkResetToken(token: string, auth: Auth = getAuth()): Promise<ResetTokenStatus> {
  return (await inspectResetToken(token, auth)).status;
}

export type ResetPasswordResult =
  { ok: true } | { ok: false; reason: "expired" | "unknown" | "password" | "error"; message: string };

export async function resetPasswordWithToken(
  input: { token: string; password: string },
  auth: Auth = getAuth(),
): Promise<ResetPasswordResult> {
  const { status, email } = await inspectResetToken(input.token, auth);
  if (status !== "valid") return { ok: false, reason: status, message: RESET_MESSAGES[status] };
  const weak = describeWeakPassword(input.password, email ?? "");
  if (weak) return { ok: false, reason: "password", message: weak };
  try {
    await auth.api.resetPassword({ body: { token: input.token.trim(), newPassword: input.password } });
    return { ok: true };
  } catch (error) {
    // Used up between the check and now (a second tab, a double submit).
    if (isAPIError(error) && (error.body as { code?: unknown } | undefined)?.code === "INVALID_TOKEN")
      return { ok: false, reason: "unknown", message: RESET_MESSAGES.unknown };
    console.error("[auth] password reset failed:", error);
    return {
      ok: false,
      reason: "error",
      message: "Setting the password failed on our side. Try again in a moment.",
    };
  }
}
