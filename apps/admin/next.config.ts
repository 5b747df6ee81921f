import type { NextConfig } from "next";
import { STATIC_SECURITY_HEADERS } from "@dispatch/auth/security-headers";
import { sharedNextConfig } from "@dispatch/ui/next-config";

const config: NextConfig = {
  ...sharedNextConfig,
  // nosniff, no framing, a referrer policy: on every response, API and assets included. The
  // per-request Content-Security-Policy (with its nonce) is added to pages by src/proxy.ts.
  async headers() {
    return [{ source: "/:path*", headers: [...STATIC_SECURITY_HEADERS] }];
  },
};

export default config;
