// The auth package's environment, validated once. In production a missing AUTH_SECRET stops
// start-up with a message naming it; in development and tests a labelled fallback is used.
import { z } from "zod";

/** Used only when NODE_ENV is not "production"; sessions signed with it are not secret. */
export const DEVELOPMENT_AUTH_SECRET = "dispatch-development-secret-NOT-FOR-PRODUCTION-0000";

const publicUrl = z
  .string()
  .trim()
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === "http:" || url.protocol === "https:";
    } catch {
      return false;
    }
  }, "must be an http(s) URL such as https://admin.example.com")
  .transform((value) => new URL(value).origin);

const flag = z.enum(["true", "false", "1", "0"]).transform((value) => value === "true" || value === "1");

export const authEnvSchema = z.object({
  NODE_ENV: z.string().optional(),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters (try `openssl rand -base64 32`)").optional(),
  /** Where readers reach the reader app; trusted as an origin and used for links. */
  DISPATCH_READER_URL: publicUrl.default("http://localhost:3000"),
  /** Where staff reach the admin app. */
  DISPATCH_ADMIN_URL: publicUrl.default("http://localhost:3001"),
  /** Behind a TLS-terminating proxy: trust X-Forwarded-Proto/Host/For from it. */
  DISPATCH_TRUST_PROXY: flag.default(false),
  /** Share the session cookie across subdomains (e.g. `example.com` for reader. and admin.). */
  DISPATCH_COOKIE_DOMAIN: z.string().trim().min(1).optional(),
});

export type AuthEnv = {
  secret: string;
  /** True when the fallback secret is in use, so start-up can say so. */
  usingDevelopmentSecret: boolean;
  readerUrl: string;
  adminUrl: string;
  trustProxy: boolean;
  cookieDomain: string | undefined;
};

export class AuthEnvError extends Error {
  override readonly name = "AuthEnvError";
}

/** Validates the variables this package reads; throws an AuthEnvError naming each bad one. */
export function parseAuthEnv(source: Record<string, string | undefined>): AuthEnv {
  const cleaned = Object.fromEntries(
    Object.entries(source).filter(([key, value]) => key in authEnvSchema.shape && value !== undefined && value !== ""),
  );
  const result = authEnvSchema.safeParse(cleaned);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new AuthEnvError(`Invalid environment:\n  ${problems.join("\n  ")}`);
  }
  const env = result.data;
  if (!env.AUTH_SECRET && env.NODE_ENV === "production") {
    throw new AuthEnvError(
      "AUTH_SECRET is not set. It signs session cookies; set it to a random value of at least 32 " +
        "characters (e.g. `openssl rand -base64 32`) before starting in production.",
    );
  }
  return {
    secret: env.AUTH_SECRET ?? DEVELOPMENT_AUTH_SECRET,
    usingDevelopmentSecret: !env.AUTH_SECRET,
    readerUrl: env.DISPATCH_READER_URL,
    adminUrl: env.DISPATCH_ADMIN_URL,
    trustProxy: env.DISPATCH_TRUST_PROXY,
    cookieDomain: env.DISPATCH_COOKIE_DOMAIN,
  };
}

let cached: AuthEnv | undefined;

/** The process's validated auth environment (parsed on first use, then cached). */
export function getAuthEnv(): AuthEnv {
  cached ??= parseAuthEnv(process.env);
  return cached;
}

/**
 * For an app's start-up (instrumentation.ts): validates the environment now and, when it is
 * wrong, prints what to fix and ends the process — rather than serving a 500 on every request.
 */
export function exitOnInvalidAuthEnv(app: string): void {
  try {
    getAuthEnv();
  } catch (error) {
    if (!(error instanceof AuthEnvError)) throw error;
    console.error(`[${app}] cannot start: ${error.message}`);
    process.exit(1);
  }
}
