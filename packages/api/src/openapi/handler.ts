// Serves the public read API: a plain REST route (routes.ts) becomes a call of its reader
// procedure, in-process, so the procedure's own input check, services and output schema
// apply exactly as for the reader's pages. Query text is turned into numbers and booleans
// where the input schema says so; everything else is the procedure's to accept or refuse.
import { TRPCError, type AnyTRPCRouter } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { AppError } from "../errors";
import { readBodyWithin } from "../request-body-limit";
import { createCallerFactory, type InnerContext } from "../trpc";
import {
  getProcedureSchemas,
  jsonTypesOf,
  pathParametersOf,
  toJsonSchema,
  type JsonSchema,
} from "./document";
import { API_BASE_PATH, API_ROUTES, type ApiRoute } from "./routes";

/** A POST body's limit: 5,000 citations take about 300 KB. */
export const API_MAX_BODY_BYTES = 1024 * 1024;

/** Where the document is served; error messages point strangers to it. */
export const OPENAPI_DOCUMENT_PATH = "/api/openapi.json";

export type OpenApiHandlerOptions = {
  router: AnyTRPCRouter;
  /** An anonymous context: the API reads no cookies, so any site may call it (CORS `*`). */
  createContext: (req: Request) => Promise<InnerContext>;
  routes?: readonly ApiRoute[];
};

const CORS_HEADERS = {
  "access-control-allow-origin": "*",
  "access-control-allow-methods": "GET, POST, OPTIONS",
  "access-control-allow-headers": "content-type",
  "access-control-max-age": "86400",
};

class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", ...CORS_HEADERS, ...headers },
  });
}

function errorResponse(error: ApiRequestError): Response {
  return json(
    error.status,
    { error: { code: error.code, message: error.message } },
    { "cache-control": "no-store", ...error.headers },
  );
}

type CompiledRoute = { route: ApiRoute; pattern: RegExp; names: string[] };

function compileRoute(route: ApiRoute): CompiledRoute {
  const source = route.path
    .split(/\{[^}]+\}/)
    .map((part) => part.replace(/[.*+?^$()|[\]\\]/g, "\\$&"))
    .join("([^/]+)");
  return { route, pattern: new RegExp(`^${source}$`), names: pathParametersOf(route.path) };
}

/** The procedures' error codes, as the API names them (AppError codes where a service threw one). */
function describeFailure(error: unknown): ApiRequestError {
  if (!(error instanceof TRPCError)) {
    console.error("[api] public API request failed:", error);
    return new ApiRequestError(500, "INTERNAL_ERROR", "Something failed on our side; try again later.");
  }
  const status = getHTTPStatusCodeFromError(error);
  if (status >= 500)
    return new ApiRequestError(500, "INTERNAL_ERROR", "Something failed on our side; try again later.");
  const code =
    error.cause instanceof AppError
      ? error.cause.code
      : error.code === "BAD_REQUEST"
        ? "INVALID_INPUT"
        : error.code;
  return new ApiRequestError(status, code, error.message);
}

/** Query text as the input schema's types: "2" for an integer field is 2, "true" for a boolean is true. */
function coerceQueryValue(value: string, schema: JsonSchema): unknown {
  const types = jsonTypesOf(schema);
  if ((types.includes("integer") || types.includes("number")) && /^-?\d+(\.\d+)?$/.test(value))
    return Number(value);
  if (types.includes("boolean") && (value === "true" || value === "false")) return value === "true";
  return value;
}

function readQueryInput(
  url: URL,
  compiled: CompiledRoute,
  pathValues: string[],
  inputSchema: JsonSchema | null,
) {
  const properties = (inputSchema?.properties ?? {}) as Record<string, JsonSchema>;
  const input: Record<string, unknown> = {};
  compiled.names.forEach((name, index) => {
    input[name] = decodeURIComponent(pathValues[index] ?? "");
  });
  const accepted = Object.keys(properties).filter((name) => !compiled.names.includes(name));
  for (const name of new Set(url.searchParams.keys())) {
    const schema = properties[name];
    if (!schema || compiled.names.includes(name)) {
      const takes = accepted.length > 0 ? `it takes ${accepted.join(", ")}` : "it takes no query parameters";
      throw new ApiRequestError(400, "INVALID_INPUT", `Unknown query parameter “${name}”: ${takes}.`);
    }
    const values = url.searchParams.getAll(name);
    if (values.length > 1)
      throw new ApiRequestError(400, "INVALID_INPUT", `Give “${name}” once, not ${values.length} times.`);
    input[name] = coerceQueryValue(values[0] ?? "", schema);
  }
  return inputSchema ? input : undefined;
}

async function readJsonBody(req: Request): Promise<unknown> {
  if (!(req.headers.get("content-type") ?? "").startsWith("application/json"))
    throw new ApiRequestError(
      400,
      "INVALID_INPUT",
      "Send the body as JSON, with Content-Type: application/json.",
    );
  const limited = await readBodyWithin(req, API_MAX_BODY_BYTES);
  if (!limited.ok)
    throw new ApiRequestError(
      413,
      "TOO_LARGE",
      `The body is over ${API_MAX_BODY_BYTES / 1024 / 1024} MB, the limit per request; ask for fewer items at once.`,
    );
  const text = await limited.request.text();
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiRequestError(400, "INVALID_INPUT", "The body is not valid JSON.");
  }
}

/** The fetch handler for `/api/v1/*`. */
export function createOpenApiHandler(options: OpenApiHandlerOptions) {
  const compiled = (options.routes ?? API_ROUTES).map(compileRoute);
  const createCaller = createCallerFactory(options.router);
  // Each procedure's input as JSON Schema, for turning query text into numbers; built on first use.
  const inputSchemas = new Map<string, JsonSchema | null>();
  const inputSchemaOf = (procedure: string) => {
    if (!inputSchemas.has(procedure)) {
      const { input } = getProcedureSchemas(options.router, procedure);
      inputSchemas.set(procedure, input ? toJsonSchema(input, "input") : null);
    }
    return inputSchemas.get(procedure) ?? null;
  };

  return async function handleApiRequest(req: Request): Promise<Response> {
    if (req.method === "OPTIONS") return new Response(null, { status: 204, headers: CORS_HEADERS });
    try {
      const url = new URL(req.url);
      const path = url.pathname.startsWith(API_BASE_PATH)
        ? url.pathname.slice(API_BASE_PATH.length).replace(/(.)\/+$/, "$1")
        : url.pathname;
      const matches = compiled.flatMap((entry) => {
        const found = entry.pattern.exec(path);
        return found ? [{ entry, values: found.slice(1) }] : [];
      });
      const match = matches.find(
        ({ entry }) =>
          entry.route.method === req.method || (req.method === "HEAD" && entry.route.method === "GET"),
      );
      if (!match) {
        if (matches.length > 0) {
          const allowed = matches.map(({ entry }) => entry.route.method).join(", ");
          throw new ApiRequestError(
            405,
            "METHOD_NOT_ALLOWED",
            `${url.pathname} answers ${allowed}, not ${req.method}.`,
            {
              allow: allowed,
            },
          );
        }
        throw new ApiRequestError(
          404,
          "NOT_FOUND",
          `There is no API route at ${url.pathname}. The routes are listed in ${OPENAPI_DOCUMENT_PATH}.`,
        );
      }
      const { route } = match.entry;
      const inputSchema = inputSchemaOf(route.procedure);
      const input =
        route.method === "POST"
          ? await readJsonBody(req)
          : readQueryInput(url, match.entry, match.values, inputSchema);

      const caller = createCaller(await options.createContext(req)) as unknown as Record<string, unknown>;
      const procedure = route.procedure
        .split(".")
        .reduce<unknown>((node, segment) => (node as Record<string, unknown>)[segment], caller) as (
        input: unknown,
      ) => Promise<unknown>;
      const data = await procedure(input);
      return json(200, data ?? null, {
        // Public data, but a removed story must not linger in a shared cache.
        "cache-control": "public, max-age=0, must-revalidate",
      });
    } catch (error) {
      return errorResponse(error instanceof ApiRequestError ? error : describeFailure(error));
    }
  };
}
