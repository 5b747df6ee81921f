// What pages need to know about the signed-in account: who it is, and a plain notice for
// pages a role cannot use (the proxy has already sent signed-out visitors to /sign-in).
import { redirect } from "next/navigation";
import { hasRole, type RoleName, type SessionUser } from "@dispatch/auth";
import { getCurrentUser } from "./context";

/** The signed-in editor or admin; anyone else goes to sign in (or the "not for you" page). */
export async function requireStaff(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in");
  if (!hasRole(user.role, "editor")) redirect("/sign-in/not-allowed");
  return user;
}

export function isAdmin(user: SessionUser): boolean {
  return hasRole(user.role, "admin");
}

export function RoleNotice({ needs, user }: { needs: RoleName; user: SessionUser }) {
  return (
    <div className="empty-state" role="status">
      <p>
        <strong>This page needs the {needs} role.</strong> You are signed in as {user.email} ({user.role}).
        Ask an admin if you need access.
      </p>
    </div>
  );
}
