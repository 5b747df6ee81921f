import { describe, expect, it } from "vitest";
import { z } from "zod";
import { checkEnv, EnvError, parseDbEnv, parseServerDbEnv, readEnv } from "./env";

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
    expect(() => parseDbEnv({ DATABASE_URL: "not a url" })).toThrow(
      /DATABASE_URL: must be a PostgreSQL URL such as postgres:\/\//,
    );
    expect(() => parseDbEnv({ TEST_DATABASE_URL: "localhost:5432" })).toThrow(
      /TEST_DATABASE_URL: must be a PostgreSQL URL/,
    );
  });

  it("rejects an embedded port that is not a usable port number, saying what to set", () => {
    expect(() => parseDbEnv({ DISPATCH_EMBEDDED_PORT: "80" })).toThrow(
      /DISPATCH_EMBEDDED_PORT: must be a port number between 1024 and 65535/,
    );
    expect(() => parseDbEnv({ DISPATCH_EMBEDDED_PORT: "five" })).toThrow(
      /DISPATCH_EMBEDDED_PORT: must be a port number/,
    );
    expect(parseDbEnv({ DISPATCH_EMBEDDED_PORT: "54329" }).DISPATCH_EMBEDDED_PORT).toBe(54329);
  });

  it("requires DATABASE_URL for a server, saying how to get one", () => {
    expect(() => parseServerDbEnv({})).toThrow(
      /DATABASE_URL is not set: set it to .*postgres:\/\/.*or start with `pnpm dev`/,
    );
    expect(parseServerDbEnv({ DATABASE_URL: "postgresql://db/news" }).DATABASE_URL).toBe(
      "postgresql://db/news",
    );
  });
});

describe("composing environments", () => {
  const portSchema = z.object({ PORT: z.coerce.number({ error: "must be a number, e.g. 3000" }).optional() });

  it("ignores variables a schema does not name", () => {
    expect(readEnv(portSchema, { PORT: "3000", HOME: "/root" })).toEqual({ PORT: 3000 });
  });

  it("reports every package's problems together, each naming its variable", () => {
    let caught: unknown;
    try {
      checkEnv([
        () => parseDbEnv({ DATABASE_URL: "mysql://x" }),
        () => readEnv(portSchema, { PORT: "abc" }),
        () => "fine",
      ]);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(EnvError);
    expect((caught as EnvError).problems).toEqual([
      "DATABASE_URL: must be a PostgreSQL URL such as postgres://user:password@host:5432/dbname",
      "PORT: must be a number, e.g. 3000",
    ]);
  });

  it("lets errors that are not about the environment through", () => {
    expect(() =>
      checkEnv([
        () => {
          throw new TypeError("a bug");
        },
      ]),
    ).toThrow(TypeError);
  });
});
