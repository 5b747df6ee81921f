// The `dispatch` binary as a person runs it: help lists every command, a mistake is one
// line that says what to do, standard input and files give the same briefing, plain text
// fits a terminal, and every citation in md names a numbered, titled story.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { COMMANDS } from "../src/commands/catalogue";

const bin = fileURLToPath(new URL("../bin/dispatch.mjs", import.meta.url));

function run(args: string[], input?: string) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    input,
    encoding: "utf8",
    env: { ...process.env, FORCE_COLOR: "0", NO_COLOR: "1" },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

// Our own stories: two outlets on one mill fire.
const stories = [
  {
    id: "mill-a",
    title: "Fire shuts Harlow flour mill",
    source: "Riverside Echo",
    publishedAt: "2026-03-02T09:00:00Z",
    body: "A fire shut the Harlow flour mill on Monday night, the county fire service said. About forty workers were sent home on Tuesday. The mill's owner, Petra Lind, said repairs would take at least a month. “We will pay everyone while we rebuild,” Lind said. Investigators believe the fire started in a grain dryer.",
  },
  {
    id: "mill-b",
    title: "Harlow mill closed for a month after dryer fire",
    source: "Valley Courier",
    publishedAt: "2026-03-03T07:30:00Z",
    body: "The Harlow flour mill will stay closed for at least a month after a fire on Monday night, its owner Petra Lind said. Fire crews from three stations fought the blaze for five hours. The fire began in a grain dryer, according to investigators. Lind said the forty staff would be paid during the repairs.",
  },
];

let dir = "";
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "dispatch-cli-"));
  writeFileSync(path.join(dir, "mill.json"), JSON.stringify(stories));
});

describe("dispatch", () => {
  it("lists every command in --help", () => {
    const { code, stdout } = run(["--help"]);
    expect(code).toBe(0);
    for (const command of COMMANDS) expect(stdout).toContain(command.name);
  });

  it("explains a missing file in one line, without a stack trace, and exits non-zero", () => {
    const { code, stderr } = run(["brief", path.join(dir, "no-such-file.txt")]);
    expect(code).not.toBe(0);
    const lines = stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^error: .*no-such-file\.txt: no such file/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it("keeps the ids of a JSON array whether it comes from a file or standard input", () => {
    const fromFile = run(["brief", path.join(dir, "mill.json"), "--format", "md"]);
    const fromStdin = run(["brief", "-", "--format", "md"], JSON.stringify(stories));
    expect(fromFile.code).toBe(0);
    expect(fromStdin.stdout).toBe(fromFile.stdout);
    expect(fromStdin.stdout).toContain("(mill-a)");
  });

  it("numbers the sources with their titles, so each citation can be followed", () => {
    const { stdout } = run(["brief", path.join(dir, "mill.json"), "--format", "md"]);
    const listed = new Map(
      [...stdout.matchAll(/^(\d+)\. (.+?) — \*(.+)\* \((.+)\)$/gm)].map((m) => [m[1], m[3]]),
    );
    expect([...listed.values()].sort()).toEqual(stories.map((s) => s.title).sort());
    const cited = [...stdout.matchAll(/\[(\d+)\.\d+/g)].map((m) => m[1]);
    expect(cited.length).toBeGreaterThan(0);
    for (const n of cited) expect(listed.has(n ?? "")).toBe(true);
  });

  it("wraps plain text to the terminal (80 columns when not a terminal)", () => {
    const { stdout } = run(["brief", path.join(dir, "mill.json"), "--format", "text"]);
    const longest = Math.max(...stdout.split("\n").map((line) => line.length));
    expect(longest).toBeLessThanOrEqual(80);
  });
});
