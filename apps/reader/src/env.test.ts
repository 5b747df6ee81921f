import { describe, expect, it } from "vitest";
import { parseAuthEnv } from "@dispatch/auth/env";
import { EnvError } from "@dispatch/db/env";
import { parseReaderEnv } from "./env";

const readerEnv = (source: Record<string, string>) => parseReaderEnv(source, parseAuthEnv(source));

describe("reader environment", () => {
  it("publishes at DISPATCH_READER_URL, the same address sign-in trusts", () => {
    const source = { DISPATCH_READER_URL: "https://news.example.org/", PORT: "8080" };
    expect(readerEnv(source).siteUrl).toBe("https://news.example.org");
    expect(readerEnv(source).siteUrl).toBe(parseAuthEnv(source).readerUrl);
  });

  it("falls back to the port it serves on", () => {
    expect(readerEnv({ PORT: "4100" }).siteUrl).toBe("http://localhost:4100");
    expect(readerEnv({}).siteUrl).toBe("http://localhost:3000");
  });

  it("caches page data unless DISPATCH_PAGE_DATA_CACHE=off, and names a bad value", () => {
    expect(readerEnv({}).pageDataCache).toBe(true);
    expect(readerEnv({ DISPATCH_PAGE_DATA_CACHE: "on" }).pageDataCache).toBe(true);
    expect(readerEnv({ DISPATCH_PAGE_DATA_CACHE: "off" }).pageDataCache).toBe(false);
    expect(() => readerEnv({ DISPATCH_PAGE_DATA_CACHE: "no" })).toThrow(
      /DISPATCH_PAGE_DATA_CACHE: must be "on" or "off"/,
    );
  });

  it("names a bad PORT or DISPATCH_READER_URL", () => {
    expect(() => readerEnv({ PORT: "eighty" })).toThrow(EnvError);
    expect(() => readerEnv({ PORT: "eighty" })).toThrow(/PORT: must be a port number, e.g. 3000/);
    expect(() => readerEnv({ DISPATCH_READER_URL: "news.example.org" })).toThrow(
      /DISPATCH_READER_URL: must be an http\(s\) URL/,
    );
  });
});
