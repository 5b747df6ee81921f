// Sends signed-out visitors of admin pages to /sign-in, and readers to a page that says the
// admin app is not for them. A convenience for people, not the protection: every procedure
// checks the role on the server. API routes answer for themselves (401/403), never redirect.
import { NextResponse, type NextRequest } from "next/server";
import { COOKIE_PREFIX, getSessionUser, hasRole } from "@dispatch/auth";

function hasSessionCookie(request: NextRequest): boolean {
  const name = `${COOKIE_PREFIX}.session_token`;
  return request.cookies.has(name) || request.cookies.has(`__Secure-${name}`);
}

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const user = hasSessionCookie(request) ? await getSessionUser(request.headers) : null;
  if (!user) {
    const signIn = new URL("/sign-in", request.url);
    if (pathname !== "/" || search) signIn.searchParams.set("next", `${pathname}${search}`);
    return NextResponse.redirect(signIn);
  }
  if (!hasRole(user.role, "editor")) {
    return NextResponse.rewrite(new URL("/sign-in/not-allowed", request.url));
  }
  return NextResponse.next();
}

export const config = {
  // Pages only: not /api/*, Next's assets, or the sign-in and sign-out pages themselves.
  matcher: ["/((?!api/|_next/|sign-in|sign-out|favicon\\.ico|robots\\.txt).*)"],
};
