// The reader's one cache of public page data (see public-read-cache.ts), shared by every
// request in this process and kept fresh by the database's change notifications, so every
// reader instance drops a rebuilt topic's page data the moment the rebuild commits.
import { getDbEnv } from "@dispatch/db";
import { listenForPublicChanges } from "@dispatch/db/public-changes";
import { getReaderEnv } from "~/env";
import { PublicReadCache, type ReadTag } from "./public-read-cache";

export type { ReadTag };

// Two shelves, so that a burst of distinct searches cannot push the pages out: searches are
// many and each is read by few, pages are few and read by everyone.
type Shared = { cache: PublicReadCache; searches: PublicReadCache; started: boolean };

// On globalThis: Next may load this module once per route bundle, and one process wants one
// cache and one LISTEN connection.
const shared = ((globalThis as { dispatchPageDataCache?: Shared }).dispatchPageDataCache ??= {
  cache: new PublicReadCache(),
  searches: new PublicReadCache(1000),
  started: false,
});
const MAX_SEARCH_KEY = 600;
const shelves = () => [shared.cache, shared.searches];

/** Starts listening for changes (once per process); until it is listening, reads are not cached. */
export function startPageDataCache(): void {
  if (shared.started || process.env.NEXT_PHASE === "phase-production-build") return;
  const url = getDbEnv().DATABASE_URL;
  if (!url || !getReaderEnv().pageDataCache) return;
  shared.started = true;
  let lostOnce = false;
  listenForPublicChanges(url, {
    onChange: (change) => shelves().forEach((shelf) => shelf.apply(change)),
    onListening: () => {
      shelves().forEach((shelf) => shelf.startListening());
      if (lostOnce) console.info("[reader] listening for changes again: page data is cached again");
    },
    onUnsupported: (reason) => {
      console.warn(
        `[reader] this database does not deliver change notifications (${reason}; the embedded database never does): page data is read from the database on every request`,
      );
    },
    onLost: (error) => {
      shelves().forEach((shelf) => shelf.stopListening());
      lostOnce = true;
      console.warn(
        "[reader] lost the database's change notifications; pages read the database directly until they are back:",
        error instanceof Error ? error.message : error,
      );
    },
  });
}

/** `load`'s result for `key`, from memory while the database's changes are being heard. */
export function cachedRead<T>(key: string, tags: readonly ReadTag[], load: () => Promise<T>): Promise<T> {
  startPageDataCache();
  return shared.cache.read(key, tags, load);
}

/**
 * A search's answer, from memory while changes are heard. Results change only when stories,
 * tags, topics or sources do (the "everything" change); a rebuilt briefing leaves them be.
 * A popular search, or the next page of one, then costs no database work.
 */
export function cachedSearch<T>(key: string, load: () => Promise<T>): Promise<T> {
  // Over-long forms are refused by the search anyway; keeping them would only hold memory.
  if (key.length > MAX_SEARCH_KEY) return load();
  startPageDataCache();
  return shared.searches.read(key, [], load);
}
