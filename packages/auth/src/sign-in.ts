// Signing in and out from server code (a server action, a POST route): calls Better Auth's
// endpoints in-process and returns the cookies to set, or a message a person can act on.
import { isAPIError } from "better-auth/api";
import { parseSetCookieHeader, toCookieOptions } from "better-auth/cookies";
import {
  ACCOUNT_DISABLED_MESSAGE,
  getAuth,
  MAIL_UNAVAILABLE_MESSAGE,
  SIGN_IN_ERROR_CODES,
  type Auth,
} from "./auth";
import { ROLES, type RoleName, type SessionUser } from "./roles";

export type SignInFailureReason = "invalid" | "rate_limited" | "disabled" | "unverified" | "error";

/** A cookie to set on the response, in the shape Next's `cookies().set()` takes. */
export type CookieToSet = { name: string; value: string; options: ReturnType<typeof toCookieOptions> };

/** Splits Set-Cookie header lines into cookies a framework's cookie API can set. */
export function toCookiesToSet(setCookies: string[]): CookieToSet[] {
  const cookies: CookieToSet[] = [];
  for (const line of setCookies) {
    parseSetCookieHeader(line).forEach((attributes, name) => {
      cookies.push({ name, value: attributes.value, options: toCookieOptions(attributes) });
    });
  }
  return cookies;
}

export type SignInResult =
  | { ok: true; user: SessionUser; setCookies: string[]; cookies: CookieToSet[] }
  | { ok: false; reason: SignInFailureReason; message: string; retryAfterSeconds?: number };

const INVALID_MESSAGE = "That email and password don't match an account. Check both and try again.";

export async function signInWithPassword(
  input: { email: string; password: string; headers: Headers },
  auth: Auth = getAuth(),
): Promise<SignInResult> {
  if (!input.email.trim() || !input.password) {
    return { ok: false, reason: "invalid", message: "Enter your email and password." };
  }
  try {
    const { headers, response } = await auth.api.signInEmail({
      body: { email: input.email.trim(), password: input.password },
      headers: input.headers,
      returnHeaders: true,
    });
    const role = (response.user as { role?: unknown }).role;
    const user: SessionUser = {
      id: response.user.id,
      email: response.user.email,
      name: response.user.name,
      role: ROLES.includes(role as RoleName) ? (role as RoleName) : "reader",
    };
    const setCookies = headers.getSetCookie();
    return { ok: true, user, setCookies, cookies: toCookiesToSet(setCookies) };
  } catch (error) {
    return describeSignInError(error, input.email.trim());
  }
}

/** Maps what Better Auth threw to the reason and message the sign-in page shows. */
export function describeSignInError(
  error: unknown,
  email = "your address",
): Extract<SignInResult, { ok: false }> {
  if (!isAPIError(error)) {
    console.error("[auth] sign-in failed unexpectedly:", error);
    return { ok: false, reason: "error", message: "Signing in failed on our side. Try again in a moment." };
  }
  const body = (error.body ?? {}) as { code?: unknown; message?: unknown; retryAfterSeconds?: unknown };
  if (body.code === SIGN_IN_ERROR_CODES.RATE_LIMITED) {
    const retryAfterSeconds = typeof body.retryAfterSeconds === "number" ? body.retryAfterSeconds : undefined;
    return {
      ok: false,
      reason: "rate_limited",
      message: typeof body.message === "string" ? body.message : "Too many attempts; try again later.",
      ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
    };
  }
  if (body.code === SIGN_IN_ERROR_CODES.ACCOUNT_DISABLED) {
    return { ok: false, reason: "disabled", message: ACCOUNT_DISABLED_MESSAGE };
  }
  // The password was right (Better Auth checks it first) and a fresh link has been mailed.
  if (body.code === SIGN_IN_ERROR_CODES.EMAIL_NOT_VERIFIED) {
    return {
      ok: false,
      reason: "unverified",
      message: `This email address is not verified yet. We have sent a new verification link to ${email}: open it, then sign in.`,
    };
  }
  if (body.code === SIGN_IN_ERROR_CODES.MAIL_UNAVAILABLE) {
    return {
      ok: false,
      reason: "unverified",
      message: `This email address is not verified yet. ${typeof body.message === "string" ? body.message : MAIL_UNAVAILABLE_MESSAGE}`,
    };
  }
  if (error.statusCode === 401 || error.statusCode === 400) {
    return { ok: false, reason: "invalid", message: INVALID_MESSAGE };
  }
  console.error("[auth] sign-in refused:", error.statusCode, body);
  return { ok: false, reason: "error", message: "Signing in failed on our side. Try again in a moment." };
}

/** Ends the session in these headers; returns the cookies that clear it in the browser. */
export async function signOut(headers: Headers, auth: Auth = getAuth()): Promise<CookieToSet[]> {
  try {
    const result = await auth.api.signOut({ headers, returnHeaders: true });
    return toCookiesToSet(result.headers.getSetCookie());
  } catch (error) {
    // Already signed out (no or expired session): nothing to end.
    if (isAPIError(error)) return [];
    throw error;
  }
}
