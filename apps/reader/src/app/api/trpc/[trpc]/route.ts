// The HTTP face of the reader: the public reads, and a signed-in reader's follows. Editor and
// admin procedures are not mounted here at all; the admin app serves them.
import { createTrpcHandler, readerTrpcRouter } from "@dispatch/api";
import { getAuthEnv } from "@dispatch/auth";
import { createRequestContext } from "~/server/context";

export const dynamic = "force-dynamic";

const handler = createTrpcHandler({
  router: readerTrpcRouter,
  createContext: (req) => createRequestContext(req.headers),
  ownOrigins: () => [getAuthEnv().readerUrl],
});

export { handler as GET, handler as POST };
