// Before the admin's journeys: a fresh database with the demo newsroom and accounts (plus a
// reader-role account), the background worker, and the built admin and reader apps served
// against it. Without Chromium, nothing is started and the journeys skip.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";
import { seedDemo } from "@dispatch/api";
import { createUser, ensureDemoUsers } from "@dispatch/auth";
import { createTestDatabase } from "@dispatch/db/testing";
import { hasChromium, NO_CHROMIUM_REASON, startBuiltApp } from "@dispatch/ui/testing";
import { READER_ACCOUNT, LOCKOUT_ACCOUNT } from "./accounts";

declare module "vitest" {
  export interface ProvidedContext {
    adminUrl: string;
    readerUrl: string;
  }
}

const repoRoot = path.resolve(fileURLToPath(new URL("../../../", import.meta.url)));
// A fixed throwaway secret: both apps must sign and read the same session cookies.
const AUTH_SECRET = "admin-e2e-secret-0123456789abcdef0123456789";

async function startWorker(databaseUrl: string): Promise<{ stop: () => Promise<void> }> {
  const child: ChildProcess = spawn(
    process.execPath,
    ["--import", "tsx", path.join(repoRoot, "apps", "worker", "src", "main.ts")],
    {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 60_000;
  while (!output.includes("ready")) {
    if (child.exitCode !== null) throw new Error(`the worker exited:\n${output}`);
    if (Date.now() > deadline) throw new Error(`the worker did not start in 60 s:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill("SIGTERM");
      await new Promise((resolve) => child.once("exit", resolve));
    },
  };
}

export default async function setup(project: TestProject) {
  if (!hasChromium) {
    console.warn(`[admin e2e] ${NO_CHROMIUM_REASON}`);
    project.provide("adminUrl", "");
    project.provide("readerUrl", "");
    return;
  }
  const database = await createTestDatabase();
  await seedDemo(database.db);
  await ensureDemoUsers(database.db);
  for (const account of [READER_ACCOUNT, LOCKOUT_ACCOUNT]) await createUser(database.db, account);
  const worker = await startWorker(database.url);
  const env = { DATABASE_URL: database.url, AUTH_SECRET };
  const [admin, reader] = await Promise.all([startBuiltApp("admin", env), startBuiltApp("reader", env)]);
  project.provide("adminUrl", admin.url);
  project.provide("readerUrl", reader.url);
  return async () => {
    await Promise.all([admin.stop(), reader.stop()]);
    await worker.stop();
    await database.drop();
  };
}
