// `pnpm bench:ingest`: the BBC set (../shared/fixtures/bbc-news.jsonl, 2,225 articles)
// parsed, then parsed and stored into a fresh database. Prints articles/s, memory, duplicates.
import { createReadStream, existsSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { parseText, type UploadFile } from "@dispatch/ingest";
import { createTestDatabase } from "@dispatch/db/testing";
import { commitUpload } from "../src/services/upload";

const fixture =
  process.argv[2] ??
  path.resolve(fileURLToPath(import.meta.url), "../../../../../shared/fixtures/bbc-news.jsonl");
if (!existsSync(fixture)) {
  console.error(`No fixture at ${fixture}; pass the path to bbc-news.jsonl.`);
  process.exit(1);
}

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

async function* lines(): AsyncGenerator<{ line: string; number: number }> {
  let number = 0;
  for await (const line of createInterface({ input: createReadStream(fixture), crlfDelay: Infinity })) {
    number += 1;
    if (line.trim()) yield { line, number };
  }
}

// 1. Parse only.
let parsed = 0;
let parseStart = performance.now();
for await (const { line, number } of lines()) {
  const results = parseText(line, { name: `bbc.ndjson:${number}`, format: "ndjson" });
  parsed += results.filter((result) => result.ok).length;
}
const parseSeconds = (performance.now() - parseStart) / 1000;

// 2. Parse and store, one item per line, streamed.
const database = await createTestDatabase();
const rssAt: string[] = [];
async function* files(): AsyncGenerator<UploadFile> {
  for await (const { line, number } of lines())
    yield { name: `bbc.ndjson:${number}`, bytes: line, contentType: "application/x-ndjson" };
}
const storeStart = performance.now();
const result = await commitUpload(
  database.db,
  files(),
  { userId: null, via: "cli" },
  {
    onItem: (_item, done) => {
      if (done % 500 === 0) rssAt.push(`${done}: ${mb(process.memoryUsage().rss)}`);
    },
  },
);
const storeSeconds = (performance.now() - storeStart) / 1000;
const nearDuplicates = result.items.filter((item) => item.nearDuplicateOfId).length;
await database.drop();
clearInterval(sampler);

parseStart = 0;
console.log(`database          ${database.embedded ? "embedded PGlite" : "PostgreSQL server"}`);
console.log(`articles          ${parsed} parsed of ${fixture}`);
console.log(
  `parse only        ${(parsed / parseSeconds).toFixed(0)} articles/s (${parseSeconds.toFixed(2)} s)`,
);
console.log(
  `parse + store     ${(result.items.length / storeSeconds).toFixed(0)} articles/s (${storeSeconds.toFixed(1)} s)`,
);
console.log(`stored            ${result.stored}`);
console.log(`exact duplicates  ${result.duplicates}`);
console.log(`near-duplicates   ${nearDuplicates} (stored, flagged)`);
console.log(`rejected          ${result.rejected}`);
console.log(`peak RSS          ${mb(peakRss)}`);
console.log(`RSS by item       ${rssAt.join(", ")}`);
