// A real SMTP server that keeps what it receives, for development and tests: `pnpm dev` starts
// one and points SMTP_URL at it, tests start their own on a free port. Mail is parsed with
// mailparser and kept in memory (the newest 500); a small HTTP server shows it as a page
// (`/`), as JSON (`/messages.json`), and each mail's HTML part (`/messages/<id>.html`, under a
// sandboxing CSP, since it is whatever was sent).
import { EventEmitter } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { simpleParser, type AddressObject } from "mailparser";
import { SMTPServer } from "smtp-server";
import { escapeHtml } from "./html";

export type CaughtMail = {
  id: number;
  receivedAt: string;
  from: string;
  /** The envelope's recipients, lower-cased. */
  to: string[];
  subject: string;
  text: string;
  html: string | null;
  headers: Record<string, string>;
  /** Every http(s) link in the text part, in order. */
  links: string[];
};

export type MailCatcher = {
  /** What SMTP_URL should be: smtp://127.0.0.1:<port>. */
  smtpUrl: string;
  /** The page listing caught mail; `${webUrl}/messages.json` is the same as JSON. */
  webUrl: string;
  messages: () => CaughtMail[];
  /**
   * The first mail (already caught or still to come) for which `match` holds. Rejects after
   * `timeoutMs` with what was caught instead, so a test that gets no mail says why.
   */
  waitForMail: (match: (mail: CaughtMail) => boolean, timeoutMs?: number) => Promise<CaughtMail>;
  clear: () => void;
  stop: () => Promise<void>;
};

export type MailCatcherOptions = {
  /** SMTP port (0, the default, picks a free one). */
  smtpPort?: number;
  /** HTTP port for the page and JSON (0, the default, picks a free one). */
  webPort?: number;
  /** Interface to listen on; 127.0.0.1 by default (nothing outside this machine). */
  host?: string;
};

const KEEP = 500;
const MAX_SIZE = 10 * 1024 * 1024;

function addressText(address: AddressObject | AddressObject[] | undefined): string {
  if (!address) return "";
  return (Array.isArray(address) ? address : [address]).map((entry) => entry.text).join(", ");
}

function linksIn(text: string): string[] {
  return [...text.matchAll(/https?:\/\/[^\s<>"')\]]+/g)].map((match) => match[0]);
}

function renderIndex(messages: CaughtMail[], smtpUrl: string): string {
  const rows = messages
    .slice()
    .reverse()
    .map(
      (mail) => `<article>
<h2>${escapeHtml(mail.subject || "(no subject)")}</h2>
<p class="meta">#${mail.id} · ${escapeHtml(mail.receivedAt)} · from ${escapeHtml(mail.from)} to ${escapeHtml(mail.to.join(", "))}${
        mail.html ? ` · <a href="/messages/${mail.id}.html">HTML part</a>` : ""
      }</p>
<pre>${escapeHtml(mail.text)}</pre>
${mail.links.length ? `<ul>${mail.links.map((link) => `<li><a href="${escapeHtml(link)}">${escapeHtml(link)}</a></li>`).join("")}</ul>` : ""}
</article>`,
    )
    .join("\n");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Caught mail (${messages.length})</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem}article{border-top:1px solid #ccc;padding:1rem 0}.meta{color:#555;font-size:13px}pre{white-space:pre-wrap;background:#f6f6f6;padding:.75rem}</style>
</head><body><h1>Caught mail</h1>
<p>Mail sent to ${escapeHtml(smtpUrl)} is kept here (in memory, newest first, the last ${KEEP}); nothing leaves this machine. <a href="/messages.json">JSON</a></p>
${rows || "<p>No mail yet.</p>"}
</body></html>`;
}

async function listen(
  server: {
    listen: (port: number, host: string, cb: () => void) => unknown;
    once: (event: "error", cb: (error: Error) => void) => unknown;
  },
  port: number,
  host: string,
  what: string,
): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: Error & { code?: string }) =>
      reject(
        error.code === "EADDRINUSE"
          ? new Error(
              `The mail catcher's ${what} port ${port} is in use: stop what holds it, or choose another port (for pnpm dev, MAIL_SMTP_PORT or MAIL_WEB_PORT).`,
            )
          : error,
      ),
    );
    server.listen(port, host, () => resolve());
  });
}

/** Starts the SMTP server and its page; `stop()` closes both. */
export async function startMailCatcher(options: MailCatcherOptions = {}): Promise<MailCatcher> {
  const host = options.host ?? "127.0.0.1";
  const messages: CaughtMail[] = [];
  const arrivals = new EventEmitter();
  let nextId = 1;

  const smtp = new SMTPServer({
    // Plain SMTP on the loopback: no certificate to make, and nodemailer sends without TLS.
    // Any credentials in SMTP_URL are accepted, so a production-shaped URL works here too.
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ["STARTTLS"],
    onAuth(auth, _session, callback) {
      callback(null, { user: auth.username ?? "dev" });
    },
    size: MAX_SIZE,
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const text = parsed.text ?? "";
          const mail: CaughtMail = {
            id: nextId++,
            receivedAt: new Date().toISOString(),
            from: addressText(parsed.from),
            to: session.envelope.rcptTo.map((recipient) => recipient.address.toLowerCase()),
            subject: parsed.subject ?? "",
            text,
            html: typeof parsed.html === "string" ? parsed.html : null,
            headers: Object.fromEntries(
              [...parsed.headerLines].map((line) => [line.key, line.line.slice(line.key.length + 1).trim()]),
            ),
            links: linksIn(text),
          };
          messages.push(mail);
          if (messages.length > KEEP) messages.shift();
          arrivals.emit("mail", mail);
          callback();
        })
        .catch((error: unknown) => callback(error instanceof Error ? error : new Error(String(error))));
    },
  });
  // SMTPServer re-emits its socket's errors on itself: the port's are answered by listen(),
  // a client's broken connection is only logged.
  await listen(smtp, options.smtpPort ?? 0, host, "SMTP");
  smtp.on("error", (error: Error) => console.warn(`[mail catcher] ${error.message}`));
  const smtpPort = (smtp.server.address() as AddressInfo).port;
  const smtpUrl = `smtp://${host}:${smtpPort}`;

  const web: Server = createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://catcher.invalid").pathname;
    if (path === "/messages.json") {
      response.writeHead(200, { "content-type": "application/json; charset=utf-8" });
      response.end(JSON.stringify(messages));
      return;
    }
    const single = /^\/messages\/(\d+)\.html$/.exec(path);
    if (single) {
      const mail = messages.find((candidate) => candidate.id === Number(single[1]));
      if (!mail?.html) {
        response.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
        response.end("No such mail, or it has no HTML part.");
        return;
      }
      // The mail's own HTML, shown with scripts, forms and plugins off.
      response.writeHead(200, {
        "content-type": "text/html; charset=utf-8",
        "content-security-policy":
          "sandbox; default-src 'none'; img-src data: http: https:; style-src 'unsafe-inline'",
      });
      response.end(mail.html);
      return;
    }
    if (path === "/") {
      response.writeHead(200, {
        "content-type": "text/html; charset=utf-8",
        "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'",
      });
      response.end(renderIndex(messages, smtpUrl));
      return;
    }
    response.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
    response.end("Not found: try / or /messages.json.");
  });
  try {
    await listen(web, options.webPort ?? 0, host, "web");
  } catch (error) {
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    throw error;
  }
  const webPort = (web.address() as AddressInfo).port;

  return {
    smtpUrl,
    webUrl: `http://${host}:${webPort}`,
    messages: () => [...messages],
    waitForMail: (match, timeoutMs = 20_000) =>
      new Promise<CaughtMail>((resolve, reject) => {
        const found = messages.find(match);
        if (found) return resolve(found);
        const onMail = (mail: CaughtMail) => {
          if (!match(mail)) return;
          clearTimeout(timer);
          arrivals.off("mail", onMail);
          resolve(mail);
        };
        const timer = setTimeout(() => {
          arrivals.off("mail", onMail);
          const caught = messages.map((mail) => `"${mail.subject}" to ${mail.to.join(", ")}`);
          reject(
            new Error(
              `No matching mail reached the catcher in ${timeoutMs / 1000} s; it caught ${caught.length ? caught.join("; ") : "nothing"}.`,
            ),
          );
        }, timeoutMs);
        arrivals.on("mail", onMail);
      }),
    clear: () => {
      messages.length = 0;
    },
    stop: async () => {
      await Promise.all([
        new Promise<void>((resolve) => smtp.close(() => resolve())),
        new Promise<void>((resolve) => {
          web.closeAllConnections();
          web.close(() => resolve());
        }),
      ]);
    },
  };
}
