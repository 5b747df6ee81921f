// How many points and overview sentences lean on context a reader never saw: on the envoy
// sample, each demo topic (our own stories) and the Multi-News dev clusters (read from
// ../shared/fixtures at run time). "Opens badly" is the narrow count (a connective or a bare
// pronoun first); "leans" is every rule of selection/standalone.ts.
// Usage: pnpm --filter @dispatch/briefing exec tsx scripts/measure-standalone.ts [--list]
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { buildBriefing } from "../src/index";
import { leansOnContext } from "../src/selection/standalone";
import type { Briefing, StoryInput } from "../src/types";
import { readEnvoyStories } from "./envoy-stories";

const LIST = process.argv.includes("--list");
const OPENS_BADLY =
  /^(?:separately|however|but|and|meanwhile|in addition|also|still|instead|yet|so|moreover|furthermore|he|she|they|it|his|her|their|its|this|these|those)\b/i;

interface Tally {
  shown: number;
  opensBadly: number;
  leans: number;
}

function measure(name: string, briefing: Briefing, total: Tally): void {
  // The overview's later sentences may open with our own "Separately," (it follows the first).
  const texts = [
    ...briefing.points.map((p) => p.text),
    ...briefing.overview.map((s, i) => (i > 0 ? s.text.replace(/^Separately, /, "") : s.text)),
  ];
  let opensBadly = 0;
  let leans = 0;
  for (const text of texts) {
    // A quote's own first word is the speaker's, not the writer's: "“It was wrong,” she said" opens well.
    const bad = OPENS_BADLY.test(text);
    const lean = leansOnContext(text);
    if (bad) opensBadly++;
    if (lean) leans++;
    if (LIST && (bad || lean)) console.log(`  ${name}: ${text.slice(0, 140)}`);
  }
  total.shown += texts.length;
  total.opensBadly += opensBadly;
  total.leans += leans;
  if (name !== "")
    console.log(
      `${name.padEnd(28)} ${String(texts.length).padStart(4)} shown, ${opensBadly} open badly, ${leans} lean on context`,
    );
}

const newTally = (): Tally => ({ shown: 0, opensBadly: 0, leans: 0 });
const percent = (n: number, d: number): string => `${d === 0 ? "0.0" : ((100 * n) / d).toFixed(1)}%`;

const envoy = newTally();
measure("envoy", buildBriefing(readEnvoyStories()), envoy);

interface DemoFile {
  topics: Array<{ slug: string }>;
  stories: Array<{ topic: string; title: string; body: string; source: string; publishedAt: string }>;
}
const demo = JSON.parse(
  readFileSync(resolve(import.meta.dirname, "../../db/seed/demo-stories.json"), "utf8"),
) as DemoFile;
const demoTotal = newTally();
for (const topic of demo.topics) {
  const stories: StoryInput[] = demo.stories
    .filter((s) => s.topic === topic.slug)
    .map((s, i) => ({
      id: `${topic.slug}-${i + 1}`,
      title: s.title,
      body: s.body,
      source: s.source,
      publishedAt: s.publishedAt,
    }));
  measure(topic.slug, buildBriefing(stories), demoTotal);
}

const mdsPath = resolve(import.meta.dirname, "../../../../shared/fixtures/mds-dev.jsonl");
const mds = newTally();
const lines = readFileSync(mdsPath, "utf8")
  .split("\n")
  .filter((l) => l.trim() !== "");
for (const line of lines) {
  const cluster = JSON.parse(line) as { id: string; documents: Array<{ title: string; text: string }> };
  const stories = cluster.documents.map((d, i) => ({
    id: `doc-${String(i + 1).padStart(2, "0")}`,
    title: d.title,
    body: d.text,
    source: null,
    publishedAt: null,
  }));
  measure(LIST ? `mds ${cluster.id}` : "", buildBriefing(stories), mds);
}
console.log(`\nenvoy: ${envoy.leans} of ${envoy.shown} lean (${envoy.opensBadly} open badly)`);
console.log(
  `demo topics: ${demoTotal.leans} of ${demoTotal.shown} lean (${demoTotal.opensBadly} open badly)`,
);
console.log(
  `mds-dev (${lines.length} clusters): ${mds.leans} of ${mds.shown} lean, ${percent(mds.leans, mds.shown)}; ${mds.opensBadly} open badly, ${percent(mds.opensBadly, mds.shown)}`,
);
