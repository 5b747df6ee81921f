import { describe, expect, it } from "vitest";
import { EnvError } from "@dispatch/db/env";
import { getModelEnv, parseCliEnv } from "./env";

describe("CLI environment", () => {
  it("defaults the dev ports and names a bad one with what to set", () => {
    expect(parseCliEnv({})).toMatchObject({ READER_PORT: 3000, ADMIN_PORT: 3001 });
    expect(parseCliEnv({ READER_PORT: "4000" }).READER_PORT).toBe(4000);
    expect(() => parseCliEnv({ ADMIN_PORT: "admin" })).toThrow(EnvError);
    expect(() => parseCliEnv({ ADMIN_PORT: "70000" })).toThrow(
      /ADMIN_PORT: must be a port number between 1 and 65535, e.g. 3001/,
    );
  });

  it("refuses a model endpoint that is not a URL, naming the variable", () => {
    expect(() => parseCliEnv({ DISPATCH_LLM_BASE_URL: "api.openai.com" })).toThrow(
      /DISPATCH_LLM_BASE_URL: must be a URL such as https:\/\//,
    );
  });

  it("asks for the endpoint's missing variables only when --abstractive needs them", () => {
    expect(() => getModelEnv(parseCliEnv({}))).toThrow(
      /--abstractive needs .*set DISPATCH_LLM_BASE_URL .* and DISPATCH_LLM_MODEL/,
    );
    expect(() => getModelEnv(parseCliEnv({ DISPATCH_LLM_BASE_URL: "http://127.0.0.1:8080/v1" }))).toThrow(
      /set DISPATCH_LLM_MODEL \(e.g. gpt-4o-mini\)\.$/,
    );
    expect(
      getModelEnv(
        parseCliEnv({ DISPATCH_LLM_BASE_URL: "http://127.0.0.1:8080/v1", DISPATCH_LLM_MODEL: "m" }),
      ),
    ).toEqual({
      baseUrl: "http://127.0.0.1:8080/v1",
      model: "m",
      apiKey: null,
    });
  });
});
