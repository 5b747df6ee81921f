// The public read API: plain REST routes over the reader's public procedures, for anyone to
// call (documented at /developers and /api/openapi.json). Anonymous: no session is read, so
// any site may call it.
import { createInnerContext, createOpenApiHandler, readerRouter } from "@dispatch/api";
import { getDb } from "@dispatch/db";

export const dynamic = "force-dynamic";

const handler = createOpenApiHandler({
  router: readerRouter,
  createContext: async () => createInnerContext({ db: getDb(), user: null, via: "api" }),
});

export { handler as GET, handler as HEAD, handler as POST, handler as OPTIONS };
