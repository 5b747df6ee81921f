// What a public page reads (a topic's briefing, a story, the home page's lists), kept in this
// process until the database says it changed. No timer: an entry lives until a change that
// touches it (PublicChange, from PostgreSQL's NOTIFY) or until it is the oldest of too many.
// While nobody is listening for changes (not yet connected, or the connection dropped) every
// read goes to the database, since a change could not be heard.
import type { PublicChange } from "@dispatch/db/public-changes";

/** `briefings`: the read shows every topic's latest briefing (the home page, a story's "cited by"). */
export type ReadTag = "briefings" | `topic:${string}`;

type Entry = { value: Promise<unknown>; tags: readonly ReadTag[] };

export class PublicReadCache {
  readonly #entries = new Map<string, Entry>();
  #listening = false;

  constructor(private readonly maxEntries = 500) {}

  /** Whether reads are served from memory (only while changes are being heard). */
  get listening(): boolean {
    return this.#listening;
  }

  get size(): number {
    return this.#entries.size;
  }

  /**
   * The cached result of `load` for `key`, loading it once however many requests ask at the
   * same time. `tags` say which changes other than "everything" make it stale. The value is
   * shared by every request: callers must not mutate it.
   */
  read<T>(key: string, tags: readonly ReadTag[], load: () => Promise<T>): Promise<T> {
    if (!this.#listening) return load();
    const cached = this.#entries.get(key);
    if (cached) {
      // Least recently used goes first when the cache is full: move this one to the end.
      this.#entries.delete(key);
      this.#entries.set(key, cached);
      return cached.value as Promise<T>;
    }
    const entry: Entry = { value: load(), tags };
    this.#entries.set(key, entry);
    // A failed read is not kept: the next request tries again.
    entry.value.catch(() => {
      if (this.#entries.get(key) === entry) this.#entries.delete(key);
    });
    for (const oldest of this.#entries.keys()) {
      if (this.#entries.size <= this.maxEntries) break;
      this.#entries.delete(oldest);
    }
    return entry.value as Promise<T>;
  }

  /**
   * Drops what a committed change makes stale. A read still loading is dropped too, so a
   * request that starts after the change never gets a value read before it.
   */
  apply(change: PublicChange): void {
    if (change.kind === "all") {
      this.#entries.clear();
      return;
    }
    const topicTag: ReadTag = `topic:${change.slug}`;
    for (const [key, entry] of this.#entries) {
      if (entry.tags.includes(topicTag) || entry.tags.includes("briefings")) this.#entries.delete(key);
    }
  }

  /** Changes are heard from now on; whatever was kept before may have missed some. */
  startListening(): void {
    this.#entries.clear();
    this.#listening = true;
  }

  /** Changes are no longer heard: stop serving from memory until listening again. */
  stopListening(): void {
    this.#listening = false;
    this.#entries.clear();
  }
}
