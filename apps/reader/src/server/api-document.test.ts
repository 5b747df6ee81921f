import { describe, expect, it } from "vitest";
import { createOpenApiDocument, readerRouter } from "@dispatch/api";
import { describeSchema, limitOf, listApiOperations } from "./api-document";

const doc = createOpenApiDocument(readerRouter, { serverUrl: "https://dispatch.example" });

describe("what the developers page reads from the API document", () => {
  it("says what a parameter accepts in a few words", () => {
    expect(describeSchema({ type: "integer", minimum: 1, maximum: 50, default: 10 })).toBe(
      "integer, 1–50, default 10",
    );
    expect(describeSchema({ type: "string", maxLength: 200, default: "" })).toBe(
      "string, up to 200 characters",
    );
    expect(describeSchema({ type: "integer", exclusiveMinimum: 0, maximum: 9007199254740991 })).toBe(
      "integer, above 0",
    );
  });

  it("lists every route under its tag, with the parameters the procedure takes", () => {
    const groups = listApiOperations(doc);
    expect(groups.map((group) => group.tag)).toEqual(["Topics", "Briefings", "Stories", "Search"]);
    const search = groups
      .flatMap((group) => group.operations)
      .find((operation) => operation.id === "search.stories");
    expect(search).toMatchObject({ method: "GET", path: "/api/v1/search" });
    expect(search?.parameters.find((parameter) => parameter.name === "pageSize")?.accepts).toBe(
      "integer, 1–50, default 10",
    );
  });

  it("reads the limits from the schemas, and says when one is missing", () => {
    expect(limitOf(doc, "search.stories", "pageSize", "maximum")).toBe(50);
    expect(limitOf(doc, "story.list", "limit", "maximum")).toBe(100);
    expect(() => limitOf(doc, "search.stories", "nothing", "maximum")).toThrow(/no maximum for nothing/);
  });
});
