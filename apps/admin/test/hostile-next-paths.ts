// Hostile values for the sign-in `next` parameter, by class: absolute and scheme-relative
// URLs, backslashes, dot segments, control characters, Unicode spaces and look-alike
// slashes, %-encoded and double-encoded forms, other schemes, and sheer length. Each is
// built from a few off-site targets and then varied by where the odd character sits.
const TARGETS = ["evil.example", "evil.example/sign-in", "evil.example:443/x?y=1", "127.0.0.1:3001", "[::1]"];

const CONTROL = ["\t", "\n", "\r", "\0", "\u000b", "\u000c", "\u001b", "\u001f", "\u007f", "\u0085", "\u009b"];
const UNICODE = [
  "\u00a0", "\u1680", "\u2000", "\u2007", "\u200a", "\u200b", "\u200e", "\u200f", "\u2028", "\u2029", "\u202e", "\u202f",
  "\u205f", "\u2060", "\u3000", "\ufeff", "\u3002", "\uff0f", "\uff3c", "\u2215", "\u2044", "\u29f8", "\ufe68", "\u0338",
];
const ENCODED = ["%09", "%0a", "%0d", "%00", "%0d%0a", "%5c", "%5C", "%2f", "%2F", "%252f", "%255c", "%e2%80%a8", "%c0%af", "%u2215"];

function withTargets(make: (target: string) => string[]): string[] {
  return TARGETS.flatMap(make);
}

export const HOSTILE_NEXT_PATHS: string[] = [
  ...withTargets((t) => [
    `http://${t}`, `https://${t}`, `HTTPS://${t}`, `//${t}`, `///${t}`, `////${t}`, `/\\${t}`, `\\/${t}`, `\\\\${t}`,
    `/\\/${t}`, `//\\${t}`, `/./\\${t}`, `/.//${t}`, `/..//${t}`, `/a/..//${t}`, `/././/${t}`, `/%2e//${t}`, `/%2E%2E//${t}`,
    `https:${t}`, `https:/${t}`, `https:\\\\${t}`, `/https://${t}`.replace(/^\/https/, "https"), `//${t}@dispatch`,
    `/@${t}`.replace(/^\/@/, "//@"), `//user:pass@${t}`, `%2f%2f${t}`, `/%2f${t}`, `/%5c${t}`, `/%5C%5C${t}`, `%5c%5c${t}`,
    `/%252f%252f${t}`, `\u3002${t}`, `/\uff0f${t}`, `\uff0f\uff0f${t}`, `/\uff3c${t}`,
  ]),
  ...withTargets((t) => CONTROL.flatMap((c) => [`/${c}/${t}`, `${c}//${t}`, `/${c}\\${t}`, `//${c}${t}`, `/stories${c}`, `/${t}${c}`])),
  ...withTargets((t) => UNICODE.flatMap((c) => [`/${c}/${t}`, `${c}//${t}`, `/${c}\\${t}`, `/stories?q=${c}`])),
  ...withTargets((t) => ENCODED.flatMap((e) => [`/${e}/${t}`, `/${e}${e}${t}`, `${e}/${t}`, `/stories${e}`])),
  "javascript:alert(1)", "JaVaScRiPt:alert(1)", "/javascript:alert(1)".slice(1), " javascript:alert(1)", "\tjavascript:alert(1)",
  "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)", "blob:https://evil.example/x", "file:///etc/passwd",
  "/\u0000", "/%", "/%ZZ", "/%E0%A4%A", "/" + "a".repeat(5000), "", " ", "/ stories", "/stories\u0000?x",
  "/\r\nSet-Cookie: stolen=1", "/%0d%0aSet-Cookie:%20stolen=1", "/\u2028Location: //evil.example",
  "/sign-in", "/sign-in?next=//evil.example", "/sign-out", "/./sign-in", "/%73ign-in",
];
