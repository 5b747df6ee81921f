// The security headers both apps send. Pages get a Content-Security-Policy with a fresh
// nonce per request (set by each app's proxy.ts; Next reads the nonce from the request's
// CSP header and puts it on its own scripts), so only scripts the server rendered run:
// markup smuggled into a story cannot execute even if it got through. Every response gets
// the headers that need no nonce, from next.config.ts.

/** A nonce for one response: 128 random bits, base64. */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

export function contentSecurityPolicy(options: {
  nonce: string;
  development?: boolean;
  https?: boolean;
}): string {
  const directives = [
    "default-src 'self'",
    // 'strict-dynamic': scripts the nonced ones load run too (Next's chunks); nothing else.
    // React's development build needs eval for its error overlay; production never does.
    `script-src 'self' 'nonce-${options.nonce}' 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${options.nonce}'`,
    // style="" attributes (a progress bar's width) cannot carry a nonce; they cannot run code.
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** Headers for every response (pages, API, feeds, assets): they need no per-request value. */
export const STATIC_SECURITY_HEADERS: ReadonlyArray<{ key: string; value: string }> = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  // For browsers that predate CSP's frame-ancestors.
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), interest-cohort=()" },
];

/**
 * Adds a nonce CSP to a page request: returns the request headers to render with (Next
 * takes the nonce from their CSP) and the header to answer with.
 */
export function withContentSecurityPolicy(
  requestHeaders: Headers,
  options: { development?: boolean; https?: boolean } = {},
): { requestHeaders: Headers; policy: string; nonce: string } {
  const nonce = createNonce();
  const policy = contentSecurityPolicy({ nonce, ...options });
  const headers = new Headers(requestHeaders);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", policy);
  return { requestHeaders: headers, policy, nonce };
}
