// @dispatch/mail: sending mail through SMTP_URL. The development and test SMTP server that
// catches mail is `@dispatch/mail/catcher`.
export {
  createMailer,
  getMailer,
  redactSmtpUrl,
  type Mailer,
  type MailMessage,
  type SentMail,
} from "./mailer";
export { getMailEnv, parseMailEnv, type MailEnv } from "./env";
export { digestMail, type DigestMailInput, type DigestItemKind } from "./digest-mail";
