// The admin's environment: the database's and auth's schemas (it reads nothing of its own),
// checked once when the server starts (instrumentation.ts) so a bad value stops it naming the variable.
import { getAuthEnv } from "@dispatch/auth/env";
import { exitOnInvalidEnv, getServerDbEnv } from "@dispatch/db/env";

/** Start-up: every variable the admin's server reads, all problems in one message. */
export function validateAdminEnv(): void {
  exitOnInvalidEnv("admin", [getServerDbEnv, getAuthEnv]);
}
