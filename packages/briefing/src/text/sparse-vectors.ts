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

/**
 * Vectors read once into numbered terms, for the many pairwise dot products of LexRank and
 * story clustering: `dot(j)` after `focus(i)` is `dotProduct(vectors[i], vectors[j])` to the
 * last bit (the shared terms summed in the smaller vector's order, `i`'s when the sizes are
 * equal), without a map lookup per term.
 */
export class IndexedVectors {
  /** Per term number, the vectors holding it, in ascending order. */
  readonly postings: number[][] = [];
  /** Per vector, its term numbers and weights in the vector's own order. */
  readonly terms: Int32Array[] = [];
  private readonly weights: Float64Array[] = [];
  /** Where each term sits in the focused vector (-1: absent). */
  private position = new Int32Array(0);
  private focused = -1;
  private readonly matched: number[] = [];

  constructor(vectors: readonly SparseVector[]) {
    const numbers = new Map<string, number>();
    vectors.forEach((vector, i) => {
      const terms = new Int32Array(vector.size);
      const weights = new Float64Array(vector.size);
      let k = 0;
      for (const [t, w] of vector) {
        let id = numbers.get(t);
        if (id === undefined) {
          id = this.postings.length;
          numbers.set(t, id);
          this.postings.push([]);
        }
        this.postings[id]?.push(i);
        terms[k] = id;
        weights[k] = w;
        k++;
      }
      this.terms.push(terms);
      this.weights.push(weights);
    });
    this.position = new Int32Array(this.postings.length).fill(-1);
  }

  /** Makes vector `i` the left side of the next `dot` calls. */
  focus(i: number): void {
    const position = this.position;
    const previous = this.terms[this.focused];
    if (previous) for (let k = 0; k < previous.length; k++) position[previous[k] ?? 0] = -1;
    this.focused = i;
    const terms = this.terms[i];
    if (terms) for (let k = 0; k < terms.length; k++) position[terms[k] ?? 0] = k;
  }

  /** dotProduct(vectors[focused], vectors[j]). */
  dot(j: number): number {
    const position = this.position;
    const ti = this.terms[this.focused] ?? EMPTY_TERMS;
    const wi = this.weights[this.focused] ?? EMPTY_WEIGHTS;
    const tj = this.terms[j] ?? EMPTY_TERMS;
    const wj = this.weights[j] ?? EMPTY_WEIGHTS;
    let sum = 0;
    if (ti.length <= tj.length) {
      // The focused vector is the smaller: its order, so the shared terms are sorted by where they sit in it.
      const matched = this.matched;
      matched.length = 0;
      for (let m = 0; m < tj.length; m++) {
        const at = position[tj[m] ?? 0] ?? -1;
        if (at >= 0) matched.push(at, m);
      }
      if (matched.length > 2) sortPairs(matched);
      for (let p = 0; p < matched.length; p += 2)
        sum += (wi[matched[p] ?? 0] ?? 0) * (wj[matched[p + 1] ?? 0] ?? 0);
    } else {
      for (let m = 0; m < tj.length; m++) {
        const at = position[tj[m] ?? 0] ?? -1;
        if (at >= 0) sum += (wj[m] ?? 0) * (wi[at] ?? 0);
      }
    }
    return sum;
  }
}

const EMPTY_TERMS = new Int32Array(0);
const EMPTY_WEIGHTS = new Float64Array(0);

/** Sorts a flat list of (position, other) pairs by position (a handful of pairs: insertion sort). */
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
