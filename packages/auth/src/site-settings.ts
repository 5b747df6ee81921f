// The site-wide settings auth needs to read (the SiteSetting row; the API writes it), and
// whether the reader's sign-up is open: admins can close it, and without mail it cannot work.
import type { Db } from "@dispatch/db";
import { getMailer, type Mailer } from "@dispatch/mail";

export type SiteSettings = { readerSignUp: boolean; updatedAt: Date };

/** The settings row (its migration creates it; the defaults stand in if it was deleted). */
export async function getSiteSettings(db: Db): Promise<SiteSettings> {
  const row = await db.siteSetting.findUnique({
    where: { id: 1 },
    select: { readerSignUp: true, updatedAt: true },
  });
  return row ?? { readerSignUp: true, updatedAt: new Date(0) };
}

export type SignUpStatus = { open: true } | { open: false; reason: "closed" | "no_mail"; message: string };

export const SIGN_UP_CLOSED_MESSAGE =
  "Sign-up is closed on this site: new reader accounts are not being created. If you have an account, sign in.";
export const NO_MAIL_MESSAGE =
  "Sign-up is unavailable: this site cannot send mail (SMTP_URL is not set), so it could not verify your address.";

/** Whether a visitor may create a reader account now, and if not, why, in words for them. */
export async function getSignUpStatus(db: Db, mailer: Mailer | null = getMailer()): Promise<SignUpStatus> {
  if (!(await getSiteSettings(db)).readerSignUp)
    return { open: false, reason: "closed", message: SIGN_UP_CLOSED_MESSAGE };
  if (!mailer) return { open: false, reason: "no_mail", message: NO_MAIL_MESSAGE };
  return { open: true };
}
