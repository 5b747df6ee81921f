import { describe, expect, it } from "vitest";
import {
  contentSecurityPolicy,
  createNonce,
  STATIC_SECURITY_HEADERS,
  withContentSecurityPolicy,
} from "./security-headers";

describe("the content security policy", () => {
  it("allows only nonced scripts, no framing, no plugins, no foreign base or form targets", () => {
    const policy = contentSecurityPolicy({ nonce: "abc123" });
    const directives = new Map(
      policy.split("; ").map((part) => [part.split(" ")[0], part.slice(part.indexOf(" ") + 1)]),
    );
    expect(directives.get("script-src")).toBe("'self' 'nonce-abc123' 'strict-dynamic'");
    expect(directives.get("frame-ancestors")).toBe("'none'");
    expect(directives.get("object-src")).toBe("'none'");
    expect(directives.get("base-uri")).toBe("'none'");
    expect(directives.get("form-action")).toBe("'self'");
    expect(directives.get("style-src")).toBe("'self' 'nonce-abc123'");
    expect(policy).not.toContain("unsafe-eval");
    expect(contentSecurityPolicy({ nonce: "n", development: true })).toContain("'unsafe-eval'");
    expect(contentSecurityPolicy({ nonce: "n", https: true })).toContain("upgrade-insecure-requests");
  });

  it("uses a fresh, unguessable nonce for every response and hands it to the renderer", () => {
    const nonces = new Set(Array.from({ length: 200 }, () => createNonce()));
    expect(nonces.size).toBe(200);
    for (const nonce of nonces) expect(atob(nonce)).toHaveLength(16);
    const { requestHeaders, policy, nonce } = withContentSecurityPolicy(new Headers({ cookie: "a=b" }));
    expect(requestHeaders.get("content-security-policy")).toBe(policy);
    expect(requestHeaders.get("x-nonce")).toBe(nonce);
    expect(requestHeaders.get("cookie")).toBe("a=b");
    expect(policy).toContain(`'nonce-${nonce}'`);
  });

  it("sends nosniff, no framing and a referrer policy on every response", () => {
    const headers = new Map(STATIC_SECURITY_HEADERS.map(({ key, value }) => [key.toLowerCase(), value]));
    expect(headers.get("x-content-type-options")).toBe("nosniff");
    expect(headers.get("x-frame-options")).toBe("DENY");
    expect(headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
  });
});
