// The HTTP face of the app router, for client components and other callers. Mutations sent
// from another site are refused (see @dispatch/api's http.ts).
import { appRouter, createTrpcHandler } from "@dispatch/api";
import { getAuthEnv } from "@dispatch/auth";
import { createRequestContext } from "~/server/context";

export const dynamic = "force-dynamic";

const handler = createTrpcHandler({
  router: appRouter,
  createContext: (req) => createRequestContext(req.headers),
  // Read per request: `next build` loads this module without the runtime environment.
  ownOrigins: () => [getAuthEnv().adminUrl],
});

export { handler as GET, handler as POST };
