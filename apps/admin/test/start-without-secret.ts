// Starts a built app as production would, without AUTH_SECRET, and reports how it ended:
// it must refuse to start (and say why) rather than serve 500s.
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { findFreePort } from "@dispatch/ui/testing";

const repoRoot = path.resolve(fileURLToPath(new URL("../../../", import.meta.url)));

export async function startWithoutSecret(
  app: "admin" | "reader",
  extraEnv: Record<string, string> = {},
): Promise<{ exitCode: number | null; output: string; answered: number | null }> {
  const cwd = path.join(repoRoot, "apps", app);
  const port = await findFreePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(port),
    NEXT_TELEMETRY_DISABLED: "1",
  };
  delete env.AUTH_SECRET;
  Object.assign(env, extraEnv);
  const child = spawn(
    path.join(cwd, "node_modules", ".bin", "next"),
    ["start", "-p", String(port), "-H", "127.0.0.1"],
    {
      cwd,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  // Either it exits, or it answers a request (the old behaviour: up, then 500 everywhere).
  let answered: number | null = null;
  const deadline = Date.now() + 30_000;
  while (child.exitCode === null && answered === null && Date.now() < deadline) {
    try {
      answered = (await fetch(`http://127.0.0.1:${port}/sign-in`, { signal: AbortSignal.timeout(5_000) }))
        .status;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  if (child.exitCode === null) child.kill("SIGTERM");
  const exitCode = await exited;
  return { exitCode, output, answered };
}
