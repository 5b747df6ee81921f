// The public read API's OpenAPI document for this site, made once per process from the
// reader router's schemas (served at /api/openapi.json), and what the developers page reads
// from it: the routes grouped by tag and the limits, so the page cannot disagree with it.
import { createOpenApiDocument, readerRouter, type OpenApiDocument } from "@dispatch/api";
import { siteUrl } from "./site";

let document: OpenApiDocument | undefined;

export function getApiDocument(): OpenApiDocument {
  document ??= createOpenApiDocument(readerRouter, { serverUrl: siteUrl });
  return document;
}

type Schema = { [key: string]: unknown };
type Parameter = { name: string; in: string; required: boolean; description?: string; schema: Schema };
type Operation = {
  operationId: string;
  tags: string[];
  summary: string;
  description?: string;
  parameters?: Parameter[];
  requestBody?: { content: { "application/json": { schema: Schema } } };
};

export type ApiParameterRow = {
  name: string;
  where: string;
  required: boolean;
  accepts: string;
  note: string;
};
export type ApiOperationRow = {
  id: string;
  method: string;
  path: string;
  summary: string;
  description: string;
  parameters: ApiParameterRow[];
  body: string | null;
};

function operationsOf(doc: OpenApiDocument): Array<{ method: string; path: string; operation: Operation }> {
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      method: method.toUpperCase(),
      path,
      operation: operation as Operation,
    })),
  );
}

const formatNumber = (value: unknown) =>
  typeof value === "number" ? value.toLocaleString("en-GB") : String(value);

/** A parameter's schema in a few words: "integer, 1–50, default 10". */
export function describeSchema(schema: Schema): string {
  const arms = Array.isArray(schema.anyOf) ? (schema.anyOf as Schema[]) : [schema];
  const types = arms.map((arm) => (arm.format === "date-time" ? "date" : String(arm.type ?? "any")));
  const parts = [types.join(" or ")];
  const min = schema.minimum ?? schema.exclusiveMinimum;
  const max = schema.maximum;
  const isSafeBound = (value: unknown) =>
    typeof value === "number" && Math.abs(value) < Number.MAX_SAFE_INTEGER;
  if (isSafeBound(min) && isSafeBound(max)) parts.push(`${formatNumber(min)}–${formatNumber(max)}`);
  else if (isSafeBound(max)) parts.push(`at most ${formatNumber(max)}`);
  else if (typeof schema.exclusiveMinimum === "number")
    parts.push(`above ${formatNumber(schema.exclusiveMinimum)}`);
  else if (isSafeBound(min)) parts.push(`at least ${formatNumber(min)}`);
  if (typeof schema.maxLength === "number") parts.push(`up to ${formatNumber(schema.maxLength)} characters`);
  if (schema.default !== undefined && schema.default !== "")
    parts.push(`default ${formatNumber(schema.default)}`);
  return parts.join(", ");
}

/** Every route, in the document's order, grouped by its tag. */
export function listApiOperations(
  doc: OpenApiDocument,
): Array<{ tag: string; operations: ApiOperationRow[] }> {
  const groups = new Map<string, ApiOperationRow[]>();
  for (const { method, path, operation } of operationsOf(doc)) {
    const tag = operation.tags[0] ?? "Other";
    const bodySchema = operation.requestBody?.content["application/json"].schema;
    const row: ApiOperationRow = {
      id: operation.operationId,
      method,
      path,
      summary: operation.summary,
      description: operation.description ?? "",
      parameters: (operation.parameters ?? []).map((parameter) => ({
        name: parameter.name,
        where: parameter.in,
        required: parameter.required,
        accepts: describeSchema(parameter.schema),
        note: parameter.description ?? "",
      })),
      body: bodySchema ? JSON.stringify(bodySchema, null, 2) : null,
    };
    groups.set(tag, [...(groups.get(tag) ?? []), row]);
  }
  return [...groups].map(([tag, operations]) => ({ tag, operations }));
}

/** One input limit as the document states it, e.g. the largest search page. */
export function limitOf(doc: OpenApiDocument, operationId: string, field: string, keyword: string): number {
  const found = operationsOf(doc).find(({ operation }) => operation.operationId === operationId)?.operation;
  const fromParameter = found?.parameters?.find((parameter) => parameter.name === field)?.schema;
  const bodyProperties = found?.requestBody?.content["application/json"].schema.properties as
    Record<string, Schema> | undefined;
  const value = (fromParameter ?? bodyProperties?.[field])?.[keyword];
  if (typeof value !== "number")
    throw new Error(`The API document gives no ${keyword} for ${field} of ${operationId}.`);
  return value;
}
