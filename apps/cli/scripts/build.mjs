// Builds the CLI to JavaScript: src/main.ts and everything of ours it reaches (the workspace
// packages are TypeScript source) bundled into dist/, one chunk per lazily loaded command.
// npm packages stay outside the bundle and are imported from where pnpm installed them, so each
// keeps its own files (Prisma's query compiler, PGlite's WebAssembly) beside it — all but the
// pure-JavaScript INLINE_PACKAGES below.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const cliRoot = path.resolve(fileURLToPath(new URL("..", import.meta.url)));
const repoRoot = path.resolve(cliRoot, "../..");
const outdir = path.join(cliRoot, "dist");
export const entry = path.join(outdir, "main.js");

/** The folders whose files end up in the bundle. */
function sourceDirs() {
  const dirs = [path.join(cliRoot, "src")];
  for (const group of ["packages", "apps"]) {
    for (const name of readdirSync(path.join(repoRoot, group))) {
      const src = path.join(repoRoot, group, name, "src");
      if (existsSync(src)) dirs.push(src);
    }
  }
  return dirs;
}

function newestSourceTime() {
  let newest = statSync(path.join(repoRoot, "pnpm-lock.yaml")).mtimeMs;
  const walk = (dir) => {
    for (const item of readdirSync(dir, { withFileTypes: true })) {
      if (item.name === "node_modules" || item.name.startsWith(".")) continue;
      const full = path.join(dir, item.name);
      if (item.isDirectory()) walk(full);
      else newest = Math.max(newest, statSync(full).mtimeMs);
    }
  };
  for (const dir of sourceDirs()) walk(dir);
  return newest;
}

/** True when dist/ is missing or older than any source file (a few ms: only file times). */
export function isStale() {
  return !existsSync(entry) || statSync(entry).mtimeMs < newestSourceTime();
}

// Pure-JavaScript packages the briefing engine loads on every `brief`, each hundreds of small ES
// modules: Node loads them bundled into one chunk about half a second of CPU faster than file by file.
const INLINE_PACKAGES = new Set(["compromise", "chrono-node"]);

function packageName(specifier) {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : (parts[0] ?? specifier);
}

export async function build() {
  const { build: esbuild } = await import("esbuild");
  const npmOutside = {
    name: "npm-outside",
    setup(b) {
      b.onResolve({ filter: /^[^./]/ }, async (args) => {
        if (
          args.path.startsWith("@dispatch/") ||
          args.path.startsWith("node:") ||
          args.pluginData === "npm-outside" ||
          INLINE_PACKAGES.has(packageName(args.path))
        )
          return undefined;
        const resolved = await b.resolve(args.path, {
          kind: args.kind,
          resolveDir: args.resolveDir,
          importer: args.importer,
          pluginData: "npm-outside",
        });
        if (resolved.errors.length > 0 || !path.isAbsolute(resolved.path))
          return { path: args.path, external: true };
        let relative = path.relative(outdir, resolved.path).split(path.sep).join("/");
        if (!relative.startsWith(".")) relative = `./${relative}`;
        return { path: relative, external: true };
      });
      // Modules that find their own files (migrations, demo data) keep their source location.
      b.onLoad({ filter: /\.tsx?$/ }, (args) => {
        if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
        const source = readFileSync(args.path, "utf8");
        if (!source.includes("import.meta.url")) return undefined;
        const url = JSON.stringify(pathToFileURL(args.path).href);
        return {
          contents: source.replaceAll("import.meta.url", url),
          loader: args.path.endsWith(".tsx") ? "tsx" : "ts",
        };
      });
    },
  };
  await esbuild({
    entryPoints: [path.join(cliRoot, "src", "main.ts")],
    outdir,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    sourcemap: "linked",
    logLevel: "warning",
    plugins: [npmOutside],
  });
}

export async function ensureBuilt() {
  if (isStale()) await build();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const started = performance.now();
  await build();
  console.log(`built ${path.relative(repoRoot, entry)} in ${Math.round(performance.now() - started)} ms`);
}
