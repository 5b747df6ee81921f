import type { NextConfig } from "next";

const config: NextConfig = {
  // Workspace packages ship TypeScript source, compiled here.
  transpilePackages: ["@dispatch/api", "@dispatch/auth", "@dispatch/briefing", "@dispatch/db", "@dispatch/ingest", "@dispatch/ui"],
  // Native-ish Node packages stay outside the bundle.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "@electric-sql/pglite", "@electric-sql/pglite-socket", "linkedom", "pg-boss"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default config;
