// `pnpm dev`: one command to a working platform. Uses DATABASE_URL, or starts the embedded
// PostgreSQL (data in .dispatch/pgdata), migrates, seeds the demo newsroom when empty, starts
// the mail catcher (a real SMTP server keeping what it gets, unless SMTP_URL is set), then
// runs the reader (:3000) and admin (:3001) apps until Ctrl-C. `--prod` serves built apps.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import pc from "picocolors";
import { createDb, getDbEnv } from "@dispatch/db";
import { applyMigrations } from "@dispatch/db/migrate";
import { seedDemo } from "@dispatch/api";
import { ensureDemoUsers, getAuthEnv } from "@dispatch/auth";
import { getMailEnv, redactSmtpUrl } from "@dispatch/mail";
import { startMailCatcher, type MailCatcher } from "@dispatch/mail/catcher";
import { DEFAULT_EMBEDDED_PORT, openConnection } from "./database";
import { checkCliEnv, getCliEnv, inheritedEnv } from "./env";
import { repoRoot } from "./paths";

const production = process.argv.includes("--prod");

const children: ChildProcess[] = [];
let stopping = false;

async function main(): Promise<void> {
  const started = Date.now();
  // The apps and the worker check the same variables when they start; a bad one stops us here first.
  checkCliEnv([getAuthEnv, getMailEnv]);
  const apps = [
    { name: "reader", port: getCliEnv().READER_PORT },
    { name: "admin", port: getCliEnv().ADMIN_PORT },
  ] as const;
  const connection = await openConnection({
    port: getDbEnv().DISPATCH_EMBEDDED_PORT ?? DEFAULT_EMBEDDED_PORT,
  });
  console.log(`${pc.bold("Database")}  ${connection.describe}`);

  const migrations = await applyMigrations(connection.url);
  if (migrations.applied.length > 0) console.log(`${pc.bold("Migrated")}  ${migrations.applied.join(", ")}`);

  const db = createDb(connection.url, { max: 4 });
  if ((await db.story.count()) === 0) {
    const seeded = await seedDemo(db);
    console.log(`${pc.bold("Seeded")}    ${seeded.topics} demo topics, ${seeded.storiesStored} demo stories`);
  }
  // Demo accounts only on the embedded database, which is a local playground by definition.
  const demoUsers = connection.embedded ? await ensureDemoUsers(db) : [];
  await db.$disconnect();

  // Mail: the configured server, or a catcher on this machine that shows what was sent.
  let catcher: MailCatcher | null = null;
  const configuredSmtp = getMailEnv().smtpUrl;
  if (!configuredSmtp) {
    catcher = await startMailCatcher({
      smtpPort: getCliEnv().MAIL_SMTP_PORT,
      webPort: getCliEnv().MAIL_WEB_PORT,
    });
  }
  const smtpUrl = configuredSmtp ?? catcher?.smtpUrl ?? "";

  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    for (const child of children) child.kill("SIGTERM");
    // The worker finishes its running job before the embedded database goes away.
    const exited = children.map((child) =>
      child.exitCode === null ? new Promise((resolve) => child.once("exit", resolve)) : null,
    );
    await Promise.race([Promise.all(exited), new Promise((resolve) => setTimeout(resolve, 15_000))]);
    await connection.embedded?.stop();
    await catcher?.stop();
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));

  const env = {
    ...inheritedEnv(),
    DATABASE_URL: connection.url,
    NEXT_TELEMETRY_DISABLED: "1",
    AUTH_SECRET: getAuthSecret(),
    SMTP_URL: smtpUrl,
  };
  for (const app of apps) {
    const cwd = path.join(repoRoot, "apps", app.name);
    const next = path.join(cwd, "node_modules", ".bin", "next");
    const args = production ? ["start", "-p", String(app.port)] : ["dev", "-p", String(app.port)];
    const child = spawn(next, args, {
      cwd,
      env: { ...env, PORT: String(app.port) },
      stdio: ["ignore", "pipe", "pipe"],
    });
    prefixOutput(child, app.name);
    child.on("exit", (code) => {
      if (!stopping) {
        console.error(pc.red(`${app.name} stopped (exit ${code ?? "signal"}); shutting down.`));
        void shutdown(code ?? 1);
      }
    });
    children.push(child);
  }

  // The background worker (briefing rebuilds, topic suggestions, digests), on the same database.
  const worker = spawn(
    process.execPath,
    ["--import", "tsx", path.join(repoRoot, "apps", "worker", "src", "main.ts")],
    // Its digest mails link to the reader started here, unless the environment names another.
    {
      cwd: repoRoot,
      env: { DISPATCH_READER_URL: `http://localhost:${getCliEnv().READER_PORT}`, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  prefixOutput(worker, "worker");
  worker.on("exit", (code) => {
    if (!stopping) {
      console.error(pc.red(`worker stopped (exit ${code ?? "signal"}); shutting down.`));
      void shutdown(code ?? 1);
    }
  });
  children.push(worker);

  await Promise.all(apps.map((app) => waitForHttp(`http://127.0.0.1:${app.port}/`)));
  console.log(
    [
      "",
      pc.bold(pc.green(`Dispatch is running (${((Date.now() - started) / 1000).toFixed(1)} s)`)),
      `  Reader  http://localhost:${apps[0].port}`,
      `  Admin   http://localhost:${apps[1].port}`,
      `  DB      ${connection.embedded ? connection.url : connection.describe}`,
      `  Worker  rebuilds briefings when stories or tags change`,
      catcher
        ? `  Mail    ${catcher.webUrl.replace("127.0.0.1", "localhost")} shows the mail the apps sent (caught by SMTP at ${catcher.smtpUrl}; JSON at /messages.json)`
        : `  Mail    sent through ${redactSmtpUrl(smtpUrl)} (SMTP_URL)`,
      ...demoUsers.map((user) => `  Sign in ${user.email} / ${user.password} (${user.role})`),
      pc.dim("  Ctrl-C stops everything; the data stays for next time."),
      "",
    ].join("\n"),
  );
}

/**
 * `next start` runs in production mode, where sign-in needs AUTH_SECRET. Locally we keep one
 * generated secret in .dispatch/, so sessions survive restarts; a set variable wins.
 */
function getAuthSecret(): string {
  const auth = getAuthEnv();
  if (!auth.usingDevelopmentSecret) return auth.secret;
  const file = path.join(repoRoot, ".dispatch", "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

function prefixOutput(child: ChildProcess, name: string): void {
  const label = pc.dim(`[${name}]`);
  for (const stream of [child.stdout, child.stderr]) {
    stream?.setEncoding("utf8");
    stream?.on("data", (chunk: string) => {
      for (const line of chunk.split("\n")) if (line.trim()) console.log(`${label} ${line}`);
    });
  }
}

/**
 * Waits until the app answers (the first request also compiles the page in dev mode). A slow
 * or busy machine only takes longer: it says so every minute and keeps waiting, since giving
 * up would stop a platform that is about to work. A child that exits stops `pnpm dev` anyway.
 */
async function waitForHttp(url: string): Promise<void> {
  const started = Date.now();
  let nextNote = started + 60_000;
  while (!stopping) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(60_000) });
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    if (Date.now() >= nextNote) {
      const seconds = Math.round((Date.now() - started) / 1000);
      console.log(pc.dim(`still waiting for ${url} (${seconds} s): its first page is compiling`));
      nextNote += 60_000;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

main().catch((error: unknown) => {
  console.error(pc.red(error instanceof Error ? error.message : String(error)));
  for (const child of children) child.kill("SIGTERM");
  process.exit(1);
});
