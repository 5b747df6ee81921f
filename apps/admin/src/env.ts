// The admin's environment: the database's, auth's and mail's schemas (it reads nothing of its own),
// checked once when the server starts (instrumentation.ts) so a bad value stops it naming the variable.
import { getAuthEnv } from "@dispatch/auth/env";
import { exitOnInvalidEnv, getServerDbEnv } from "@dispatch/db/env";
import { getMailEnv } from "@dispatch/mail/env";

/** Start-up: every variable the admin's server reads, all problems in one message. */
export function validateAdminEnv(): void {
  exitOnInvalidEnv("admin", [getServerDbEnv, getAuthEnv, getMailEnv]);
}
