// Storyline quality on our own broad-topic mix (test/fixtures/broad-topic-mix.json): 20
// political events × 3 outlets in one topic. Prints pairwise precision/recall/F1 and the
// storylines that mix events. Usage: pnpm eval:storylines
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { buildBriefing } from "../src/index";
import { scoreStoryPairs } from "../test/storyline-pairs";

interface MixStory {
  id: string;
  event: string;
  title: string;
  body: string;
  source: string;
  publishedAt: string;
}

const mix = JSON.parse(
  readFileSync(resolve(import.meta.dirname, "../test/fixtures/broad-topic-mix.json"), "utf8"),
) as { stories: MixStory[] };
const eventOf = new Map(mix.stories.map((s) => [s.id, s.event]));
const briefing = buildBriefing(
  mix.stories.map(({ event: _event, ...story }) => story),
  { maxStorylines: 100 },
);
const groups = briefing.storylines.map((s) => s.storyIds);
const { precision, recall, f1 } = scoreStoryPairs(groups, (id) => eventOf.get(id) ?? id);
console.log(
  `${mix.stories.length} stories, ${new Set(eventOf.values()).size} events → ${groups.length} storylines`,
);
console.log(`pairwise precision ${precision.toFixed(3)}  recall ${recall.toFixed(3)}  F1 ${f1.toFixed(3)}`);
for (const g of groups) {
  const events = new Set(g.map((id) => eventOf.get(id)));
  if (events.size > 1 || g.length < 3)
    console.log(`  ${events.size > 1 ? "mixed" : "split"}: ${g.join(", ")}`);
}
