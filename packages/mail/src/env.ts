// The mail package's environment, validated once: where mail goes (SMTP_URL) and who it is
// from. Unset SMTP_URL means this process cannot send mail; the features that need it say so.
import { z } from "zod";
import { readEnv } from "@dispatch/db/env";

const smtpUrl = z
  .string()
  .trim()
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === "smtp:" || url.protocol === "smtps:") && url.hostname !== "";
    } catch {
      return false;
    }
  }, "must be an SMTP URL such as smtp://user:password@mail.example.com:587 (smtps:// for TLS from the start)");

export const mailEnvSchema = z.object({
  /** Where mail is sent: an SMTP server. `pnpm dev` starts a catcher and sets it. */
  SMTP_URL: smtpUrl.optional(),
  /** The From line of every mail, e.g. `Dispatch <news@example.com>`. */
  DISPATCH_MAIL_FROM: z
    .string()
    .trim()
    .regex(/@/, "must be an address such as news@example.com or Dispatch <news@example.com>")
    .default("Dispatch <no-reply@localhost>"),
});

export type MailEnv = { smtpUrl: string | undefined; from: string };

/** Validates the variables this package reads; throws an EnvError naming each bad one. */
export function parseMailEnv(source: Record<string, string | undefined>): MailEnv {
  const env = readEnv(mailEnvSchema, source);
  return { smtpUrl: env.SMTP_URL, from: env.DISPATCH_MAIL_FROM };
}

let cached: MailEnv | undefined;

/** The process's validated mail environment (parsed once, then cached). */
export function getMailEnv(): MailEnv {
  cached ??= parseMailEnv(process.env);
  return cached;
}
