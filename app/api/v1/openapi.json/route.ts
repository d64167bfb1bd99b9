import { buildOpenApiDocument } from "@/lib/api/openapi";
import { apiHandlers } from "../registry";
import pkg from "@/package.json";

// The API's description, public (it holds no data) so tools can fetch it before they
// have a key. Built once per process from the route contracts.
let document: ReturnType<typeof buildOpenApiDocument> | undefined;

export function GET(): Response {
  document ??= buildOpenApiDocument(apiHandlers(), pkg.version);
  return Response.json(document, { headers: { "cache-control": "no-store" } });
}
