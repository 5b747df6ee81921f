// ROUGE and the two baselines (Lead, TextRank) for Multi-News-style clusters, shared by
// eval-briefing.ts and the cross-validated tuning in tune-selection.ts so both score alike.
// ROUGE here: lowercase, [a-z0-9]+ tokens, Porter stemming (optional), no stopword removal;
// ROUGE-L is the F1 of the longest common subsequence over the whole text.
import { readFileSync } from "node:fs";
import { stemmer } from "stemmer";
import { splitSentences } from "../src/index";
import { getContentStems } from "../src/text/text-tokens";

export interface Cluster {
  id: string;
  documents: Array<{ title: string; text: string }>;
  summary: string;
}

export interface Scores {
  r1: number;
  r2: number;
  rl: number;
}

export function readClusters(path: string): Cluster[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as Cluster);
}

function tokenizeForRouge(text: string, stem: boolean): string[] {
  const tokens = text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  return stem ? tokens.map((t) => (/^[a-z]+$/.test(t) ? stemmer(t) : t)) : tokens;
}

function countNgrams(tokens: readonly string[], n: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    const key = tokens.slice(i, i + n).join(" ");
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

function scoreNgrams(candidate: readonly string[], reference: readonly string[], n: number): number {
  const c = countNgrams(candidate, n);
  const r = countNgrams(reference, n);
  let overlap = 0;
  for (const [k, v] of c) overlap += Math.min(v, r.get(k) ?? 0);
  const cTotal = Math.max(0, candidate.length - n + 1);
  const rTotal = Math.max(0, reference.length - n + 1);
  return computeF1(overlap, cTotal, rTotal);
}

function scoreLcs(candidate: readonly string[], reference: readonly string[]): number {
  let prev = new Array<number>(reference.length + 1).fill(0);
  for (let i = 1; i <= candidate.length; i++) {
    const cur = new Array<number>(reference.length + 1).fill(0);
    for (let j = 1; j <= reference.length; j++) {
      cur[j] =
        candidate[i - 1] === reference[j - 1]
          ? (prev[j - 1] ?? 0) + 1
          : Math.max(prev[j] ?? 0, cur[j - 1] ?? 0);
    }
    prev = cur;
  }
  return computeF1(prev[reference.length] ?? 0, candidate.length, reference.length);
}

function computeF1(overlap: number, candidateTotal: number, referenceTotal: number): number {
  if (overlap === 0 || candidateTotal === 0 || referenceTotal === 0) return 0;
  const p = overlap / candidateTotal;
  const r = overlap / referenceTotal;
  return (2 * p * r) / (p + r);
}

export function scoreSummary(candidate: string, reference: string, stem: boolean): Scores {
  const c = tokenizeForRouge(candidate, stem);
  const r = tokenizeForRouge(reference, stem);
  return { r1: scoreNgrams(c, r, 1), r2: scoreNgrams(c, r, 2), rl: scoreLcs(c, r) };
}

/** Mean of per-cluster scores, in percent. */
export function averageScores(list: readonly Scores[]): Scores {
  const n = Math.max(1, list.length);
  const sum = list.reduce((t, s) => ({ r1: t.r1 + s.r1, r2: t.r2 + s.r2, rl: t.rl + s.rl }), {
    r1: 0,
    r2: 0,
    rl: 0,
  });
  return { r1: (100 * sum.r1) / n, r2: (100 * sum.r2) / n, rl: (100 * sum.rl) / n };
}

function limitWords(sentences: readonly string[], words: number): string {
  return sentences.join(" ").split(/\s+/).filter(Boolean).slice(0, words).join(" ");
}

/** Lead: first sentence of every document, then the second of every document, and so on. */
export function summarizeLead(cluster: Cluster, words: number): string {
  const docs = cluster.documents.map((d) => splitSentences(d.text).map((s) => s.text));
  const out: string[] = [];
  let count = 0;
  for (let i = 0; count < words && docs.some((d) => d.length > i); i++) {
    for (const d of docs) {
      const s = d[i];
      if (!s) continue;
      out.push(s);
      count += s.split(/\s+/).length;
    }
  }
  return limitWords(out, words);
}

/** TextRank (Mihalcea & Tarau 2004): PageRank over sentence overlap, same stems as the engine. */
export function summarizeTextRank(cluster: Cluster, words: number): string {
  const sentences = cluster.documents.flatMap((d) => splitSentences(d.text).map((s) => s.text));
  const bags = sentences.map((s) => new Set(getContentStems(s)));
  const n = sentences.length;
  const weights: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const a = bags[i] ?? new Set<string>();
      const b = bags[j] ?? new Set<string>();
      if (a.size < 2 || b.size < 2) continue;
      let overlap = 0;
      for (const t of a) if (b.has(t)) overlap++;
      const w = overlap / (Math.log(a.size) + Math.log(b.size));
      (weights[i] as number[])[j] = w;
      (weights[j] as number[])[i] = w;
    }
  }
  const outSum = weights.map((row) => row.reduce((x, y) => x + y, 0));
  let rank = new Array<number>(n).fill(1);
  for (let iter = 0; iter < 50; iter++) {
    const next = new Array<number>(n).fill(0.15);
    for (let j = 0; j < n; j++) {
      const row = weights[j] ?? [];
      const total = outSum[j] ?? 0;
      if (total === 0) continue;
      for (let i = 0; i < n; i++) {
        const w = row[i] ?? 0;
        if (w > 0) next[i] = (next[i] ?? 0) + (0.85 * w * (rank[j] ?? 0)) / total;
      }
    }
    rank = next;
  }
  const order = sentences.map((_, i) => i).sort((a, b) => (rank[b] ?? 0) - (rank[a] ?? 0) || a - b);
  const out: string[] = [];
  let count = 0;
  for (const i of order) {
    if (count >= words) break;
    const s = sentences[i] ?? "";
    out.push(s);
    count += s.split(/\s+/).length;
  }
  return limitWords(out, words);
}

/** A cluster's documents as the stories the engine takes (no titles, sources or dates in Multi-News). */
export function toStories(
  cluster: Cluster,
): Array<{ id: string; title: string; body: string; source: null; publishedAt: null }> {
  return cluster.documents.map((d, i) => ({
    id: `doc-${String(i + 1).padStart(2, "0")}`,
    title: d.title,
    body: d.text,
    source: null,
    publishedAt: null,
  }));
}
