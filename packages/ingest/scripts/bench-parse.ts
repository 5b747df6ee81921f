// Parse throughput on the BBC corpus: streams the JSONL line by line (memory stays flat),
// prints parse-only articles/s, peak memory, and exact and near duplicates found.
// Usage: npx tsx scripts/bench-parse.ts [path/to/bbc-news.jsonl]

import { createHash } from "node:crypto";
import { createReadStream, existsSync } from "node:fs";
import { cpus } from "node:os";
import { resolve } from "node:path";
import { createInterface } from "node:readline";
import { performance } from "node:perf_hooks";
import { computeContentHash, computeMinHash, estimateSimilarity, lshBands, parseText } from "../src/index";

const NEAR_DUPLICATE_THRESHOLD = 0.9;

async function runBench(path: string): Promise<void> {
  const lines = createInterface({ input: createReadStream(path, { encoding: "utf8" }), crlfDelay: Infinity });

  let parsed = 0;
  let rejected = 0;
  let parseMs = 0;
  let hashMs = 0;
  let peakRss = 0;
  let peakHeap = 0;
  let heapAt500 = 0;
  let lineNumber = 0;

  const firstByHash = new Map<string, string>();
  const firstByRawText = new Map<string, string>();
  const firstByNormalizedText = new Map<string, string>();
  const firstByTitleAndText = new Map<string, string>();
  let rawTextDuplicates = 0;
  let titleAndTextDuplicates = 0;
  const signatures = new Map<string, number[]>();
  const bandIndex = new Map<string, string[]>();
  let exactDuplicates = 0;
  let groundTruthDuplicates = 0;
  let disagreements = 0;
  const nearPairs: { a: string; b: string; similarity: number }[] = [];

  for await (const line of lines) {
    lineNumber++;
    if (line.trim() === "") continue;

    const started = performance.now();
    const results = parseText(line, { name: `bbc-news.jsonl:${lineNumber}`, format: "ndjson" });
    parseMs += performance.now() - started;

    const result = results[0];
    if (!result?.ok) {
      rejected++;
      continue;
    }
    parsed++;
    const story = result.story;
    const id = readId(line) ?? result.item;

    // Ground truth, computed from the raw record rather than the parsed story: the same article
    // text once lower-cased with punctuation and whitespace folded away. Also counted: byte-
    // identical text (the corpus's own definition), and identical title + text.
    const raw = JSON.parse(line) as { title?: unknown; text?: unknown };
    const rawText = String(raw.text);
    const rawDuplicate = countFirst(
      firstByNormalizedText,
      sha256(
        rawText
          .toLowerCase()
          .replace(/[^\p{L}\p{N}]+/gu, " ")
          .trim(),
      ),
      id,
    );
    if (rawDuplicate) groundTruthDuplicates++;
    if (countFirst(firstByRawText, sha256(rawText), id)) rawTextDuplicates++;
    if (countFirst(firstByTitleAndText, sha256(`${String(raw.title)}\n${rawText}`), id))
      titleAndTextDuplicates++;

    const hashStarted = performance.now();
    const hash = computeContentHash(story);
    const signature = computeMinHash(`${story.title}\n${story.body}`);
    const bands = lshBands(signature);
    hashMs += performance.now() - hashStarted;

    const hashDuplicate = firstByHash.has(hash);
    if (hashDuplicate) exactDuplicates++;
    else firstByHash.set(hash, id);
    if (hashDuplicate !== rawDuplicate) disagreements++;

    if (!hashDuplicate) {
      const candidates = new Set<string>();
      for (const band of bands) for (const other of bandIndex.get(band) ?? []) candidates.add(other);
      for (const other of candidates) {
        const otherSignature = signatures.get(other);
        if (!otherSignature) continue;
        const similarity = estimateSimilarity(signature, otherSignature);
        if (similarity >= NEAR_DUPLICATE_THRESHOLD) nearPairs.push({ a: other, b: id, similarity });
      }
      signatures.set(id, signature);
      for (const band of bands) {
        const bucket = bandIndex.get(band);
        if (bucket) bucket.push(id);
        else bandIndex.set(band, [id]);
      }
    }

    if (parsed % 25 === 0) {
      const memory = process.memoryUsage();
      peakRss = Math.max(peakRss, memory.rss);
      peakHeap = Math.max(peakHeap, memory.heapUsed);
      if (parsed === 500) heapAt500 = memory.heapUsed;
    }
  }

  const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  console.log(`file            ${path}`);
  console.log(`machine         ${cpus().length} cores, node ${process.version}`);
  console.log(`articles        ${parsed} parsed, ${rejected} rejected`);
  console.log(
    `parse only      ${(parsed / (parseMs / 1000)).toFixed(0)} articles/s (${parseMs.toFixed(0)} ms)`,
  );
  console.log(
    `hash+minhash    ${(parsed / (hashMs / 1000)).toFixed(0)} articles/s (${hashMs.toFixed(0)} ms)`,
  );
  console.log(
    `peak memory     rss ${mb(peakRss)}, heap ${mb(peakHeap)} (heap after 500 articles ${mb(heapAt500)}, at the end ${mb(process.memoryUsage().heapUsed)})`,
  );
  console.log(
    `exact dupes     ${exactDuplicates} by computeContentHash; ground truth ${groundTruthDuplicates} (same normalized text), ${disagreements} disagreements`,
  );
  console.log(
    `                (${rawTextDuplicates} with byte-identical text, ${titleAndTextDuplicates} with identical title and text)`,
  );
  console.log(
    `near dupes      ${nearPairs.length} more pairs at estimated similarity >= ${NEAR_DUPLICATE_THRESHOLD} (not exact)`,
  );
  for (const pair of nearPairs.slice(0, 10))
    console.log(`                ${pair.a} ~ ${pair.b} (${pair.similarity.toFixed(2)})`);
}

/** True when `key` was seen before; otherwise remembers it. */
function countFirst(seen: Map<string, string>, key: string, id: string): boolean {
  if (seen.has(key)) return true;
  seen.set(key, id);
  return false;
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

function readId(line: string): string | null {
  const match = /"id"\s*:\s*"([^"]+)"/.exec(line);
  return match?.[1] ?? null;
}

const path = resolve(
  process.argv[2] ?? new URL("../../../../shared/fixtures/bbc-news.jsonl", import.meta.url).pathname,
);
if (!existsSync(path)) {
  console.error(`bench-parse: ${path} not found; pass the path to bbc-news.jsonl`);
  process.exitCode = 1;
} else {
  await runBench(path);
}
