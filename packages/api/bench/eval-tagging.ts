// `pnpm eval:tagging`: topic suggestions on the BBC set (../shared/fixtures/bbc-news.jsonl).
// The five categories are the topics; 20 labelled stories per category are each topic's
// starting stories; every other story arrives new and is scored. Prints precision and
// recall of the top suggestion and of the top 3 (suggestions below the threshold count as
// "no suggestion").
import { readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { profileStory } from "@dispatch/briefing";
import {
  prepareTopics,
  scoreStory,
  SUGGESTION_THRESHOLD,
  type TopicModel,
} from "../src/services/topic-scoring";

const fixture =
  process.argv[2] ??
  path.resolve(fileURLToPath(import.meta.url), "../../../../../shared/fixtures/bbc-news.jsonl");
if (!existsSync(fixture)) {
  console.error(`No fixture at ${fixture}; pass the path to bbc-news.jsonl.`);
  process.exit(1);
}
const SEEDS_PER_TOPIC = 20;

type Article = { id: string; category: string; title: string; text: string };
const articles: Article[] = readFileSync(fixture, "utf8")
  .split("\n")
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line) as Article);

const categories = [...new Set(articles.map((article) => article.category))].sort();
const seeds = new Map<string, Article[]>(categories.map((category) => [category, []]));
const arriving: Article[] = [];
for (const article of articles) {
  const bucket = seeds.get(article.category);
  if (bucket && bucket.length < SEEDS_PER_TOPIC) bucket.push(article);
  else arriving.push(article);
}

const started = performance.now();
const models: TopicModel[] = categories.map((category) => ({
  id: category,
  slug: category,
  name: category,
  aliases: [],
  includeTerms: [],
  excludeTerms: [],
  ruleSources: [],
  autoApprove: false,
  stories: (seeds.get(category) ?? []).map((article) =>
    profileStory({ title: article.title, body: article.text }),
  ),
}));
const prepared = prepareTopics(models);

let topPredicted = 0;
let topCorrect = 0;
let top3Predicted = 0;
let top3Correct = 0;
let unmatched = 0;
for (const article of arriving) {
  const scores = scoreStory(
    {
      title: article.title,
      body: article.text,
      source: null,
      profile: profileStory({ title: article.title, body: article.text }),
    },
    prepared,
  )
    .filter((score) => score.confidence >= SUGGESTION_THRESHOLD)
    .slice(0, 3);
  if (scores.length === 0) unmatched += 1;
  const top = scores[0];
  if (top) {
    topPredicted += 1;
    if (top.topicId === article.category) topCorrect += 1;
  }
  top3Predicted += scores.length;
  if (scores.some((score) => score.topicId === article.category)) top3Correct += 1;
}
const seconds = (performance.now() - started) / 1000;
const pct = (value: number) => `${(value * 100).toFixed(1)}%`;

console.log(`topics              ${categories.join(", ")} (${SEEDS_PER_TOPIC} starting stories each)`);
console.log(`new stories         ${arriving.length} (threshold ${SUGGESTION_THRESHOLD})`);
console.log(
  `top suggestion      precision ${pct(topCorrect / topPredicted)}  recall ${pct(topCorrect / arriving.length)}`,
);
console.log(
  `top 3 suggestions   precision ${pct(top3Correct / top3Predicted)}  recall ${pct(top3Correct / arriving.length)}`,
);
console.log(`no suggestion       ${unmatched} stories`);
console.log(
  `time                ${seconds.toFixed(1)} s (${(arriving.length / seconds).toFixed(0)} stories/s, profiles included)`,
);
