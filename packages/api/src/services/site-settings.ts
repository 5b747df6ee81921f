// Site-wide settings admins change (the admin app's Settings page): for now whether readers
// may sign up. Reading lives in @dispatch/auth, which enforces it; changing it is audited here.
import { getSiteSettings, type SiteSettings } from "@dispatch/auth";
import type { Db } from "@dispatch/db";
import { recordAudit, type Actor } from "./audit";

export type SiteSettingsView = SiteSettings & {
  /** Whether this server can send mail (SMTP_URL); sign-up needs it whatever the setting says. */
  mailConfigured: boolean;
};

export async function getSiteSettingsView(
  db: Db,
  deps: { mailConfigured: boolean },
): Promise<SiteSettingsView> {
  return { ...(await getSiteSettings(db)), mailConfigured: deps.mailConfigured };
}

export type SiteSettingsChange = { readerSignUp: boolean };

/** Changes the settings and records the change (from → to) in the audit log, in one transaction. */
export async function updateSiteSettings(
  db: Db,
  actor: Actor,
  change: SiteSettingsChange,
  deps: { mailConfigured: boolean },
): Promise<SiteSettingsView> {
  await db.$transaction(async (tx) => {
    const before = await tx.siteSetting.upsert({
      where: { id: 1 },
      create: { id: 1 },
      update: {},
      select: { readerSignUp: true },
    });
    await tx.siteSetting.update({ where: { id: 1 }, data: { readerSignUp: change.readerSignUp } });
    await recordAudit(tx, actor, {
      action: "settings.update",
      entityType: "settings",
      entityId: "site",
      details: { readerSignUp: { from: before.readerSignUp, to: change.readerSignUp } },
    });
  });
  return getSiteSettingsView(db, deps);
}
