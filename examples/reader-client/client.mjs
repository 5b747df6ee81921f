#!/usr/bin/env node
// A stranger's client for Dispatch's public read API, written from the developers page
// (/developers) and the OpenAPI document (/api/openapi.json) alone. It imports nothing but
// Node's own modules and uses the built-in fetch (Node 18 or later).
//
//   node client.mjs [--site URL] [--topic SLUG] [--search WORDS]
//
// It lists the topics, prints one topic's briefing (the largest topic unless --topic names
// one) with the story each point cites, and searches the stories (for the topic's name
// unless --search says otherwise).
import { parseArgs } from "node:util";

const usage = "Usage: node client.mjs [--site http://127.0.0.1:3000] [--topic SLUG] [--search WORDS]";

let options;
try {
  ({ values: options } = parseArgs({
    options: {
      site: { type: "string", default: "http://127.0.0.1:3000" },
      topic: { type: "string" },
      search: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  }));
} catch (error) {
  console.error(`${error.message}\n${usage}`);
  process.exit(2);
}
if (options.help) {
  console.log(usage);
  process.exit(0);
}
if (!URL.canParse(options.site)) {
  console.error(`--site must be a web address like http://127.0.0.1:3000, not “${options.site}”.`);
  process.exit(2);
}

const api = new URL("/api/v1/", options.site);

/** GET (or POST) one API route; an error answer ends the script with the server's own message. */
async function call(path, params = {}) {
  const url = new URL(path, api);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, String(value));
  let response;
  try {
    response = await fetch(url, { headers: { accept: "application/json" } });
  } catch (error) {
    throw new Error(
      `Could not reach ${url.origin} (${error.cause?.code ?? error.cause?.errors?.[0]?.code ?? error.cause?.message ?? error.message}). Is the reader running?`,
    );
  }
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const message = body?.error?.message ?? `${response.status} ${response.statusText}`;
    throw new Error(`${url.pathname}: ${message}`);
  }
  return body;
}

const day = (iso) => (iso ? iso.slice(0, 10) : "undated");
/** Search segments with the matched words in *stars*, on one line. */
const marked = (segments) =>
  segments
    .map((part) => (part.match ? `*${part.text}*` : part.text))
    .join("")
    .replace(/\s+/g, " ");

async function main() {
  // 1. GET /api/v1/topics
  const topics = await call("topics");
  console.log(`${topics.length} topics at ${options.site}`);
  for (const topic of topics)
    console.log(`  ${topic.slug.padEnd(28)} ${String(topic.storyCount).padStart(4)} stories  ${topic.name}`);
  if (topics.length === 0) return;

  // 2. GET /api/v1/topics/{topic}/briefing
  const chosen = options.topic ?? [...topics].sort((a, b) => b.storyCount - a.storyCount)[0].slug;
  const page = await call(`topics/${encodeURIComponent(chosen)}/briefing`);
  console.log("");
  if (page === null) {
    console.log(`${chosen}: no briefing has been built yet.`);
  } else {
    const stories = new Map(page.stories.map((story) => [story.id, story]));
    const { briefing } = page;
    console.log(`${page.topic.name} — briefing version ${page.version}, ${day(page.createdAt)}`);
    console.log(`  ${briefing.headline}`);
    for (const point of briefing.points.slice(0, 5)) {
      const cited = stories.get(point.citations[0]?.storyId);
      const from = cited ? `${cited.source ?? "unknown source"}: “${cited.title}”` : "no citation";
      console.log(`  • ${point.text}`);
      console.log(
        `      ${point.sourceCount} source${point.sourceCount === 1 ? "" : "s"}; first cited: ${from}`,
      );
    }
    console.log(`  ${briefing.points.length} points from ${page.stories.length} stories in all.`);
  }

  // 3. GET /api/v1/search?q=…
  const words = options.search ?? topics.find((topic) => topic.slug === chosen)?.name ?? chosen;
  const results = await call("search", { q: words, pageSize: 5 });
  console.log("");
  console.log(`Search “${results.q}”: ${results.total}${results.totalCapped ? "+" : ""} stories`);
  if (results.notice) console.log(`  (${results.notice})`);
  for (const hit of results.hits) {
    console.log(`  ${day(hit.publishedAt)}  ${marked(hit.title)}  — ${hit.source ?? "unknown source"}`);
    console.log(`      ${marked(hit.snippet)}`);
  }
}

main().catch((error) => {
  console.error(error.message);
  process.exit(1);
});
