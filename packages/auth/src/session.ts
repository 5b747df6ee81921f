// Who is signed in: the session cookie in a request's headers, checked against PostgreSQL.
import type { Auth } from "./auth";
import { getAuth } from "./auth";
import { ROLES, type RoleName, type SessionUser } from "./roles";

function isRole(value: unknown): value is RoleName {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/**
 * The signed-in user for these request headers, or null when signed out, the session expired,
 * or the account has been disabled since. Never refreshes the cookie: server components
 * cannot set one.
 */
export async function getSessionUser(headers: Headers, auth: Auth = getAuth()): Promise<SessionUser | null> {
  const session = await auth.api.getSession({ headers, query: { disableRefresh: true } });
  if (!session) return null;
  const { user } = session;
  if (user.disabled === true || !isRole(user.role)) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
