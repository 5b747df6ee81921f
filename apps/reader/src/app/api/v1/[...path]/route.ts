// The public read API: plain REST routes over the reader's public procedures, for anyone to
// call (documented at /developers and /api/openapi.json). Anonymous: no session is read, so
// any site may call it.
import { createInnerContext, createOpenApiHandler, readerRouter } from "@dispatch/api";
import { getDb } from "@dispatch/db";
import { PUBLIC_CACHE_CONTROL } from "~/server/cache-policy";

export const dynamic = "force-dynamic";

const handler = createOpenApiHandler({
  router: readerRouter,
  createContext: async () => createInnerContext({ db: getDb(), user: null, via: "api" }),
});

// A read's answer is the same for everyone: shared caches may keep it as briefly as the pages
// (cache-policy.ts), so a burst of readers of one briefing reaches the reader once. Errors keep
// the handler's no-store, and the one POST (the passages list) is not cached.
async function read(request: Request): Promise<Response> {
  const response = await handler(request);
  if (response.status !== 200) return response;
  const headers = new Headers(response.headers);
  headers.set("Cache-Control", PUBLIC_CACHE_CONTROL);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

export { read as GET, read as HEAD, handler as POST, handler as OPTIONS };
