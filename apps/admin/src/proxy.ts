// Every page request passes here. It gives the page a Content-Security-Policy with a fresh
// nonce (Next puts the nonce on its own scripts), and sends signed-out visitors of admin pages
// to /sign-in, and readers to a page that says the admin app is not for them. The redirect is
// a convenience for people, not the protection: every procedure checks the role on the
// server. API routes answer for themselves (401/403), never redirect.
import { NextResponse, type NextRequest } from "next/server";
import {
  COOKIE_PREFIX,
  getAuthEnv,
  getSessionUser,
  hasRole,
  withContentSecurityPolicy,
} from "@dispatch/auth";

function hasSessionCookie(request: NextRequest): boolean {
  const name = `${COOKIE_PREFIX}.session_token`;
  return request.cookies.has(name) || request.cookies.has(`__Secure-${name}`);
}

/** Pages anyone may open: signing in and out. */
const isAuthPage = (pathname: string) => /^\/sign-(in|out)(\/|$)/.test(pathname);

async function guard(request: NextRequest, requestHeaders: Headers): Promise<NextResponse | null> {
  const { pathname, search } = request.nextUrl;
  if (isAuthPage(pathname)) return null;
  const user = hasSessionCookie(request) ? await getSessionUser(request.headers) : null;
  if (!user) {
    const signIn = new URL("/sign-in", request.url);
    if (pathname !== "/" || search) signIn.searchParams.set("next", `${pathname}${search}`);
    return NextResponse.redirect(signIn);
  }
  if (!hasRole(user.role, "editor")) {
    return NextResponse.rewrite(new URL("/sign-in/not-allowed", request.url), {
      request: { headers: requestHeaders },
    });
  }
  return null;
}

export async function proxy(request: NextRequest) {
  const { requestHeaders, policy } = withContentSecurityPolicy(request.headers, {
    development: process.env.NODE_ENV === "development",
    https: getAuthEnv().adminUrl.startsWith("https://"),
  });
  const redirected = await guard(request, requestHeaders);
  const response = redirected ?? NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  // Pages only: not /api/* or Next's assets.
  matcher: ["/((?!api/|_next/|favicon\\.ico|robots\\.txt).*)"],
};
