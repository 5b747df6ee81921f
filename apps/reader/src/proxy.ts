// Gives every page a Content-Security-Policy with a fresh nonce, which Next puts on its own
// scripts: only what the server rendered runs, so markup smuggled into a story cannot. A
// nonce needs a page rendered per request, hence the layout's connection(). A request with a
// session gets a page naming its reader (the masthead's account links), which no shared cache
// may keep or hand to anyone else: it is marked private, whatever public pages otherwise say.
import { NextResponse, type NextRequest } from "next/server";
import { COOKIE_PREFIX, getAuthEnv, withContentSecurityPolicy } from "@dispatch/auth";

const SESSION_COOKIE = new RegExp(`(?:^|;\\s*)(?:__Secure-)?${COOKIE_PREFIX}\\.session_token=`);

export function proxy(request: NextRequest) {
  const { requestHeaders, policy } = withContentSecurityPolicy(request.headers, {
    development: process.env.NODE_ENV === "development",
    https: getAuthEnv().readerUrl.startsWith("https://"),
  });
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  if (SESSION_COOKIE.test(request.headers.get("cookie") ?? "")) {
    response.headers.set("Cache-Control", "private, no-store");
  }
  return response;
}

export const config = {
  // Pages only: not the API, Next's assets, or the feeds, sitemap and robots.txt (not HTML).
  matcher: [
    "/((?!api/|_next/|favicon\\.ico|robots\\.txt|sitemap\\.xml|feed\\.xml|topics/[^/]+/feed\\.(?:xml|atom|json)|me/feed/).*)",
  ],
};
