// The HTTP face of the shared routers, for client components and other callers.
import { createTrpcHandler } from "@dispatch/api";
import { createRequestContext } from "~/server/context";

export const dynamic = "force-dynamic";

const handler = createTrpcHandler((req) => createRequestContext(req.headers));

export { handler as GET, handler as POST };
