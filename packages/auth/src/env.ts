// The auth package's environment, validated once. In production a missing AUTH_SECRET stops
// start-up with a message naming it; in development and tests a labelled fallback is used.
import { z } from "zod";
import { EnvError, publicUrl, readEnv } from "@dispatch/db/env";

/** Used only when NODE_ENV is not "production"; sessions signed with it are not secret. */
export const DEVELOPMENT_AUTH_SECRET = "dispatch-development-secret-NOT-FOR-PRODUCTION-0000";

const flag = z
  .enum(["true", "false", "1", "0"], { error: "must be true or false" })
  .transform((value) => value === "true" || value === "1");

export const authEnvSchema = z.object({
  NODE_ENV: z.string().optional(),
  /** Set by Next: "phase-production-build" while `next build` evaluates server modules. */
  NEXT_PHASE: z.string().optional(),
  /** Signs session cookies; required in production. */
  AUTH_SECRET: z
    .string()
    .min(32, "must be at least 32 characters (try `openssl rand -base64 32`)")
    .optional(),
  /** Where readers reach the reader app; trusted as an origin and used for links. */
  DISPATCH_READER_URL: publicUrl("https://news.example.com").optional(),
  /** Where staff reach the admin app. */
  DISPATCH_ADMIN_URL: publicUrl("https://admin.example.com").default("http://localhost:3001"),
  /** Behind a TLS-terminating proxy: trust X-Forwarded-Proto/Host/For from it. */
  DISPATCH_TRUST_PROXY: flag.default(false),
  /** Share the session cookie across subdomains (e.g. `example.com` for reader. and admin.). */
  DISPATCH_COOKIE_DOMAIN: z.string().trim().min(1).optional(),
});

export type AuthEnv = {
  secret: string;
  /** True when the fallback secret is in use, so start-up can say so. */
  usingDevelopmentSecret: boolean;
  /** DISPATCH_READER_URL's origin, or http://localhost:3000. */
  readerUrl: string;
  /** DISPATCH_READER_URL's origin when it is set (the reader falls back to its own port). */
  configuredReaderUrl: string | undefined;
  adminUrl: string;
  trustProxy: boolean;
  cookieDomain: string | undefined;
};

/** Validates the variables this package reads; throws an EnvError naming each bad one. */
export function parseAuthEnv(source: Record<string, string | undefined>): AuthEnv {
  const env = readEnv(authEnvSchema, source);
  // `next build` evaluates server modules (layout metadata, robots, sitemap) to prerender; the
  // secret signs cookies at run time, so it is required when the server starts, not to build.
  if (!env.AUTH_SECRET && env.NODE_ENV === "production" && env.NEXT_PHASE !== "phase-production-build") {
    throw new EnvError([
      "AUTH_SECRET is not set: it signs session cookies. Set it to a random value of at least 32 " +
        "characters (e.g. `openssl rand -base64 32`) before starting in production.",
    ]);
  }
  return {
    secret: env.AUTH_SECRET ?? DEVELOPMENT_AUTH_SECRET,
    usingDevelopmentSecret: !env.AUTH_SECRET,
    readerUrl: env.DISPATCH_READER_URL ?? "http://localhost:3000",
    configuredReaderUrl: env.DISPATCH_READER_URL,
    adminUrl: env.DISPATCH_ADMIN_URL,
    trustProxy: env.DISPATCH_TRUST_PROXY,
    cookieDomain: env.DISPATCH_COOKIE_DOMAIN,
  };
}

let cached: AuthEnv | undefined;

/** The process's validated auth environment (parsed once, then cached). */
export function getAuthEnv(): AuthEnv {
  cached ??= parseAuthEnv(process.env);
  return cached;
}
