// The Better Auth instance both apps share: email and password, sessions in PostgreSQL through
// our Prisma client, a role nobody can set on themselves, disabled accounts kept out, and
// failed sign-ins throttled per account and client (see sign-in-throttle.ts). Readers sign up
// on the reader while the site's setting allows it; an address must be verified by mail before
// it signs in, and a forgotten password is reset by mail (links point at the reader).
import { createHash, randomUUID } from "node:crypto";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { toNextJsHandler } from "better-auth/next-js";
import { APIError, createAuthMiddleware, isAPIError } from "better-auth/api";
import { getDb, type Db } from "@dispatch/db";
import { getMailer, type Mailer, type MailMessage } from "@dispatch/mail";
import {
  existingAccountMail,
  passwordResetMail,
  RESET_LINK_MINUTES,
  VERIFICATION_LINK_HOURS,
  verificationMail,
} from "./account-mail";
import { ROLES } from "./roles";
import { getSignUpStatus } from "./site-settings";
import { clientAddressOf } from "./client-address";
import { getAuthEnv, type AuthEnv } from "./env";
import {
  DEFAULT_SIGN_IN_LIMITS,
  findLockout,
  formatLockoutMessage,
  recordFailure,
  recordSuccess,
  type Lockout,
  type SignInLimits,
  type SignInSubject,
} from "./sign-in-throttle";

/** The session cookie's name prefix: `dispatch.session_token`. */
export const COOKIE_PREFIX = "dispatch";
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 128;

/** Error codes our hooks add to Better Auth's, for the sign-in page to tell apart. */
export const SIGN_IN_ERROR_CODES = {
  RATE_LIMITED: "RATE_LIMITED",
  ACCOUNT_DISABLED: "ACCOUNT_DISABLED",
  /** Better Auth's own code for an address not verified yet. */
  EMAIL_NOT_VERIFIED: "EMAIL_NOT_VERIFIED",
  SIGN_UP_CLOSED: "SIGN_UP_CLOSED",
  MAIL_UNAVAILABLE: "MAIL_UNAVAILABLE",
} as const;

export const MAIL_UNAVAILABLE_MESSAGE =
  "We could not send the mail just now. Try again in a few minutes; if it keeps failing, tell the site's editors.";

/** At most this many password-reset mails per account in RESET_MAIL_WINDOW_MINUTES. */
const RESET_MAILS_PER_WINDOW = 3;
const RESET_MAIL_WINDOW_MINUTES = 15;

export const ACCOUNT_DISABLED_MESSAGE = "This account is disabled. Ask an admin to enable it.";

export type CreateAuthOptions = Partial<
  Pick<AuthEnv, "secret" | "readerUrl" | "adminUrl" | "trustProxy" | "cookieDomain">
> & {
  /** Failed sign-in limits; see DEFAULT_SIGN_IN_LIMITS. */
  signInLimits?: SignInLimits;
  /**
   * Where account mail goes; defaults to the process's mailer (SMTP_URL), null when it cannot
   * send. Without one, sign-up is closed and password resets fail with a message.
   */
  mailer?: Mailer | null;
};

function lockoutError(lockout: Lockout): APIError {
  return new APIError(
    "TOO_MANY_REQUESTS",
    {
      code: SIGN_IN_ERROR_CODES.RATE_LIMITED,
      message: formatLockoutMessage(lockout.retryAfterSeconds),
      retryAfterSeconds: lockout.retryAfterSeconds,
    },
    { "Retry-After": String(lockout.retryAfterSeconds) },
  );
}

/** Reads the email a sign-in request names, whatever shape the body arrived in. */
function emailOf(body: unknown): string | null {
  if (typeof body !== "object" || body === null || !("email" in body)) return null;
  const email = (body as { email: unknown }).email;
  return typeof email === "string" && email.trim() !== "" ? email.trim().toLowerCase() : null;
}

/** The cookie that marks a browser an account signed in on before (its "usual place"). */
const KNOWN_DEVICE_COOKIE = "known_device";
const KNOWN_DEVICE_MAX_AGE = 60 * 60 * 24 * 365;

const emailDigest = (email: string) => createHash("sha256").update(email).digest("base64url").slice(0, 22);

/** The device id in a signed known-device cookie, when that cookie was issued to this email. */
function knownDeviceFor(cookieValue: string | null | false, email: string): string | null {
  if (!cookieValue) return null;
  const [device, digest] = cookieValue.split(":");
  return device && digest === emailDigest(email) ? device : null;
}

/**
 * Whether the apps' session cookies are Secure (and `__Secure-`-prefixed): when either app
 * is served over https. A browser then only sends them over https, so an app still on http
 * does not get them — the safe way round; before, a single http URL turned Secure off for both.
 */
export function usesSecureCookies(urls: { readerUrl: string; adminUrl: string }): boolean {
  return [urls.readerUrl, urls.adminUrl].some((url) => url.startsWith("https://"));
}

/** Builds an auth instance on `db`. Options default to the validated environment. */
export function createAuth(db: Db, options: CreateAuthOptions = {}) {
  const env = options.secret ? null : getAuthEnv();
  const secret = options.secret ?? env?.secret ?? "";
  const readerUrl = options.readerUrl ?? env?.readerUrl ?? "http://localhost:3000";
  const adminUrl = options.adminUrl ?? env?.adminUrl ?? "http://localhost:3001";
  const trustProxy = options.trustProxy ?? env?.trustProxy ?? false;
  const cookieDomain = options.cookieDomain ?? env?.cookieDomain;
  const limits = options.signInLimits ?? DEFAULT_SIGN_IN_LIMITS;
  const mailer = "mailer" in options ? (options.mailer ?? null) : getMailer();
  /** Sends an account mail, or fails the request with a message the person can act on. */
  const sendAccountMail = async (message: MailMessage) => {
    if (!mailer) {
      throw new APIError("SERVICE_UNAVAILABLE", {
        code: SIGN_IN_ERROR_CODES.MAIL_UNAVAILABLE,
        message: "This site cannot send mail (SMTP_URL is not set), so it cannot send the link.",
      });
    }
    try {
      await mailer.send(message);
    } catch (error) {
      console.error(`[auth] mail "${message.subject}" through ${mailer.describe} failed:`, error);
      throw new APIError("SERVICE_UNAVAILABLE", {
        code: SIGN_IN_ERROR_CODES.MAIL_UNAVAILABLE,
        message: MAIL_UNAVAILABLE_MESSAGE,
      });
    }
  };
  /** Who is trying to sign in: the account, the trusted address, the known device if any. */
  const subjectOf = async (
    ctx: {
      headers?: Headers;
      context: { secret: string; createAuthCookie: (name: string) => { name: string } };
    } & {
      getSignedCookie: (key: string, secret: string) => Promise<string | false | null>;
    },
    email: string,
  ): Promise<SignInSubject> => {
    const cookieName = ctx.context.createAuthCookie(KNOWN_DEVICE_COOKIE).name;
    const signed = ctx.headers ? await ctx.getSignedCookie(cookieName, ctx.context.secret) : null;
    return {
      email,
      address: clientAddressOf(ctx.headers, trustProxy),
      knownDevice: knownDeviceFor(signed, email),
    };
  };
  const secureCookies = usesSecureCookies({ readerUrl, adminUrl });

  return betterAuth({
    appName: "Dispatch",
    secret,
    // One configuration serves both apps: the host of each request picks its base URL.
    baseURL: {
      allowedHosts: [new URL(readerUrl).host, new URL(adminUrl).host, "localhost:*", "127.0.0.1:*"],
      fallback: adminUrl,
    },
    trustedOrigins: [readerUrl, adminUrl],
    database: prismaAdapter(db, { provider: "postgresql" }),
    emailAndPassword: {
      enabled: true,
      // Open or closed by the site's setting, checked per request in hooks.before below.
      disableSignUp: false,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: MAX_PASSWORD_LENGTH,
      // A new account signs in once its address is verified (the link signs it in).
      requireEmailVerification: true,
      autoSignIn: false,
      resetPasswordTokenExpiresIn: RESET_LINK_MINUTES * 60,
      revokeSessionsOnPasswordReset: true,
      sendResetPassword: async ({ user, token }) => {
        // Reset links are rows in Verification whose value is the account's id.
        const since = new Date(Date.now() - RESET_MAIL_WINDOW_MINUTES * 60_000);
        const recent = await db.verification.count({ where: { value: user.id, createdAt: { gte: since } } });
        if (recent > RESET_MAILS_PER_WINDOW) {
          console.warn(
            `[auth] password reset for ${user.id}: ${recent} links in ${RESET_MAIL_WINDOW_MINUTES} min, no more mail`,
          );
          return;
        }
        const url = `${readerUrl}/reset-password?token=${encodeURIComponent(token)}`;
        await sendAccountMail(passwordResetMail({ to: user.email, name: user.name, url }));
      },
      // The form answers the same whether the address is taken or not; its owner learns by mail.
      onExistingUserSignUp: async ({ user }) => {
        await sendAccountMail(
          existingAccountMail({ to: user.email, name: user.name, signInUrl: `${readerUrl}/sign-in` }),
        );
      },
    },
    emailVerification: {
      sendOnSignUp: true,
      // Signing in with the right password but an unverified address sends a fresh link.
      sendOnSignIn: true,
      autoSignInAfterVerification: true,
      expiresIn: VERIFICATION_LINK_HOURS * 60 * 60,
      sendVerificationEmail: async ({ user, token }) => {
        const url = `${readerUrl}/verify-email?token=${encodeURIComponent(token)}`;
        await sendAccountMail(verificationMail({ to: user.email, name: user.name, url }));
      },
    },
    // Reset tokens are stored hashed: a copy of the database does not hold working links.
    verification: { storeIdentifier: "hashed" },
    user: {
      additionalFields: {
        // input: false — sign-up and update-user ignore it; only admins change roles.
        role: { type: [...ROLES], required: false, defaultValue: "reader", input: false },
        disabled: { type: "boolean", required: false, defaultValue: false, input: false },
      },
    },
    session: {
      expiresIn: 60 * 60 * 24 * 7,
      updateAge: 60 * 60 * 24,
    },
    // Better Auth's own limiter counts every request per path, in memory unless configured,
    // and only on HTTP calls. Sign-in — the endpoint worth guessing at — is throttled below
    // on failures, per account and per address, in PostgreSQL, for HTTP and server actions
    // alike; reset mails are capped per account (sendResetPassword); the other endpoints need
    // a session or a token sent by mail.
    rateLimit: { enabled: false },
    advanced: {
      cookiePrefix: COOKIE_PREFIX,
      useSecureCookies: secureCookies,
      trustedProxyHeaders: trustProxy,
      ...(cookieDomain ? { crossSubDomainCookies: { enabled: true, domain: cookieDomain } } : {}),
      // Without a proxy we run in front, X-Forwarded-For is whatever the client says: keep
      // it out of the session records.
      ipAddress: trustProxy ? { ipAddressHeaders: ["x-forwarded-for"] } : { disableIpTracking: true },
      // Better Auth turns its Origin (CSRF) check off by itself when NODE_ENV is "test" or TEST
      // is set; a session must never be usable from another site whatever the environment says.
      disableOriginCheck: false,
      disableCSRFCheck: false,
    },
    telemetry: { enabled: false },
    databaseHooks: {
      session: {
        create: {
          // Runs after the password checked out, so "disabled" is only told to its owner.
          before: async (session) => {
            const user = await db.user.findUnique({
              where: { id: session.userId },
              select: { disabled: true },
            });
            if (user?.disabled) {
              throw new APIError("FORBIDDEN", {
                code: SIGN_IN_ERROR_CODES.ACCOUNT_DISABLED,
                message: ACCOUNT_DISABLED_MESSAGE,
              });
            }
          },
        },
      },
    },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path === "/sign-up/email") {
          const status = await getSignUpStatus(db, mailer);
          if (!status.open)
            throw new APIError("FORBIDDEN", {
              code: SIGN_IN_ERROR_CODES.SIGN_UP_CLOSED,
              message: status.message,
            });
          return;
        }
        if (ctx.path !== "/sign-in/email") return;
        const email = emailOf(ctx.body);
        if (!email) return;
        const lockout = await findLockout(db, await subjectOf(ctx, email), limits);
        if (lockout) throw lockoutError(lockout);
      }),
      after: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== "/sign-in/email") return;
        const email = emailOf(ctx.body);
        if (!email) return;
        const subject = await subjectOf(ctx, email);
        const returned = ctx.context.returned;
        if (!isAPIError(returned)) {
          await recordSuccess(db, subject, limits);
          // Mark this browser as one the account signs in on, so guessing elsewhere cannot
          // lock its owner out of it.
          const cookie = ctx.context.createAuthCookie(KNOWN_DEVICE_COOKIE, { maxAge: KNOWN_DEVICE_MAX_AGE });
          const device = subject.knownDevice ?? randomUUID();
          await ctx.setSignedCookie(
            cookie.name,
            `${device}:${emailDigest(email)}`,
            ctx.context.secret,
            cookie.attributes,
          );
          return;
        }
        // Only a wrong email or password counts; a lockout or a disabled account does not.
        if (returned.statusCode !== 401) return;
        const lockout = await recordFailure(db, subject, limits);
        if (!lockout) return;
        const error = lockoutError(lockout);
        // Over HTTP an error thrown here would keep the endpoint's 401 status; answer 429.
        if (ctx.request) {
          return new Response(JSON.stringify(error.body), {
            status: 429,
            headers: { "content-type": "application/json", "retry-after": String(lockout.retryAfterSeconds) },
          });
        }
        throw error;
      }),
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;

const globalForAuth = globalThis as unknown as { dispatchAuth?: Auth };

/** The process's shared instance on the shared database client (kept across dev reloads). */
export function getAuth(): Auth {
  globalForAuth.dispatchAuth ??= createAuth(getDb());
  return globalForAuth.dispatchAuth;
}

/**
 * GET/POST handlers for an app's `/api/auth/[...all]` route. The instance is resolved per
 * request, not at import: `next build` loads route modules without the runtime environment.
 */
export function createAuthRouteHandlers() {
  return toNextJsHandler((request: Request) => getAuth().handler(request));
}
