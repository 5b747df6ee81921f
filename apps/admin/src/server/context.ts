// Builds the tRPC context for this app: the shared database client, the session's user
// (null when signed out, or when the account has been disabled since signing in), and the
// worker's job queue, so uploads and tag changes queue suggestions and briefing rebuilds.
import { cache } from "react";
import { headers } from "next/headers";
import { createCaller, createInnerContext, type InnerContext } from "@dispatch/api";
import { getJobQueue } from "@dispatch/api/pg-boss-queue";
import { getSessionUser, type SessionUser } from "@dispatch/auth";
import { getDb } from "@dispatch/db";

export async function createRequestContext(requestHeaders: Headers): Promise<InnerContext> {
  return createInnerContext({
    db: getDb(),
    user: await getSessionUser(requestHeaders),
    via: "ui",
    jobs: getJobQueue(),
  });
}

/** The signed-in user for this render (one session lookup per request). */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => getSessionUser(await headers()));

/** The server-side caller for server components: in-process, no HTTP round trip. */
export const getCaller = cache(async () =>
  createCaller(
    createInnerContext({ db: getDb(), user: await getCurrentUser(), via: "ui", jobs: getJobQueue() }),
  ),
);
