import { describe, expect, it } from "vitest";
import { Validator } from "@seriousme/openapi-schema-validator";
import { z } from "zod";
import { appRouter, readerRouter } from "../root";
import { publicProcedure, router } from "../trpc";
import { listProcedures } from "../security/procedure-audiences";
import { createOpenApiDocument } from "./document";
import { API_BASE_PATH, API_ROUTES } from "./routes";

const document = createOpenApiDocument(readerRouter, { serverUrl: "https://dispatch.example/" });

type Operation = {
  operationId: string;
  parameters?: Array<{ name: string; in: string; required: boolean; schema: Record<string, unknown> }>;
  requestBody?: unknown;
  responses: Record<string, { content: { "application/json": { schema: Record<string, unknown> } } }>;
};

const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
  Object.entries(methods).map(([method, operation]) => ({ path, method, operation: operation as Operation })),
);

describe("the public API's OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    const result = await new Validator().validate(structuredClone(document));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("documents every procedure the reader serves, once, and nothing else", () => {
    const procedures = listProcedures(readerRouter);
    const served = procedures.map((entry) => entry.path);
    const documented = operations.map(({ operation }) => operation.operationId);
    const undocumented = served.filter((path) => !documented.includes(path));
    expect(undocumented, "add a route for each to packages/api/src/openapi/routes.ts").toEqual([]);
    expect(documented.sort()).toEqual(served.sort());
    // Only public reads may be offered to strangers.
    expect(procedures.every((entry) => entry.audience === "public" && entry.type === "query")).toBe(true);
  });

  it("takes each procedure's input fields as its parameters, path segments required", () => {
    const briefing = operations.find(({ operation }) => operation.operationId === "briefing.get");
    expect(briefing?.path).toBe(`${API_BASE_PATH}/topics/{topic}/briefing`);
    expect(briefing?.operation.parameters).toEqual([
      { name: "topic", in: "path", required: true, schema: { type: "string", minLength: 1, maxLength: 200 } },
      expect.objectContaining({ name: "version", in: "query", required: false }),
    ]);
    const search = operations.find(({ operation }) => operation.operationId === "search.stories");
    expect(search?.operation.parameters?.map((parameter) => parameter.name)).toEqual([
      "q",
      "topic",
      "source",
      "from",
      "to",
      "page",
      "pageSize",
    ]);
    // Limits a stranger must know come from the schema the server checks.
    expect(
      search?.operation.parameters?.find((parameter) => parameter.name === "pageSize")?.schema,
    ).toMatchObject({
      type: "integer",
      minimum: 1,
      maximum: 50,
      default: 10,
    });
    const passages = operations.find(({ operation }) => operation.operationId === "story.passages");
    expect(passages?.method).toBe("post");
    expect(passages?.operation.requestBody).toBeDefined();
  });

  it("describes dates in answers as ISO 8601 text and a missing briefing as null", () => {
    const story = operations.find(({ operation }) => operation.operationId === "story.get");
    const schema = story?.operation.responses["200"]?.content["application/json"].schema as {
      properties: Record<string, unknown>;
    };
    expect(schema.properties.ingestedAt).toEqual({ type: "string", format: "date-time" });
    const briefing = operations.find(({ operation }) => operation.operationId === "briefing.get");
    const answer = briefing?.operation.responses["200"]?.content["application/json"].schema as {
      anyOf: Array<{ type: string }>;
    };
    expect(answer.anyOf.map((arm) => arm.type)).toEqual(["object", "null"]);
  });

  it("points at the site it was made for", () => {
    expect(document.servers).toEqual([{ url: "https://dispatch.example" }]);
    expect(document.externalDocs.url).toBe("https://dispatch.example/developers");
  });

  it("refuses routes it cannot document, saying why", () => {
    const route = API_ROUTES[0];
    if (!route) throw new Error("no routes");
    expect(() =>
      createOpenApiDocument(readerRouter, {
        serverUrl: "x",
        routes: [{ ...route, procedure: "story.update" }],
      }),
    ).toThrow(/names procedure story.update, which the router does not have/);
    const lists = router({
      pick: publicProcedure
        .input(z.object({ ids: z.array(z.string()) }))
        .output(z.string())
        .query(() => ""),
    });
    expect(() =>
      createOpenApiDocument(lists, {
        serverUrl: "x",
        routes: [{ ...route, path: "/pick", procedure: "pick" }],
      }),
    ).toThrow(/field ids of pick's input is not text, a number or a boolean; send it as a POST body/);
    expect(() =>
      createOpenApiDocument(appRouter, {
        serverUrl: "x",
        routes: [{ ...route, path: "/topics/{topic}", procedure: "topic.update" }],
      }),
    ).toThrow(/topic.update is a mutation; the public API serves reads only/);
    expect(() =>
      createOpenApiDocument(readerRouter, {
        serverUrl: "x",
        routes: [{ ...route, path: "/topics/{slug}", procedure: "topic.get" }],
      }),
    ).toThrow(/path parameter \{slug\} is not a field of topic.get's input/);
  });
});
