// The public read API: REST routes over the reader router and their OpenAPI document.
export { createOpenApiDocument, type OpenApiDocument } from "./document";
export { createOpenApiHandler, OPENAPI_DOCUMENT_PATH, API_MAX_BODY_BYTES } from "./handler";
export { API_BASE_PATH, API_ROUTES, type ApiRoute } from "./routes";
