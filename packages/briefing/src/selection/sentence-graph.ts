// LexRank (Erkan & Radev 2004): PageRank over the cosine graph of a storyline's sentences, so
// a sentence is central when sentences that are themselves central resemble it — a signal that
// holds from one set of news to another, unlike a weight fit to one set. Pairs are found
// through an inverted index over the rarer terms, so a large storyline never compares every
// sentence with every other.
import { type SparseVector, dotProduct } from "../text/sparse-vectors";

/** Cosine from which two sentences are linked. */
const EDGE_MIN = 0.1;
const DAMPING = 0.85;
const ITERATIONS = 30;
// Terms in more sentences than this carry little weight and would make the pair search quadratic.
const MAX_POSTING = 60;

/** Each sentence's LexRank score, scaled to [0, 1] by the storyline's largest. */
export function measureLexRank(vectors: readonly SparseVector[]): number[] {
  const n = vectors.length;
  const postings = new Map<string, number[]>();
  vectors.forEach((vector, i) => {
    for (const t of vector.keys()) {
      const list = postings.get(t);
      if (list) list.push(i);
      else postings.set(t, [i]);
    }
  });
  const cap = Math.max(MAX_POSTING, Math.ceil(n * 0.05));
  const edges: Array<Array<{ j: number; w: number }>> = vectors.map(() => []);
  const seen = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const vector = vectors[i];
    if (!vector) continue;
    for (const t of vector.keys()) {
      const list = postings.get(t);
      if (!list || list.length > cap) continue;
      for (const j of list) {
        if (j <= i || seen[j] === i) continue;
        seen[j] = i;
        const w = dotProduct(vector, vectors[j] ?? new Map());
        // Exact copies (one outlet's text twice) would only vote for each other.
        if (w < EDGE_MIN || w >= 0.999) continue;
        edges[i]?.push({ j, w });
        edges[j]?.push({ j: i, w });
      }
    }
  }

  const out = edges.map((list) => list.reduce((a, e) => a + e.w, 0));
  let rank = new Array<number>(n).fill(1 / Math.max(1, n));
  for (let iter = 0; iter < ITERATIONS; iter++) {
    const next = new Array<number>(n).fill((1 - DAMPING) / Math.max(1, n));
    for (let j = 0; j < n; j++) {
      const total = out[j] ?? 0;
      if (total === 0) continue;
      const share = (DAMPING * (rank[j] ?? 0)) / total;
      for (const e of edges[j] ?? []) next[e.j] = (next[e.j] ?? 0) + share * e.w;
    }
    rank = next;
  }
  const max = rank.reduce((a, b) => Math.max(a, b), 0);
  return rank.map((v) => (max > 0 ? v / max : 0));
}
