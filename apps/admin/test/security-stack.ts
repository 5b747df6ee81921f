// The security suite's own stack: a fresh database, the built admin and reader apps served on
// it with one session secret, and session cookies for an account of each role, minted through
// the same sign-in code the apps use. Kept apart from the journeys' shared database, because
// the suite fills its database with hostile text and calls every procedure.
import { createAuth, createUser, signInWithPassword, type RoleName, type SessionUser } from "@dispatch/auth";
import { createTestDatabase, type TestDatabase } from "@dispatch/db/testing";
import { startBuiltApp } from "@dispatch/ui/testing";

const AUTH_SECRET = "security-suite-secret-0123456789abcdef012345";

export type SignedInAccount = { user: SessionUser; password: string; cookie: string };

export type SecurityStack = {
  database: TestDatabase;
  adminUrl: string;
  readerUrl: string;
  /** Creates an account and signs it in: the cookie header both apps accept. */
  signInAs: (role: RoleName, name?: string) => Promise<SignedInAccount>;
  stop: () => Promise<void>;
};

let accountCount = 0;

export async function startSecurityStack(
  seed?: (database: TestDatabase) => Promise<void>,
): Promise<SecurityStack> {
  const database = await createTestDatabase();
  if (seed) await seed(database);
  const env = { DATABASE_URL: database.url, AUTH_SECRET };
  const [admin, reader] = await Promise.all([startBuiltApp("admin", env), startBuiltApp("reader", env)]);
  const auth = createAuth(database.db, { secret: AUTH_SECRET, adminUrl: admin.url, readerUrl: reader.url });
  return {
    database,
    adminUrl: admin.url,
    readerUrl: reader.url,
    signInAs: async (role, name) => {
      accountCount += 1;
      const email = `security-${role}-${accountCount}@dispatch.test`;
      const { user, password } = await createUser(database.db, { email, role, ...(name ? { name } : {}) });
      const result = await signInWithPassword({ email, password, headers: new Headers() }, auth);
      if (!result.ok) throw new Error(`could not sign in the ${role} account: ${result.message}`);
      const cookie = result.setCookies.map((line) => line.split(";")[0]).join("; ");
      return { user, password, cookie };
    },
    stop: async () => {
      await Promise.all([admin.stop(), reader.stop()]);
      await database.drop();
    },
  };
}
