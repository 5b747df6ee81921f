// Dev helper: prints the briefing for the licensed envoy sample (read from outside the repo).
// Usage: npx tsx scripts/show-envoy.ts [md|text|json]
import { buildBriefing, renderBriefing } from "../src/index";
import { readEnvoyStories } from "./envoy-stories";

const format = process.argv[2] ?? "md";
const briefing = buildBriefing(readEnvoyStories(), { now: () => performance.now() });
if (format === "json") console.log(JSON.stringify(briefing, null, 2));
else console.log(renderBriefing(briefing, format === "text" ? "text" : "md"));
console.error(JSON.stringify(briefing.checks.timings), briefing.checks.ok);
