// What both Next.js apps configure the same way: workspace packages compiled from source,
// native-ish packages left outside the bundle, and dev servers that hydrate at any of this
// machine's addresses. Each app's next.config.ts adds its own headers (and types the whole).
import { getDevOrigins } from "./dev-origins";

export const sharedNextConfig = {
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
};
