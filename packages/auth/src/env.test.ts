import { describe, expect, it } from "vitest";
import { EnvError } from "@dispatch/db/env";
import { DEVELOPMENT_AUTH_SECRET, parseAuthEnv } from "./env";

describe("parseAuthEnv", () => {
  it("stops production without AUTH_SECRET, naming the variable and what to set", () => {
    expect(() => parseAuthEnv({ NODE_ENV: "production" })).toThrow(EnvError);
    expect(() => parseAuthEnv({ NODE_ENV: "production", AUTH_SECRET: "" })).toThrow(
      /AUTH_SECRET is not set: .*openssl rand -base64 32/,
    );
  });

  it("builds without AUTH_SECRET: `next build` evaluates server modules, the secret is a start-up requirement", () => {
    expect(
      parseAuthEnv({ NODE_ENV: "production", NEXT_PHASE: "phase-production-build" }).usingDevelopmentSecret,
    ).toBe(true);
    expect(() => parseAuthEnv({ NODE_ENV: "production", NEXT_PHASE: "phase-production-server" })).toThrow(
      /AUTH_SECRET is not set/,
    );
  });

  it("uses the labelled fallback secret outside production, and says so", () => {
    const env = parseAuthEnv({ NODE_ENV: "development" });
    expect(env.secret).toBe(DEVELOPMENT_AUTH_SECRET);
    expect(env.secret).toMatch(/NOT-FOR-PRODUCTION/);
    expect(env.usingDevelopmentSecret).toBe(true);
  });

  it("refuses a short secret", () => {
    expect(() => parseAuthEnv({ AUTH_SECRET: "hunter2" })).toThrow(
      /AUTH_SECRET: must be at least 32 characters/,
    );
  });

  it("defaults the app URLs to localhost and normalizes configured ones to origins", () => {
    expect(parseAuthEnv({})).toMatchObject({
      readerUrl: "http://localhost:3000",
      configuredReaderUrl: undefined,
      adminUrl: "http://localhost:3001",
    });
    const env = parseAuthEnv({
      NODE_ENV: "production",
      AUTH_SECRET: "x".repeat(40),
      DISPATCH_READER_URL: "https://news.example.com/",
      DISPATCH_ADMIN_URL: "https://admin.example.com/some/path",
      DISPATCH_TRUST_PROXY: "true",
    });
    expect(env).toMatchObject({
      readerUrl: "https://news.example.com",
      configuredReaderUrl: "https://news.example.com",
      adminUrl: "https://admin.example.com",
      trustProxy: true,
      usingDevelopmentSecret: false,
    });
  });

  it("names each bad variable", () => {
    expect(() => parseAuthEnv({ DISPATCH_ADMIN_URL: "admin.example.com" })).toThrow(
      /DISPATCH_ADMIN_URL: must be an http\(s\) URL/,
    );
    expect(() => parseAuthEnv({ DISPATCH_READER_URL: "ftp://news.example.com" })).toThrow(
      /DISPATCH_READER_URL: must be an http\(s\) URL/,
    );
    expect(() => parseAuthEnv({ DISPATCH_TRUST_PROXY: "yes" })).toThrow(
      /DISPATCH_TRUST_PROXY: must be true or false/,
    );
  });
});
