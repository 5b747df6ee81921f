// Browser-test harness shared by the apps' journeys: Debian's Chromium driven by
// playwright-core, and a built Next.js app served with `next start` on a free port.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser } from "playwright-core";

export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const hasChromium = existsSync(chromiumPath);
export const NO_CHROMIUM_REASON = `no Chromium at ${chromiumPath} (apt-get install chromium, or set CHROMIUM_PATH): browser tests skipped`;

const repoRoot = path.resolve(fileURLToPath(new URL("../../../", import.meta.url)));

/** Where journeys keep their screenshots: artifacts/screenshots in the repository. */
export function screenshotPath(name: string): string {
  const dir = path.join(repoRoot, "artifacts", "screenshots");
  mkdirSync(dir, { recursive: true });
  return path.join(dir, `${name}.png`);
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
      "--disable-dev-shm-usage",
    ],
  });
}

export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export type RunningApp = { url: string; stop: () => Promise<void> };

/**
 * Serves a built app (`next build` must have run) against the given environment, on `port`
 * when given (a journey that must know the app's address before it starts, e.g. for
 * DISPATCH_READER_URL in mailed links), else on a free one.
 */
export async function startBuiltApp(
  app: "reader" | "admin",
  env: Record<string, string>,
  options: { port?: number } = {},
): Promise<RunningApp> {
  const cwd = path.join(repoRoot, "apps", app);
  if (!existsSync(path.join(cwd, ".next", "BUILD_ID"))) {
    throw new Error(`apps/${app} is not built: run \`pnpm build\` (pnpm test does it first).`);
  }
  const port = options.port ?? (await findFreePort());
  const child = spawn(
    path.join(cwd, "node_modules", ".bin", "next"),
    ["start", "-p", String(port), "-H", "127.0.0.1"],
    {
      cwd,
      env: { ...process.env, ...env, PORT: String(port), NEXT_TELEMETRY_DISABLED: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start for ${app} exited:\n${output}`);
    try {
      await fetch(url, { signal: AbortSignal.timeout(5_000) });
      break;
    } catch {
      if (Date.now() > deadline) {
        // Not left running: nobody holds a handle to stop it once this throws.
        child.kill("SIGKILL");
        throw new Error(`next start for ${app} did not answer in 30 s:\n${output}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  return {
    url,
    stop: async () => {
      child.kill("SIGTERM");
      await new Promise((resolve) => child.once("exit", resolve));
    },
  };
}
