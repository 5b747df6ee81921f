// How long browsers and shared caches (a CDN, a caching proxy) may keep public pages and feeds.
// They are the same for every reader (no page reads the session), so they are `public`.
// Browsers ask again on every visit (max-age=0; no `no-store`, so back/forward cache works);
// a shared cache serves a copy for 5 s and then, for 10 s more, once while it fetches a fresh
// one in the background, so a story removed at the origin is gone from such a cache within
// 15 s at worst. The origin itself answers from data dropped the moment a change commits
// (page-data-cache.ts), so nothing here waits on a timer to learn of a change.
export const PUBLIC_CACHE_CONTROL = "public, max-age=0, s-maxage=5, stale-while-revalidate=10";

/** The public pages, as next.config.ts `headers()` sources. */
export const PUBLIC_PAGE_SOURCES = ["/", "/about", "/search", "/topics/:slug", "/stories/:idOrSlug"] as const;
