// The mails accounts get: verify the address, reset the password, and "you already have an
// account" (sent instead of a second account, so the sign-up form never says which addresses
// are taken). Each has a plain-text part and an HTML part with every value escaped.
import type { MailMessage } from "@dispatch/mail";
import { escapeHtml } from "@dispatch/mail/html";

export const VERIFICATION_LINK_HOURS = 24;
export const RESET_LINK_MINUTES = 60;

function compose(input: {
  to: string;
  subject: string;
  greeting: string;
  lines: string[];
  link: { url: string; label: string };
  after: string[];
}): MailMessage {
  const text = [
    input.greeting,
    "",
    ...input.lines,
    "",
    `${input.link.label}: ${input.link.url}`,
    "",
    ...input.after,
    "",
    "— Dispatch",
  ].join("\n");
  const paragraphs = (lines: string[]) => lines.map((line) => `<p>${escapeHtml(line)}</p>`).join("\n");
  const html = `<!doctype html><html lang="en"><body style="font-family:system-ui,sans-serif;line-height:1.5;max-width:36rem">
<p>${escapeHtml(input.greeting)}</p>
${paragraphs(input.lines)}
<p><a href="${escapeHtml(input.link.url)}" style="display:inline-block;padding:.5rem 1rem;background:#1f3b5c;color:#fff;text-decoration:none;border-radius:4px">${escapeHtml(input.link.label)}</a></p>
<p style="font-size:13px;color:#555">Or paste this address into your browser: ${escapeHtml(input.link.url)}</p>
${paragraphs(input.after)}
<p>— Dispatch</p>
</body></html>`;
  return { to: input.to, subject: input.subject, text, html };
}

export function verificationMail(input: { to: string; name: string; url: string }): MailMessage {
  return compose({
    to: input.to,
    subject: "Verify your email address for Dispatch",
    greeting: `Hello ${input.name},`,
    lines: [
      "You (or someone using this address) created a reader account on Dispatch.",
      `Open the link below to verify the address. It works once, for ${VERIFICATION_LINK_HOURS} hours.`,
    ],
    link: { url: input.url, label: "Verify my email address" },
    after: ["If you did not sign up, ignore this mail: no account is usable until the address is verified."],
  });
}

export function passwordResetMail(input: { to: string; name: string; url: string }): MailMessage {
  return compose({
    to: input.to,
    subject: "Reset your Dispatch password",
    greeting: `Hello ${input.name},`,
    lines: [
      "Someone asked to reset the password of the Dispatch account for this address.",
      `Open the link below to choose a new one. It works once, for ${RESET_LINK_MINUTES} minutes; signing in with the new password ends your other sessions.`,
    ],
    link: { url: input.url, label: "Choose a new password" },
    after: ["If you did not ask, ignore this mail: your password stays as it is."],
  });
}

export function existingAccountMail(input: { to: string; name: string; signInUrl: string }): MailMessage {
  return compose({
    to: input.to,
    subject: "You already have a Dispatch account",
    greeting: `Hello ${input.name},`,
    lines: [
      "Someone tried to create a Dispatch account with this address, which already has one, so no second account was made.",
      "If it was you, sign in — and if you have forgotten the password, the sign-in page lets you reset it.",
    ],
    link: { url: input.signInUrl, label: "Sign in" },
    after: ["If it was not you, ignore this mail: nothing changed."],
  });
}
