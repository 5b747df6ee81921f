// The plain-text summary used for evaluation: the overview, then the remaining top points in
// rank order, cut at the word limit.
import type { CitedSentence, Point } from "../types";

export function writeSummary(
  overview: readonly CitedSentence[],
  points: readonly Point[],
  words: number,
): string {
  const limit = Math.max(0, Math.floor(words));
  const parts: string[] = [];
  const usedCitations = new Set<string>();
  const keyOf = (c: { storyId: string; sentenceIndex: number }): string => `${c.storyId}#${c.sentenceIndex}`;
  for (const s of overview) {
    parts.push(s.text);
    for (const c of s.citations) usedCitations.add(keyOf(c));
  }
  for (const p of points) {
    if (p.citations.some((c) => usedCitations.has(keyOf(c)))) continue;
    parts.push(p.text);
    for (const c of p.citations) usedCitations.add(keyOf(c));
  }
  const tokens = parts.join(" ").split(/\s+/).filter(Boolean);
  if (tokens.length <= limit) return tokens.join(" ");
  return tokens.slice(0, limit).join(" ");
}
