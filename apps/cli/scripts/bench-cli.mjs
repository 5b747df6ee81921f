// `pnpm bench:cli`: how long the CLI takes, wall clock, median of several runs — `--help`,
// and `brief` on the envoy sample (read from ../shared/fixtures at run time) — run as the
// `dispatch` binary and through `pnpm dispatch`. Prints figures; asserts nothing.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ensureBuilt } from "./build.mjs";

const repoRoot = path.resolve(fileURLToPath(new URL("../../..", import.meta.url)));
const bin = path.join(repoRoot, "apps/cli/bin/dispatch.mjs");
const envoy = path.resolve(repoRoot, "../shared/fixtures/envoy-sample.txt");
const runs = Number(process.argv[2] ?? 7);

await ensureBuilt();

function time(command, args) {
  const samples = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    const result = spawnSync(command, args, { cwd: repoRoot, stdio: ["ignore", "ignore", "pipe"] });
    samples.push(performance.now() - started);
    if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed: ${result.stderr}`);
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(samples.length / 2)], min: samples[0] };
}

const cases = [
  ["dispatch --help", process.execPath, [bin, "--help"], 300],
  ["pnpm dispatch --help", "pnpm", ["--silent", "dispatch", "--help"], null],
];
if (existsSync(envoy)) {
  cases.push([
    "dispatch brief envoy-sample.txt",
    process.execPath,
    [bin, "brief", envoy, "--format", "text"],
    1500,
  ]);
  cases.push([
    "pnpm dispatch brief envoy-sample.txt",
    "pnpm",
    ["--silent", "dispatch", "brief", envoy, "--format", "text"],
    null,
  ]);
} else console.log(`(no ${envoy}: the brief timing is skipped)`);

console.log(`CLI timings, median of ${runs} runs (load average ${loadavg()[0].toFixed(2)} on this machine)`);
for (const [name, command, args, goal] of cases) {
  const { median, min } = time(command, args);
  console.log(
    `${name.padEnd(38)} median ${Math.round(median).toString().padStart(5)} ms   best ${Math.round(min).toString().padStart(5)} ms${goal ? `   goal < ${goal} ms` : ""}`,
  );
}
