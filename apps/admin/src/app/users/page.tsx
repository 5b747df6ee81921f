// Users (admins): every account, invitations, roles, and disabling.
import type { Metadata } from "next";
import { getCaller } from "~/server/context";
import { isAdmin, requireStaff, RoleNotice } from "~/server/page-access";
import { UserAdmin } from "./user-admin";

export const metadata: Metadata = { title: "Users" };
export const dynamic = "force-dynamic";

export default async function UsersPage() {
  const user = await requireStaff();
  if (!isAdmin(user)) {
    return (
      <>
        <h1>Users</h1>
        <RoleNotice needs="admin" user={user} />
      </>
    );
  }
  const caller = await getCaller();
  const users = await caller.user.list();
  return (
    <>
      <h1>Users</h1>
      <UserAdmin users={users} currentUserId={user.id} />
    </>
  );
}
