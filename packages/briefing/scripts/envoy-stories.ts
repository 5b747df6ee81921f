// Dev helper: turns the licensed envoy sample (outside the repo) into stories the way the
// ingest package will: split on "Source link" lines, first line of each chunk is the title.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { StoryInput } from "../src/types";

const SOURCES = ["BBC", "Al Jazeera", "Al Jazeera"];

export function readEnvoyStories(
  path = resolve(import.meta.dirname, "../../../../shared/fixtures/envoy-sample.txt"),
): StoryInput[] {
  const text = readFileSync(path, "utf8");
  const withoutTopic = text.replace(/^[^\n]*\n/, "");
  const chunks = withoutTopic
    .split(/^Source link\s*$/m)
    .map((c) => c.trim())
    .filter((c) => c !== "");
  return chunks.map((chunk, i) => {
    const lines = chunk.split("\n");
    const title = (lines[0] ?? "").trim();
    return {
      id: `envoy-${i + 1}`,
      title,
      body: lines.slice(1).join("\n").trim(),
      source: SOURCES[i] ?? null,
      publishedAt: null,
    };
  });
}
