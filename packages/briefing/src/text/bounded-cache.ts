// A small bounded memo for the two slow library calls (compromise's tagger, chrono's
// parser). Results depend only on the key, so caching keeps output deterministic; rebuilding
// a topic after one new story then re-parses only that story's text.

export class BoundedCache<V> {
  private readonly entries = new Map<string, V>();
  constructor(private readonly capacity: number) {}

  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      // Refresh recency: Map keeps insertion order, so the oldest entry is evicted first.
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: string, value: V): void {
    if (this.entries.has(key)) this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
  }
}

/**
 * Memoises a pure function of one string (a word or a name asked about again and again in
 * every sentence). The memo is cleared when full rather than evicting one by one, so a hit
 * costs one Map lookup.
 */
export function memoizeByString<V>(fn: (key: string) => V, capacity = 50_000): (key: string) => V {
  const memo = new Map<string, V>();
  return (key: string): V => {
    const hit = memo.get(key);
    if (hit !== undefined || memo.has(key)) return hit as V;
    const value = fn(key);
    if (memo.size >= capacity) memo.clear();
    memo.set(key, value);
    return value;
  };
}
