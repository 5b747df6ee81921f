// Settings (admins): site-wide switches. For now whether readers may create accounts on the
// reader, with whether this server can send the mail sign-up needs.
import type { Metadata } from "next";
import { getCaller } from "~/server/context";
import { isAdmin, requireStaff, RoleNotice } from "~/server/page-access";
import { SettingsForm } from "./settings-form";

export const metadata: Metadata = { title: "Settings" };
export const dynamic = "force-dynamic";

export default async function SettingsPage() {
  const user = await requireStaff();
  if (!isAdmin(user)) {
    return (
      <>
        <h1>Settings</h1>
        <RoleNotice needs="admin" user={user} />
      </>
    );
  }
  const settings = await (await getCaller()).setting.get();
  return (
    <>
      <h1>Settings</h1>
      <SettingsForm settings={settings} />
    </>
  );
}
