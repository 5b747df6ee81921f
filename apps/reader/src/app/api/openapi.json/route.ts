// The public read API's OpenAPI 3.1 document, generated from the procedures' own schemas.
import { getApiDocument } from "~/server/api-document";

export function GET() {
  return Response.json(getApiDocument(), {
    headers: { "access-control-allow-origin": "*", "cache-control": "public, max-age=300" },
  });
}
