// Where to go after signing in, on either app (one check for both): only a path on the app
// itself, never another origin. The value comes from the query string, so anything can
// arrive; anything that is not plainly a path here becomes "/". Browsers forgive a lot
// (backslashes as slashes, tabs and newlines dropped, "/./" collapsed), so the check is made
// on what a browser would resolve, and the value must be printable ASCII to begin with: no
// control characters (which also break the Location header), no Unicode spaces or
// separators, no backslashes, raw or %-encoded.
const SAFE_CHARACTERS = /^[A-Za-z0-9\-._~!$&'()*+,;=:@/?%#[\]]*$/;
const MAX_LENGTH = 2048;
// Resolved against a placeholder origin: what matters is whether the result stays on it.
const BASE = "http://dispatch-app.invalid";

function decodeFully(value: string): string | null {
  let current = value;
  for (let round = 0; round < 3; round++) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(current);
    } catch {
      return null;
    }
    if (decoded === current) return current;
    current = decoded;
  }
  return current;
}

export function safeNextPath(value: unknown): string {
  if (typeof value !== "string" || value.length === 0 || value.length > MAX_LENGTH) return "/";
  if (!value.startsWith("/") || !SAFE_CHARACTERS.test(value)) return "/";
  // What the value says once %-decoding is undone (a proxy or a later hop may decode it).
  const decoded = decodeFully(value);
  if (decoded === null || /[\u0000-\u001f\u007f-\u009f\\]/.test(decoded) || /^\/[/\\]/.test(decoded))
    return "/";
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return "/";
  }
  if (url.origin !== BASE) return "/";
  const path = `${url.pathname}${url.search}${url.hash}`;
  // "/.//evil.example" resolves to the path "//evil.example", which a browser reads as a host.
  if (!path.startsWith("/") || path.startsWith("//")) return "/";
  // Nor back to a page of the signing-in itself (a loop, or a used link).
  if (/^\/(sign-(in|out|up)|verify-email|forgot-password|reset-password)(\/|$|\?|#)/.test(url.pathname))
    return "/";
  return path;
}
