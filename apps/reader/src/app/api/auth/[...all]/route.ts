// Better Auth's HTTP endpoints (sign-in, sign-out, session) on the session table both apps share.
import { createAuthRouteHandlers } from "@dispatch/auth";

export const dynamic = "force-dynamic";

export const { GET, POST } = createAuthRouteHandlers();
