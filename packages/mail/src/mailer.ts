// Sending mail: one nodemailer SMTP transport per process, built from SMTP_URL. Callers hand
// over a finished message (text and HTML); what it says is theirs.
import nodemailer, { type Transporter } from "nodemailer";
import { getMailEnv } from "./env";

export type MailMessage = {
  to: string;
  subject: string;
  /** The plain-text part; every mail has one. */
  text: string;
  html?: string;
  /** Extra headers, e.g. List-Unsubscribe. */
  headers?: Record<string, string>;
};

export type SentMail = { messageId: string };

export type Mailer = {
  /** Where the mail goes, without credentials, for logs and start-up lines. */
  describe: string;
  send: (message: MailMessage) => Promise<SentMail>;
  close: () => void;
};

/** The SMTP URL with its password hidden. */
export function redactSmtpUrl(smtpUrl: string): string {
  const url = new URL(smtpUrl);
  if (url.password) url.password = "***";
  return url.toString();
}

/** A mailer on `smtpUrl` (smtp:// or smtps://), sending as `from`. */
export function createMailer(smtpUrl: string, from: string): Mailer {
  const transport: Transporter = nodemailer.createTransport(smtpUrl);
  return {
    describe: redactSmtpUrl(smtpUrl),
    send: async (message) => {
      const info = (await transport.sendMail({ from, ...message })) as { messageId: string };
      return { messageId: info.messageId };
    },
    close: () => transport.close(),
  };
}

const globalForMail = globalThis as unknown as { dispatchMailer?: Mailer | null };

/** The process's mailer from SMTP_URL, or null when SMTP_URL is unset (no mail can be sent). */
export function getMailer(): Mailer | null {
  if (globalForMail.dispatchMailer === undefined) {
    const env = getMailEnv();
    globalForMail.dispatchMailer = env.smtpUrl ? createMailer(env.smtpUrl, env.from) : null;
  }
  return globalForMail.dispatchMailer;
}
