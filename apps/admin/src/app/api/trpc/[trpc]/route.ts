// The HTTP face of the shared routers, for client components and other callers.
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "@dispatch/api";
import { createRequestContext } from "~/server/context";

export const dynamic = "force-dynamic";

function handler(req: Request) {
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: () => createRequestContext(req.headers),
  });
}

export { handler as GET, handler as POST };
