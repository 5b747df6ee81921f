import type { NextConfig } from "next";
import { STATIC_SECURITY_HEADERS } from "@dispatch/auth/security-headers";
import { sharedNextConfig } from "@dispatch/ui/next-config";
import { PUBLIC_CACHE_CONTROL, PUBLIC_PAGE_SOURCES, SESSION_COOKIES } from "./src/server/cache-policy";

const config: NextConfig = {
  ...sharedNextConfig,
  // nosniff, no framing, a referrer policy: on every response, API and assets included. The
  // per-request Content-Security-Policy (with its nonce) is added to pages by src/proxy.ts.
  // Public pages requested without a session also say how long browsers and shared caches
  // may keep them (src/server/cache-policy.ts); Next keeps a Cache-Control already set on a
  // dynamic page, and still sends `no-store` with errors.
  async headers() {
    return [
      { source: "/:path*", headers: [...STATIC_SECURITY_HEADERS] },
      ...PUBLIC_PAGE_SOURCES.map((source) => ({
        source,
        missing: SESSION_COOKIES.map((key) => ({ type: "cookie" as const, key })),
        headers: [{ key: "Cache-Control", value: PUBLIC_CACHE_CONTROL }],
      })),
    ];
  },
};

export default config;
