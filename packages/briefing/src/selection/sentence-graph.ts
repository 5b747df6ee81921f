// LexRank (Erkan & Radev 2004): PageRank over the cosine graph of a storyline's sentences, so
// a sentence is central when sentences that are themselves central resemble it — a signal that
// holds from one set of news to another, unlike a weight fit to one set. Pairs are found
// through an inverted index over the rarer terms, so a large storyline never compares every
// sentence with every other.
import { IndexedVectors, type SparseVector } from "../text/sparse-vectors";

/** Cosine from which two sentences are linked. */
const EDGE_MIN = 0.1;
const DAMPING = 0.85;
const ITERATIONS = 30;
// Terms in more sentences than this carry little weight and would make the pair search quadratic.
const MAX_POSTING = 60;

/** Each sentence's LexRank score, scaled to [0, 1] by the storyline's largest. */
export function measureLexRank(vectors: readonly SparseVector[]): number[] {
  const n = vectors.length;
  const indexed = new IndexedVectors(vectors);
  const cap = Math.max(MAX_POSTING, Math.ceil(n * 0.05));
  const edges: Array<Array<{ j: number; w: number }>> = vectors.map(() => []);
  const seen = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const terms = indexed.terms[i];
    if (!terms) continue;
    indexed.focus(i);
    for (let k = 0; k < terms.length; k++) {
      const list = indexed.postings[terms[k] ?? 0];
      if (!list || list.length > cap) continue;
      for (const j of list) {
        if (j <= i || seen[j] === i) continue;
        seen[j] = i;
        const w = indexed.dot(j);
        // Exact copies (one outlet's text twice) would only vote for each other.
        if (w < EDGE_MIN || w >= 0.999) continue;
        edges[i]?.push({ j, w });
        edges[j]?.push({ j: i, w });
      }
    }
  }

  // The graph as flat arrays (each sentence's edges in the order found) for the iterations.
  const out = new Float64Array(n);
  const edgeStart = new Int32Array(n + 1);
  let count = 0;
  edges.forEach((list, j) => {
    edgeStart[j] = count;
    out[j] = list.reduce((a, e) => a + e.w, 0);
    count += list.length;
  });
  edgeStart[n] = count;
  const target = new Int32Array(count);
  const weight = new Float64Array(count);
  let at = 0;
  for (const list of edges) {
    for (const e of list) {
      target[at] = e.j;
      weight[at] = e.w;
      at++;
    }
  }
  let rank = new Float64Array(n).fill(1 / Math.max(1, n));
  let next = new Float64Array(n);
  for (let iter = 0; iter < ITERATIONS; iter++) {
    next.fill((1 - DAMPING) / Math.max(1, n));
    for (let j = 0; j < n; j++) {
      const total = out[j] ?? 0;
      if (total === 0) continue;
      const share = (DAMPING * (rank[j] ?? 0)) / total;
      const end = edgeStart[j + 1] ?? 0;
      for (let e = edgeStart[j] ?? 0; e < end; e++) {
        const to = target[e] ?? 0;
        next[to] = (next[to] ?? 0) + share * (weight[e] ?? 0);
      }
    }
    [rank, next] = [next, rank];
  }
  const max = rank.reduce((a, b) => Math.max(a, b), 0);
  return Array.from(rank, (v) => (max > 0 ? v / max : 0));
}
