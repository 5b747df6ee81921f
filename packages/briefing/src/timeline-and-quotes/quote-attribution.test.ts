import { describe, expect, it } from "vitest";
import { buildBriefing } from "../build-briefing";
import {
  ATTRIBUTION_CASES,
  type AttributionCase,
  type AttributionPattern,
} from "./quote-attribution.fixture";

interface Outcome {
  pattern: AttributionPattern;
  quote: string;
  expected: string | null;
  actual: string | null | undefined;
  ok: boolean;
}

// "the board chairman" and "board chairman", "’" and "'" name the same speaker.
const normalizeSpeaker = (name: string): string =>
  name
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/^(?:a|an|the)\s+/, "")
    .replace(/\s+/g, " ")
    .trim();

function attribute(c: AttributionCase): Outcome[] {
  const briefing = buildBriefing(
    [{ id: "case", title: c.title, body: c.body, source: "Test Gazette", publishedAt: "2025-03-14" }],
    { maxQuotes: 100 },
  );
  return c.quotes.map((label) => {
    const found = briefing.quotes.find((q) => q.text.startsWith(label.quote));
    const actual = found === undefined ? undefined : (found.speaker?.name ?? null);
    const ok =
      actual !== undefined &&
      (actual === null || label.speaker === null
        ? actual === label.speaker
        : normalizeSpeaker(actual) === normalizeSpeaker(label.speaker));
    return { pattern: c.pattern, quote: label.quote, expected: label.speaker, actual, ok };
  });
}

const outcomes = ATTRIBUTION_CASES.flatMap(attribute);
const patterns = [...new Set(ATTRIBUTION_CASES.map((c) => c.pattern))];

describe("quote attribution on our labelled set", () => {
  it("has at least 60 quotes in at least 10 patterns", () => {
    expect(outcomes.length).toBeGreaterThanOrEqual(60);
    expect(patterns.length).toBeGreaterThanOrEqual(10);
  });

  it("gives at least 90% of the quotes the speaker a reader would give them", () => {
    const correct = outcomes.filter((o) => o.ok).length;
    const rate = correct / outcomes.length;
    console.info(`quote attribution: ${correct}/${outcomes.length} correct (${(rate * 100).toFixed(1)}%)`);
    expect(
      rate,
      `wrong: ${JSON.stringify(
        outcomes.filter((o) => !o.ok),
        null,
        1,
      )}`,
    ).toBeGreaterThanOrEqual(0.9);
  });

  // Each pattern on its own: at most one miss, so no pattern can hide behind the others.
  // (The misses left are names the entity rules do not find or type, e.g. "Transport
  // minister Gideon Marsh", "Campaigner Rosalind Achebe".)
  it.each(patterns)("attributes the quotes of the pattern: %s", (pattern) => {
    const mine = outcomes.filter((o) => o.pattern === pattern);
    const wrong = mine.filter((o) => !o.ok);
    expect(wrong.length, JSON.stringify(wrong, null, 1)).toBeLessThanOrEqual(mine.length > 2 ? 1 : 0);
  });
});
