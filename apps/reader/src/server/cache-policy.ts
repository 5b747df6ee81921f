// How long browsers and shared caches (a CDN, a caching proxy) may keep public pages and feeds.
// Without a session they are the same for every reader, so they are `public`; with one, the
// masthead names the reader, so the public policy is not sent (next.config.ts matches on the
// session cookie) and Next's private no-store stands. (Next writes its own Vary, so a shared
// cache may hand a signed-in reader the anonymous copy for those seconds: a "Sign in"
// masthead, never another reader's page.)
// Browsers ask again on every visit (max-age=0; no `no-store`, so back/forward cache works);
// a shared cache serves a copy for 5 s and then, for 10 s more, once while it fetches a fresh
// one in the background, so a story removed at the origin is gone from such a cache within
// 15 s at worst. The origin itself answers from data dropped the moment a change commits
// (page-data-cache.ts), so nothing here waits on a timer to learn of a change.
export const PUBLIC_CACHE_CONTROL = "public, max-age=0, s-maxage=5, stale-while-revalidate=10";

/** The public pages, as next.config.ts `headers()` sources. */
export const PUBLIC_PAGE_SOURCES = [
  "/",
  "/about",
  "/search",
  "/topics/:slug",
  // What the topic page's panels lead to without JavaScript.
  "/topics/:slug/points/:pointId",
  "/topics/:slug/storylines/:storylineId",
  "/topics/:slug/sources",
  "/stories/:idOrSlug",
] as const;

/** The session cookie's names, plain and on https (auth's COOKIE_PREFIX; a test ties them). */
export const SESSION_COOKIES = ["dispatch.session_token", "__Secure-dispatch.session_token"] as const;
