// Optional checks on the shared evaluation fixtures (not part of the repo); skipped when absent.

import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { computeContentHash, parseText, parseUpload } from "../src/index";
import { getStories } from "./fixture-loading";

const ENVOY = new URL("../../../../shared/fixtures/envoy-sample.txt", import.meta.url).pathname;
const BBC = new URL("../../../../shared/fixtures/bbc-news.jsonl", import.meta.url).pathname;

describe.skipIf(!existsSync(ENVOY))("envoy sample", () => {
  it("gives three clean stories with titles, sources, bylines and topic", async () => {
    const stories = getStories(
      await parseUpload({ name: "envoy-sample.txt", bytes: new Uint8Array(readFileSync(ENVOY)) }),
    );
    expect(stories.map((story) => story.source)).toEqual(["BBC", "Al Jazeera", "Al Jazeera"]);
    expect(stories.map((story) => story.topicHint)).toEqual(["envoy", "envoy", "envoy"]);
    expect(stories[0]?.byline).toEqual(["Laura Gozzi", "Ottilie Mitchell"]);
    for (const story of stories) {
      expect(story.title).not.toMatch(/\|| News$/);
      expect(story.body).not.toMatch(
        /^(?:Reuters .*Reuters|Watch:|Recommended Stories|list of \d|Source link|Map showing)/m,
      );
      expect(story.body).not.toMatch(/\(file picture\)/);
    }
  });

  it("accounts for every line of every article: title, body paragraph, or a reasoned drop", async () => {
    const stories = getStories(
      await parseUpload({ name: "envoy-sample.txt", bytes: new Uint8Array(readFileSync(ENVOY)) }),
    );
    for (const story of stories) {
      const kept = new Set(story.body.split("\n\n"));
      const dropped = new Set(story.dropped.map((entry) => entry.text));
      const lines = story.original
        .split("\n")
        .map((line) => line.trim())
        .filter(Boolean);
      const unaccounted = lines.slice(1).filter((line) => !kept.has(line) && !dropped.has(line));
      expect(unaccounted).toEqual([]);
    }
  });
});

describe.skipIf(!existsSync(BBC))("BBC corpus duplicates", () => {
  it("finds exactly the articles whose normalized text repeats an earlier one", () => {
    const lines = readFileSync(BBC, "utf8")
      .split("\n")
      .filter((line) => line.trim() !== "");
    const byHash = new Set<string>();
    const byText = new Set<string>();
    let hashDuplicates = 0;
    let textDuplicates = 0;
    let byteIdentical = 0;
    const rawTexts = new Set<string>();
    for (const line of lines) {
      const [result] = parseText(line, { format: "ndjson" });
      if (!result?.ok) throw new Error(`BBC line did not parse: ${JSON.stringify(result)}`);
      const hash = computeContentHash(result.story);
      const isHashDuplicate = byHash.has(hash);
      byHash.add(hash);

      const raw = (JSON.parse(line) as { text: string }).text;
      const key = raw
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, " ")
        .trim();
      const isTextDuplicate = byText.has(key);
      byText.add(key);
      if (rawTexts.has(raw)) byteIdentical++;
      rawTexts.add(raw);

      expect(isHashDuplicate).toBe(isTextDuplicate);
      if (isHashDuplicate) hashDuplicates++;
      if (isTextDuplicate) textDuplicates++;
    }
    expect(byteIdentical).toBe(133);
    expect(textDuplicates).toBe(138);
    expect(hashDuplicates).toBe(138);
  });
});
