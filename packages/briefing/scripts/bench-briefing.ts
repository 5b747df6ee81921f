// Speed bench: stories/s and peak memory of buildBriefing at 3, 100 and 1,000 BBC stories.
// Usage: pnpm bench:briefing [path/to/bbc-news.jsonl] [--runs 3]
// Memory is sampled at every pipeline stage boundary (through the injectable clock) and
// after each run. Each size uses stories no earlier size used, so its first build ("cold")
// meets empty per-text caches (sentences, names, tagger, dates, headlines); "warm" is the
// median of the repeated builds that follow (a topic rebuilt with the same stories). CPU time
// is shown beside wall time, stage timings are CPU time, and the goals are judged on CPU
// time, because a busy machine inflates wall time.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { buildBriefing } from "../src/index";
import type { StoryInput } from "../src/index";

const args = process.argv.slice(2);
const runsFlag = args.indexOf("--runs");
const RUNS = runsFlag >= 0 ? Math.max(1, Number(args[runsFlag + 1])) : 3;
const pathArg = args.find((a, i) => !a.startsWith("--") && (runsFlag < 0 || i !== runsFlag + 1));
const path = pathArg
  ? resolve(pathArg)
  : resolve(import.meta.dirname, "../../../../shared/fixtures/bbc-news.jsonl");

interface BbcRow {
  id: string;
  category: string;
  title: string;
  text: string;
}

const rows: BbcRow[] = readFileSync(path, "utf8")
  .split("\n")
  .filter((l) => l.trim() !== "")
  .map((l) => JSON.parse(l) as BbcRow);
const stories: StoryInput[] = rows.map((r) => ({
  id: r.id,
  title: r.title,
  body: r.text,
  source: "BBC News",
  publishedAt: "2005-03-01",
}));

let peakRss = 0;
let peakRssAll = 0;
let peakHeap = 0;
const sampleMemory = (): void => {
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  peakHeap = Math.max(peakHeap, m.heapUsed);
};
// Stage timings are CPU milliseconds of this process (wall time on a shared machine counts
// whoever else had the cores); memory is sampled at each stage boundary.
const cpuMs = (): number => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};
const clock = (): number => {
  sampleMemory();
  return cpuMs();
};
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

// Spread each sample over categories (a real topic mixes related and unrelated stories) and
// never reuse a story across sizes, so every size starts with cold caches.
const used = new Set<number>();
function pickStories(n: number): StoryInput[] {
  const free = stories.map((_, i) => i).filter((i) => !used.has(i));
  const step = free.length / n;
  const picked = Array.from(
    { length: Math.min(n, free.length) },
    (_, k) => free[Math.floor(k * step)],
  ).filter((i): i is number => i !== undefined);
  for (const i of picked) used.add(i);
  return picked.map((i) => stories[i]).filter((s): s is StoryInput => s !== undefined);
}

const setup = pickStories(3);
const setupStart = performance.now();
const setupCpu = cpuMs();
buildBriefing(setup);
console.log(
  `process warm-up (first build ever, 3 stories: module and lexicon set-up): ${(performance.now() - setupStart).toFixed(1)} ms, ${(cpuMs() - setupCpu).toFixed(1)} ms CPU`,
);
// Issue 10's goals, judged on CPU time (cold: the first build of stories no earlier build saw).
const GOAL_MS: Record<number, number> = { 3: 50, 100: 1_000, 1000: 10_000 };
const verdicts: string[] = [];
console.log(
  `${"stories".padStart(7)}  ${"cold ms".padStart(8)}  ${"cold cpu".padStart(8)}  ${"warm ms".padStart(8)}  ${"warm cpu".padStart(8)}  ${"stories/s".padStart(9)}  ${"peak rss".padStart(8)}  ${"peak heap".padStart(9)}  storylines  slowest stages (cold, CPU ms)`,
);
for (const n of [3, 100, 1000]) {
  const input = pickStories(n);
  peakRssAll = Math.max(peakRssAll, peakRss);
  peakRss = 0;
  peakHeap = 0;
  const measure = (): { wall: number; cpu: number; briefing: ReturnType<typeof buildBriefing> } => {
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    const briefing = buildBriefing(input, { now: clock });
    const wall = performance.now() - start;
    const cpu = process.cpuUsage(cpuStart);
    sampleMemory();
    return { wall, cpu: (cpu.user + cpu.system) / 1000, briefing };
  };
  const cold = measure();
  const warm = Array.from({ length: RUNS }, measure);
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  const warmWall = median(warm.map((w) => w.wall));
  const warmCpu = median(warm.map((w) => w.cpu));
  const omitted = cold.briefing.diagnostics.find((d) => d.code === "STORYLINES_OMITTED");
  const storylines =
    cold.briefing.storylines.length + Number(/^(\d+)/.exec(omitted?.message ?? "")?.[1] ?? 0);
  const stages = Object.entries(cold.briefing.checks.timings ?? {})
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([k, v]) => `${k} ${v.toFixed(0)}ms`)
    .join(", ");
  const goal = GOAL_MS[n];
  if (goal !== undefined)
    verdicts.push(
      `${n} stories < ${goal} ms: cold ${cold.cpu.toFixed(0)} ms CPU ${cold.cpu < goal ? "meets it" : "MISSES it"}, warm ${warmCpu.toFixed(0)} ms CPU ${warmCpu < goal ? "meets it" : "MISSES it"}`,
    );
  console.log(
    `${String(input.length).padStart(7)}  ${cold.wall.toFixed(0).padStart(8)}  ${cold.cpu.toFixed(0).padStart(8)}  ${warmWall.toFixed(0).padStart(8)}  ${warmCpu.toFixed(0).padStart(8)}  ${(input.length / (cold.cpu / 1000)).toFixed(0).padStart(9)}  ${mb(peakRss).padStart(8)}  ${mb(peakHeap).padStart(9)}  ${String(storylines).padStart(10)}  ${stages}`,
  );
}
peakRssAll = Math.max(peakRssAll, peakRss);
for (const v of verdicts) console.log(`goal: ${v}`);
console.log(`goal: peak RSS < 1 GB: ${mb(peakRssAll)} ${peakRssAll < 1024 ** 3 ? "meets it" : "MISSES it"}`);
console.log(
  `stories/s = stories / cold CPU seconds. Load average at end: ${(await import("node:os"))
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(" ")} on ${(await import("node:os")).cpus().length} CPUs`,
);
