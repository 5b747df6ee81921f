// The public read API as an OpenAPI 3.1 document, generated from the reader router itself:
// each route's parameters and body from its procedure's zod input schema, its answer from
// the procedure's output schema (zod 4's own JSON Schema conversion, which OpenAPI 3.1
// speaks natively). Nothing about a field is written twice.
import type { AnyTRPCRouter } from "@trpc/server";
import { z } from "zod";
import { API_BASE_PATH, API_ROUTES, type ApiRoute } from "./routes";

export type JsonSchema = { [key: string]: unknown };

/** What every error answer carries: a code from a short list and a sentence saying what to do. */
export const apiErrorBody = z
  .object({
    error: z.object({
      code: z
        .string()
        .meta({ description: "NOT_FOUND, INVALID_INPUT, TOO_LARGE, METHOD_NOT_ALLOWED or INTERNAL_ERROR." }),
      message: z.string().meta({ description: "What was wrong and what to do, for a person." }),
    }),
  })
  .meta({ description: "An error." });

type ProcedureDef = { _def: { type: string; inputs: unknown[]; output?: unknown } };

export type ProcedureSchemas = { type: string; input: z.ZodType | null; output: z.ZodType };

/** A procedure's zod input and output schemas; throws (a programmer error) when it has none to document. */
export function getProcedureSchemas(router: AnyTRPCRouter, path: string): ProcedureSchemas {
  const procedures = router._def.procedures as Record<string, ProcedureDef | undefined>;
  const procedure = procedures[path];
  if (!procedure) throw new Error(`The public API names procedure ${path}, which the router does not have.`);
  const { inputs, output, type } = procedure._def;
  if (type !== "query") throw new Error(`${path} is a ${type}; the public API serves reads only.`);
  if (inputs.length > 1 || inputs.some((input) => !(input instanceof z.ZodType)))
    throw new Error(`${path}: the public API documents procedures with at most one zod input schema.`);
  if (!(output instanceof z.ZodType))
    throw new Error(
      `${path}: a public procedure declares a zod output schema (.output(…)), so it can be documented.`,
    );
  const [input] = inputs;
  return { type, input: input instanceof z.ZodType ? input : null, output };
}

/**
 * A zod schema as JSON Schema, for what a client sends (`input`) or receives (`output`).
 * Dates cross the wire as ISO 8601 text: outputs are JSON-serialised Dates, and inputs are
 * coerced from text (`2026-10-27`).
 */
export function toJsonSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const json: JsonSchema = z.toJSONSchema(schema, {
    io,
    unrepresentable: "any",
    override: ({ zodSchema, jsonSchema }) => {
      if (zodSchema._zod.def.type !== "date") return;
      jsonSchema.type = "string";
      if (io === "output") jsonSchema.format = "date-time";
      else jsonSchema.description ??= "A date like 2026-10-27, or a full ISO 8601 time.";
    },
  });
  delete json.$schema;
  return json;
}

/** The JSON types a query or path parameter's schema admits (`anyOf` arms included). */
export function jsonTypesOf(schema: JsonSchema): string[] {
  const own = schema.type;
  const types = typeof own === "string" ? [own] : Array.isArray(own) ? own.map(String) : [];
  const arms = Array.isArray(schema.anyOf) ? (schema.anyOf as JsonSchema[]) : [];
  return [...types, ...arms.flatMap(jsonTypesOf)];
}

/** The `{name}` segments of a route's path. */
export function pathParametersOf(path: string): string[] {
  return [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1] ?? "");
}

const SCALAR_TYPES = new Set(["string", "number", "integer", "boolean", "null"]);

function describeParameters(route: ApiRoute, input: JsonSchema) {
  const properties = (input.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((input.required ?? []) as string[]);
  const inPath = pathParametersOf(route.path);
  for (const name of inPath) {
    if (!(name in properties))
      throw new Error(
        `${route.path}: path parameter {${name}} is not a field of ${route.procedure}'s input.`,
      );
  }
  return Object.entries(properties).map(([name, schema]) => {
    if (!jsonTypesOf(schema).every((type) => SCALAR_TYPES.has(type)))
      throw new Error(
        `${route.method} ${route.path}: field ${name} of ${route.procedure}'s input is not text, a number or a boolean; send it as a POST body.`,
      );
    const { description, ...rest } = schema;
    return {
      name,
      in: inPath.includes(name) ? "path" : "query",
      required: inPath.includes(name) || required.has(name),
      ...(typeof description === "string" ? { description } : {}),
      schema: rest,
    };
  });
}

function errorResponse(description: string) {
  return { description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } };
}

function describeOperation(router: AnyTRPCRouter, route: ApiRoute) {
  const { input, output } = getProcedureSchemas(router, route.procedure);
  const inputSchema = input ? toJsonSchema(input, "input") : null;
  const takesBody = route.method === "POST";
  return {
    operationId: route.procedure,
    tags: [route.tag],
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    ...(inputSchema && !takesBody ? { parameters: describeParameters(route, inputSchema) } : {}),
    ...(inputSchema && takesBody
      ? { requestBody: { required: true, content: { "application/json": { schema: inputSchema } } } }
      : {}),
    responses: {
      "200": {
        description: "The answer.",
        content: { "application/json": { schema: toJsonSchema(output, "output") } },
      },
      ...(inputSchema
        ? { "400": errorResponse("The input was refused; the message says which field and why.") }
        : {}),
      "404": errorResponse("No such route, or nothing by that slug or id."),
      ...(takesBody ? { "413": errorResponse("The body is over the size limit.") } : {}),
      "500": errorResponse("Something failed on the server."),
    },
  };
}

export type OpenApiDocumentOptions = {
  /** The site's public address, e.g. https://dispatch.example (DISPATCH_READER_URL). */
  serverUrl: string;
  routes?: readonly ApiRoute[];
};

/** The OpenAPI 3.1 document of the public read API, for the reader's routes over `router`. */
export function createOpenApiDocument(router: AnyTRPCRouter, options: OpenApiDocumentOptions) {
  const routes = options.routes ?? API_ROUTES;
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const key = `${API_BASE_PATH}${route.path}`;
    paths[key] = { ...paths[key], [route.method.toLowerCase()]: describeOperation(router, route) };
  }
  const serverUrl = options.serverUrl.replace(/\/+$/, "");
  return {
    openapi: "3.1.0",
    info: {
      title: "Dispatch public read API",
      version: "1",
      description:
        "Read Dispatch's topics, briefings, stories and search over plain HTTP and JSON. No key, no account; every answer is public. Dates are ISO 8601 text.",
    },
    servers: [{ url: serverUrl }],
    externalDocs: {
      description: "The developers page: examples, feeds and limits",
      url: `${serverUrl}/developers`,
    },
    tags: [...new Set(routes.map((route) => route.tag))].map((name) => ({ name })),
    paths,
    components: { schemas: { Error: toJsonSchema(apiErrorBody, "output") } },
  };
}

export type OpenApiDocument = ReturnType<typeof createOpenApiDocument>;
