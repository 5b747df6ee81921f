import type { NextConfig } from "next";
import { STATIC_SECURITY_HEADERS } from "@dispatch/auth/security-headers";
import { getDevOrigins } from "@dispatch/ui/dev-origins";

const config: NextConfig = {
  // Workspace packages ship TypeScript source, compiled here.
  transpilePackages: [
    "@dispatch/api",
    "@dispatch/auth",
    "@dispatch/briefing",
    "@dispatch/db",
    "@dispatch/ingest",
    "@dispatch/ui",
  ],
  // Native-ish Node packages stay outside the bundle.
  serverExternalPackages: [
    "pg",
    "@prisma/adapter-pg",
    "@electric-sql/pglite",
    "@electric-sql/pglite-socket",
    "linkedom",
    "pg-boss",
  ],
  poweredByHeader: false,
  // `next dev` serves its scripts only to the hosts listed here (and localhost): this
  // machine's addresses, so the app hydrates at 127.0.0.1 and at the network address too.
  allowedDevOrigins: getDevOrigins(),
  typedRoutes: false,
  // nosniff, no framing, a referrer policy: on every response, API and assets included. The
  // per-request Content-Security-Policy (with its nonce) is added to pages by src/proxy.ts.
  async headers() {
    return [{ source: "/:path*", headers: [...STATIC_SECURITY_HEADERS] }];
  },
};

export default config;
