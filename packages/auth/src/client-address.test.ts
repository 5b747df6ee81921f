import { describe, expect, it } from "vitest";
import { clientAddressOf, normalizeAddress } from "./client-address";

const withForwardedFor = (value: string) => new Headers({ "x-forwarded-for": value });

describe("clientAddressOf", () => {
  it("ignores X-Forwarded-For unless a trusted proxy stands in front", () => {
    expect(clientAddressOf(withForwardedFor("203.0.113.9"), false)).toBeNull();
    expect(clientAddressOf(withForwardedFor("203.0.113.9, 198.51.100.2"), false)).toBeNull();
  });

  it("behind the proxy, takes only the hop the proxy appended, whatever the client sent before it", () => {
    expect(clientAddressOf(withForwardedFor("203.0.113.9"), true)).toBe("203.0.113.9");
    expect(clientAddressOf(withForwardedFor("1.2.3.4, 5.6.7.8, 203.0.113.9"), true)).toBe("203.0.113.9");
    expect(clientAddressOf(withForwardedFor("spoofed, 203.0.113.9"), true)).toBe("203.0.113.9");
  });

  it("has no address for a missing or malformed hop", () => {
    expect(clientAddressOf(new Headers(), true)).toBeNull();
    expect(clientAddressOf(withForwardedFor("203.0.113.9, not-an-address"), true)).toBeNull();
    expect(clientAddressOf(withForwardedFor("203.0.113.9,"), true)).toBeNull();
  });
});

describe("normalizeAddress", () => {
  it("counts an IPv6 client by its /64 and an IPv4-mapped one as IPv4", () => {
    expect(normalizeAddress("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(normalizeAddress("2001:DB8:1:2:bbbb:cccc:dddd:eeee")).toBe("2001:db8:1:2::/64");
    expect(normalizeAddress("[2001:db8::7]")).toBe("2001:db8:0:0::/64");
    expect(normalizeAddress("::ffff:192.0.2.1")).toBe("192.0.2.1");
    expect(normalizeAddress("::1")).toBe("0:0:0:0::/64");
    expect(normalizeAddress("192.0.2.300")).toBeNull();
  });
});
