// Sparse term vectors (term → weight) and the few operations clustering, scoring and
// redundancy need. Maps keep insertion order, so callers sort keys where order matters.

export type SparseVector = Map<string, number>;

export function countTerms(
  terms: readonly string[],
  weight = 1,
  into: SparseVector = new Map(),
): SparseVector {
  for (const t of terms) into.set(t, (into.get(t) ?? 0) + weight);
  return into;
}

export function normalizeVector(v: SparseVector): SparseVector {
  let sum = 0;
  for (const w of v.values()) sum += w * w;
  if (sum === 0) return v;
  const norm = Math.sqrt(sum);
  const out: SparseVector = new Map();
  for (const [t, w] of v) out.set(t, w / norm);
  return out;
}

export function dotProduct(a: SparseVector, b: SparseVector): number {
  // No destructured pair here: this runs for every sentence pair LexRank and redundancy compare.
  const small = a.size <= b.size ? a : b;
  const large = small === a ? b : a;
  let sum = 0;
  for (const [t, w] of small) {
    const o = large.get(t);
    if (o !== undefined) sum += w * o;
  }
  return sum;
}

export function addVector(into: SparseVector, v: SparseVector, scale = 1): void {
  for (const [t, w] of v) into.set(t, (into.get(t) ?? 0) + w * scale);
}

/** Keeps the `k` heaviest terms (ties broken by term) so vectors stay small on long inputs. */
export function keepTopTerms(v: SparseVector, k: number): SparseVector {
  if (v.size <= k) return v;
  const entries = [...v.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return new Map(entries.slice(0, k));
}

export function weightByIdf(tf: SparseVector, idf: (term: string) => number): SparseVector {
  const out: SparseVector = new Map();
  for (const [t, n] of tf) out.set(t, (1 + Math.log(n)) * idf(t));
  return out;
}
