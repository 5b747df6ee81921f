import { describe, expect, it } from "vitest";
import { COOKIE_PREFIX } from "@dispatch/auth";
import { PUBLIC_CACHE_CONTROL, SESSION_COOKIES } from "./cache-policy";

describe("cache policy", () => {
  it("knows the session cookie by the name auth gives it, on http and https", () => {
    expect(SESSION_COOKIES).toEqual([
      `${COOKIE_PREFIX}.session_token`,
      `__Secure-${COOKIE_PREFIX}.session_token`,
    ]);
  });

  it("lets browsers keep pages only to revalidate, and shared caches briefly", () => {
    expect(PUBLIC_CACHE_CONTROL).toMatch(/^public, max-age=0, s-maxage=\d+, stale-while-revalidate=\d+$/);
    expect(PUBLIC_CACHE_CONTROL).not.toMatch(/no-store/);
  });
});
