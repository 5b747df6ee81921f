// Turns command-line arguments (files, folders, globs, `-` for standard input) into upload
// files, read one at a time so a large folder does not sit in memory.
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import fg from "fast-glob";
import type { UploadFile } from "@dispatch/ingest";
import { CliError } from "./errors";

/** Extensions ingest understands, for walking folders. */
const KNOWN_EXTENSIONS = [
  "txt",
  "text",
  "md",
  "markdown",
  "html",
  "htm",
  "json",
  "ndjson",
  "jsonl",
  "xml",
  "rss",
  "atom",
];

/** Expands arguments to file paths (or "-"), in argument order, without duplicates. */
export async function expandInputs(args: readonly string[]): Promise<string[]> {
  if (args.length === 0)
    throw new CliError("No input given. Pass files, folders or globs, or - to read standard input.");
  const seen = new Set<string>();
  const result: string[] = [];
  const add = (file: string) => {
    if (!seen.has(file)) {
      seen.add(file);
      result.push(file);
    }
  };
  for (const arg of args) {
    if (arg === "-") {
      add("-");
      continue;
    }
    const info = await stat(arg).catch(() => null);
    if (info?.isFile()) {
      add(path.resolve(arg));
    } else if (info?.isDirectory()) {
      const files = await fg(`**/*.{${KNOWN_EXTENSIONS.join(",")}}`, {
        cwd: arg,
        absolute: true,
        onlyFiles: true,
        dot: false,
      });
      if (files.length === 0)
        throw new CliError(`${arg} holds no files ingest understands (${KNOWN_EXTENSIONS.join(", ")}).`);
      files.sort().forEach(add);
    } else if (fg.isDynamicPattern(arg)) {
      const files = await fg(arg, { absolute: true, onlyFiles: true });
      if (files.length === 0) throw new CliError(`No file matches ${arg}.`);
      files.sort().forEach(add);
    } else {
      throw new CliError(`${arg}: no such file or folder.`);
    }
  }
  return result;
}

/** Reads the files lazily, in order. */
export async function* readUploadFiles(paths: readonly string[]): AsyncGenerator<UploadFile> {
  for (const file of paths) {
    if (file === "-") {
      yield { name: "stdin", bytes: await readStdin() };
    } else {
      yield { name: path.basename(file), bytes: new Uint8Array(await readFile(file)) };
    }
  }
}

async function readStdin(): Promise<Uint8Array> {
  if (process.stdin.isTTY)
    throw new CliError(
      "Reading from standard input, but it is a terminal: pipe a file in, e.g. `cat story.txt | pnpm dispatch parse -`.",
    );
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}
