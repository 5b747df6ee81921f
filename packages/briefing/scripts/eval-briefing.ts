// Quality eval: ROUGE-1/2/L F1 of the engine's 250-word `summary` against human multi-document
// summaries, beside a Lead baseline and a TextRank baseline built on the same tokenisation.
// Usage: pnpm eval:briefing [--file path/to/mds.jsonl] [--words 250] [--no-stem] [--folds 5]
// With --folds, the selection weights are tuned by k-fold cross-validation instead (see
// tune-selection.ts) and the per-fold table is printed.
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { buildBriefing } from "../src/index";
import {
  type Cluster,
  type Scores,
  averageScores,
  readClusters,
  scoreSummary,
  summarizeLead,
  summarizeTextRank,
  toStories,
} from "./mds-eval";
import { runFolds } from "./tune-selection";

const { values, positionals } = parseArgs({
  options: {
    file: { type: "string" },
    words: { type: "string", default: "250" },
    "no-stem": { type: "boolean", default: false },
    folds: { type: "string" },
  },
  allowPositionals: true,
});
const WORDS = Number(values.words);
const STEM = !values["no-stem"];
const fileArg = values.file ?? positionals[0];
const path = fileArg
  ? resolve(fileArg)
  : resolve(import.meta.dirname, "../../../../shared/fixtures/mds-dev.jsonl");
const clusters = readClusters(path);

if (values.folds !== undefined) {
  const folds = Number(values.folds);
  if (!Number.isInteger(folds) || folds < 2)
    throw new Error(`--folds must be a whole number of at least 2, not "${values.folds}"`);
  runFolds(clusters, { folds, words: WORDS, stem: STEM });
} else {
  const systems: Array<[string, (c: Cluster, w: number) => string]> = [
    ["Dispatch engine", (c, w) => buildBriefing(toStories(c), { words: w }).summary],
    ["Lead (round-robin)", summarizeLead],
    ["TextRank", summarizeTextRank],
  ];
  const started = performance.now();
  const results = new Map<string, Scores>(
    systems.map(([name, summarize]) => [
      name,
      averageScores(clusters.map((c) => scoreSummary(summarize(c, WORDS), c.summary, STEM))),
    ]),
  );
  const pct = (x: number): string => x.toFixed(2).padStart(6);
  console.log(`ROUGE F1 on ${clusters.length} clusters from ${path}`);
  console.log(
    `summary length ${WORDS} words; tokens lowercase [a-z0-9]+, Porter stemming ${STEM ? "on" : "off"}, stopwords kept`,
  );
  console.log(`${"system".padEnd(22)}  R-1     R-2     R-L`);
  for (const [name, s] of results) console.log(`${name.padEnd(22)} ${pct(s.r1)}  ${pct(s.r2)}  ${pct(s.rl)}`);
  const ours = results.get("Dispatch engine")?.r2 ?? 0;
  const textRank = results.get("TextRank")?.r2 ?? 0;
  console.log(
    `R-2 vs TextRank: ${textRank > 0 ? ((100 * (ours - textRank)) / textRank).toFixed(1) : "n/a"}%  (${((performance.now() - started) / 1000).toFixed(1)} s)`,
  );
}
