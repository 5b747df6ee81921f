// Following the link in a verification mail: Better Auth checks the token (a signed JWT) and
// marks the address verified, signing the reader in. Its tokens are not stored, so a link
// opened again would pass quietly; here a link whose address is already verified is
// answered as used, and signs nobody in.
import { isAPIError } from "better-auth/api";
import type { Db } from "@dispatch/db";
import { getAuth, type Auth } from "./auth";
import { VERIFICATION_LINK_HOURS } from "./account-mail";
import { toCookiesToSet, type CookieToSet } from "./sign-in";

export type VerifyEmailResult =
  | { ok: true; email: string; cookies: CookieToSet[] }
  | { ok: false; reason: "expired" | "used" | "invalid"; message: string };

export const VERIFY_MESSAGES = {
  expired: `This verification link has expired (links last ${VERIFICATION_LINK_HOURS} hours). Sign in with your email and password and we will mail you a new one.`,
  used: "This verification link has already been used: your email address is verified. Sign in to continue.",
  invalid:
    "This verification link is not valid. Check that you opened the whole link from the mail, or sign in to get a new one.",
} as const;

/** The address a token names, read without checking it (Better Auth checks it next). */
function emailInToken(token: string): string | null {
  const payload = token.split(".")[1];
  if (!payload) return null;
  try {
    const parsed = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as { email?: unknown };
    return typeof parsed.email === "string" ? parsed.email.toLowerCase() : null;
  } catch {
    return null;
  }
}

export async function verifyEmailToken(
  db: Db,
  input: { token: string; headers: Headers },
  auth: Auth = getAuth(),
): Promise<VerifyEmailResult> {
  const token = input.token.trim();
  const email = token ? emailInToken(token) : null;
  if (!email) return { ok: false, reason: "invalid", message: VERIFY_MESSAGES.invalid };
  const before = await db.user.findUnique({ where: { email }, select: { emailVerified: true } });
  try {
    const { headers } = await auth.api.verifyEmail({
      query: { token },
      headers: input.headers,
      returnHeaders: true,
    });
    if (before?.emailVerified) return { ok: false, reason: "used", message: VERIFY_MESSAGES.used };
    return { ok: true, email, cookies: toCookiesToSet(headers.getSetCookie()) };
  } catch (error) {
    if (!isAPIError(error)) throw error;
    const code = (error.body as { code?: unknown } | undefined)?.code;
    if (code === "TOKEN_EXPIRED") return { ok: false, reason: "expired", message: VERIFY_MESSAGES.expired };
    return { ok: false, reason: "invalid", message: VERIFY_MESSAGES.invalid };
  }
}
