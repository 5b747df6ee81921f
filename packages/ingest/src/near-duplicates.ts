// Near-duplicate detection: MinHash signatures over word 5-shingles and LSH band keys the
// database can index. Seeded and deterministic; every value fits a PostgreSQL int4.

export const MINHASH_PERMUTATIONS = 128;
export const SHINGLE_WORDS = 5;
/** 16 bands × 8 rows: a pair at similarity 0.9 shares a band with p ≈ 0.9999, at 0.8 p ≈ 0.95, at 0.5 only p ≈ 0.06. */
export const LSH_BANDS = 16;
export const LSH_ROWS = MINHASH_PERMUTATIONS / LSH_BANDS;

/** Salts of the permutations, from a fixed-seed splitmix32 so signatures never change. */
const SALTS: Uint32Array = (() => {
  const salts = new Uint32Array(MINHASH_PERMUTATIONS);
  let state = 0x9e3779b9;
  for (let i = 0; i < salts.length; i++) {
    state = (state + 0x9e3779b9) >>> 0;
    salts[i] = mix32(state);
  }
  return salts;
})();

/** murmur3's finalizer: a bijection on 32 bits, so each salted version is a true permutation. */
function mix32(input: number): number {
  let h = input >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a over UTF-16 code units, then mixed; fast and well spread for short strings. */
function hashString(text: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix32(h);
}

export function tokenizeWords(text: string): string[] {
  return (
    text
      .normalize("NFKC")
      .toLowerCase()
      .match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu) ?? []
  );
}

/**
 * MinHash signature of a text (pass `${title}\n${body}`): 128 signed 32-bit integers.
 * Texts shorter than one shingle are hashed as a single shingle; an empty text gives all
 * int4-max values, which match only other empty texts.
 */
export function computeMinHash(text: string): number[] {
  const words = tokenizeWords(text);
  const mins = new Uint32Array(MINHASH_PERMUTATIONS).fill(0xffffffff);
  // Hash each word once and combine five word hashes per shingle (order-sensitive), instead
  // of building and hashing every shingle string.
  const wordHashes = words.map((word) => hashString(word, 0));
  const shingleCount = Math.max(words.length - SHINGLE_WORDS + 1, words.length > 0 ? 1 : 0);
  const seen = new Set<number>();
  for (let start = 0; start < shingleCount; start++) {
    let shingle = 0x2545f491;
    const end = Math.min(start + SHINGLE_WORDS, wordHashes.length);
    for (let k = start; k < end; k++)
      shingle = mix32(Math.imul(shingle ^ (wordHashes[k] ?? 0), 0x01000193) + k - start);
    if (seen.has(shingle)) continue;
    seen.add(shingle);
    for (let i = 0; i < MINHASH_PERMUTATIONS; i++) {
      const value = mix32(shingle ^ (SALTS[i] ?? 0));
      if (value < (mins[i] ?? 0)) mins[i] = value;
    }
  }
  // Keep 31 bits so the value is a non-negative int4 and order matches unsigned order.
  return Array.from(mins, (value) => value >>> 1);
}

/** Share of equal positions: an unbiased estimate of the shingle Jaccard similarity. */
export function estimateSimilarity(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length || a.length === 0) {
    throw new RangeError(
      `estimateSimilarity: signatures must have the same non-zero length (got ${a.length} and ${b.length})`,
    );
  }
  let equal = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) equal++;
  return equal / a.length;
}

/**
 * LSH keys: one per band ("07:9f3c01d2a4b5e6f7"), the band number plus a 64-bit hash of its
 * rows. Two stories sharing any key are candidates; compare signatures to confirm.
 */
export function lshBands(signature: readonly number[]): string[] {
  if (signature.length !== MINHASH_PERMUTATIONS) {
    throw new RangeError(
      `lshBands: expected a ${MINHASH_PERMUTATIONS}-value signature, got ${signature.length}`,
    );
  }
  const keys: string[] = [];
  for (let band = 0; band < LSH_BANDS; band++) {
    let low = 0x811c9dc5 ^ band;
    let high = 0x01000193 ^ Math.imul(band, 0x9e3779b9);
    for (let row = 0; row < LSH_ROWS; row++) {
      const value = signature[band * LSH_ROWS + row] ?? 0;
      low = mix32(Math.imul(low ^ value, 0x01000193));
      high = mix32(Math.imul(high ^ value, 0x85ebca6b) ^ 0x27d4eb2f);
    }
    keys.push(`${band.toString().padStart(2, "0")}:${hex32(high)}${hex32(low)}`);
  }
  return keys;
}

function hex32(value: number): string {
  return (value >>> 0).toString(16).padStart(8, "0");
}
