import { describe, expect, it } from "vitest";
import { EnvError, parseDbEnv } from "./env";

describe("database environment", () => {
  it("accepts a PostgreSQL URL and an absent one (the embedded default)", () => {
    expect(parseDbEnv({ DATABASE_URL: "postgres://u:p@db.internal:5432/news" }).DATABASE_URL).toBe(
      "postgres://u:p@db.internal:5432/news",
    );
    expect(parseDbEnv({}).DATABASE_URL).toBeUndefined();
    expect(parseDbEnv({ DATABASE_URL: "" }).DATABASE_URL).toBeUndefined();
  });

  it("stops with a message naming the variable when DATABASE_URL is not a PostgreSQL URL", () => {
    expect(() => parseDbEnv({ DATABASE_URL: "mysql://root@localhost/news" })).toThrow(EnvError);
    expect(() => parseDbEnv({ DATABASE_URL: "not a url" })).toThrow(/DATABASE_URL: must be a PostgreSQL URL/);
  });

  it("rejects an embedded port that is not a usable port number", () => {
    expect(() => parseDbEnv({ DISPATCH_EMBEDDED_PORT: "80" })).toThrow(/DISPATCH_EMBEDDED_PORT/);
    expect(parseDbEnv({ DISPATCH_EMBEDDED_PORT: "54329" }).DISPATCH_EMBEDDED_PORT).toBe(54329);
  });
});
