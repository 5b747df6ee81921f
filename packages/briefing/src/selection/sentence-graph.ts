// LexRank (Erkan & Radev 2004): PageRank over the cosine graph of a storyline's sentences, so
// a sentence is central when sentences that are themselves central resemble it — a signal that
// holds from one set of news to another, unlike a weight fit to one set. Pairs are found
// through an inverted index over the rarer terms, so a large storyline never compares every
// sentence with every other.
import type { SparseVector } from "../text/sparse-vectors";

/** Cosine from which two sentences are linked. */
const EDGE_MIN = 0.1;
const DAMPING = 0.85;
const ITERATIONS = 30;
// Terms in more sentences than this carry little weight and would make the pair search quadratic.
const MAX_POSTING = 60;

/** Each sentence's LexRank score, scaled to [0, 1] by the storyline's largest. */
export function measureLexRank(vectors: readonly SparseVector[]): number[] {
  const n = vectors.length;
  // Terms are numbered, and each vector read once into arrays in its own order.
  const termIds = new Map<string, number>();
  const postings: number[][] = [];
  const ids: Int32Array[] = [];
  const weights: Float64Array[] = [];
  vectors.forEach((vector, i) => {
    const own = new Int32Array(vector.size);
    const ownWeights = new Float64Array(vector.size);
    let k = 0;
    for (const [t, w] of vector) {
      let id = termIds.get(t);
      if (id === undefined) {
        id = postings.length;
        termIds.set(t, id);
        postings.push([]);
      }
      postings[id]?.push(i);
      own[k] = id;
      ownWeights[k] = w;
      k++;
    }
    ids.push(own);
    weights.push(ownWeights);
  });
  const cap = Math.max(MAX_POSTING, Math.ceil(n * 0.05));
  const edges: Array<Array<{ j: number; w: number }>> = vectors.map(() => []);
  const seen = new Int32Array(n).fill(-1);
  // Where each term of sentence i sits in it (-1: absent), for the pair products below.
  const positionInI = new Int32Array(postings.length).fill(-1);
  const matched: number[] = [];
  for (let i = 0; i < n; i++) {
    const ti = ids[i] ?? new Int32Array(0);
    const wi = weights[i] ?? new Float64Array(0);
    for (let k = 0; k < ti.length; k++) positionInI[ti[k] ?? 0] = k;
    for (let k = 0; k < ti.length; k++) {
      const list = postings[ti[k] ?? 0];
      if (!list || list.length > cap) continue;
      for (const j of list) {
        if (j <= i || seen[j] === i) continue;
        seen[j] = i;
        const w = cosine(ti, wi, ids[j] ?? new Int32Array(0), weights[j] ?? new Float64Array(0));
        // Exact copies (one outlet's text twice) would only vote for each other.
        if (w < EDGE_MIN || w >= 0.999) continue;
        edges[i]?.push({ j, w });
        edges[j]?.push({ j: i, w });
      }
    }
    for (let k = 0; k < ti.length; k++) positionInI[ti[k] ?? 0] = -1;
  }

  // dotProduct(vector i, vector j), to the last bit: the shared terms summed in the order of
  // the smaller vector (i's when the sizes are equal), each product written as dotProduct writes it.
  function cosine(ti: Int32Array, wi: Float64Array, tj: Int32Array, wj: Float64Array): number {
    let sum = 0;
    if (ti.length <= tj.length) {
      matched.length = 0;
      for (let m = 0; m < tj.length; m++) {
        const at = positionInI[tj[m] ?? 0] ?? -1;
        if (at >= 0) matched.push(at, m);
      }
      if (matched.length > 2) sortPairs(matched);
      for (let p = 0; p < matched.length; p += 2)
        sum += (wi[matched[p] ?? 0] ?? 0) * (wj[matched[p + 1] ?? 0] ?? 0);
    } else {
      for (let m = 0; m < tj.length; m++) {
        const at = positionInI[tj[m] ?? 0] ?? -1;
        if (at >= 0) sum += (wj[m] ?? 0) * (wi[at] ?? 0);
      }
    }
    return sum;
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

/** Sorts a flat list of (position, other) pairs by position (few pairs: insertion sort). */
function sortPairs(pairs: number[]): void {
  for (let a = 2; a < pairs.length; a += 2) {
    const key = pairs[a] ?? 0;
    const other = pairs[a + 1] ?? 0;
    let b = a - 2;
    while (b >= 0 && (pairs[b] ?? 0) > key) {
      pairs[b + 2] = pairs[b] ?? 0;
      pairs[b + 3] = pairs[b + 1] ?? 0;
      b -= 2;
    }
    pairs[b + 2] = key;
    pairs[b + 3] = other;
  }
}
