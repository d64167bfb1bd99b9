import "server-only";
import { z } from "zod";
import { createDocument, type ZodOpenApiPathsObject } from "zod-openapi";
import type { ApiHandler } from "./define-route";
import { ErrorSchema } from "./schemas";

// The OpenAPI 3.1 document, built from the very contracts the route wrapper validates
// with, so the description cannot drift from the behaviour.
const ERRORS = {
  "401": "No valid API key",
  "403": "The key's role does not allow this",
  "404": "No such resource",
  "422": "Invalid parameters or body (unknown fields are refused)",
  "429": "Rate limited (see Retry-After)",
  "500": "Unexpected error (the message carries a request id)",
} as const;

const errorResponses = Object.fromEntries(
  Object.entries(ERRORS).map(([status, description]) => [
    status,
    { description, content: { "application/json": { schema: ErrorSchema } } },
  ]),
);

function success(h: ApiHandler["contract"]) {
  const data = h.list ? z.array(h.response) : h.response;
  const page = h.list
    ? {
        total: z.number().int().meta({ description: "Items matching the query, over all pages" }),
        page: z.number().int().optional(),
        pageSize: z.number().int().optional(),
        nextCursor: z
          .string()
          .nullable()
          .optional()
          .meta({ description: "Cursor-paged lists: pass as `cursor` for the next page; null on the last" }),
      }
    : {};
  return z.object({ data, ...page });
}

/** A raw upload: each accepted media type as a string whose meaning is its description. */
function rawRequestBody(raw: NonNullable<ApiHandler["contract"]["rawBody"]>) {
  const content = Object.fromEntries(
    Object.entries(raw.types).map(([type, description]) => [
      type,
      { schema: z.string().max(raw.maxBytes).meta({ description }) },
    ]),
  );
  return { required: true, content };
}

export function buildOpenApiDocument(handlers: ApiHandler[], version: string) {
  const paths: ZodOpenApiPathsObject = {};
  for (const { contract: c } of handlers) {
    const method = c.method.toLowerCase() as "get" | "post" | "patch" | "put" | "delete";
    paths[c.path] = {
      ...paths[c.path],
      [method]: {
        operationId: `${method}${c.path
          .replace(/^\/api\/v1/, "")
          .replace(/[{}]/g, "")
          .replace(/\/(\w)/g, (_, ch: string) => ch.toUpperCase())}`,
        summary: c.summary,
        ...(c.description ? { description: c.description } : {}),
        tags: c.tags,
        requestParams: { ...(c.params ? { path: c.params } : {}), ...(c.query ? { query: c.query } : {}) },
        ...(c.body
          ? { requestBody: { required: true, content: { "application/json": { schema: c.body } } } }
          : {}),
        ...(c.rawBody ? { requestBody: rawRequestBody(c.rawBody) } : {}),
        responses: {
          "200": { description: "OK", content: { "application/json": { schema: success(c) } } },
          ...errorResponses,
        },
      },
    };
  }
  return createDocument({
    openapi: "3.1.0",
    info: {
      title: "Gatehouse API",
      version,
      description:
        "CI/CD supply-chain posture. Authenticate with `Authorization: Bearer ghk_…` (an API key an admin created; it acts with its role).",
    },
    servers: [{ url: "/" }],
    security: [{ apiKey: [] }],
    components: {
      securitySchemes: {
        apiKey: { type: "http", scheme: "bearer", bearerFormat: "ghk_<43 base64url characters>" },
      },
    },
    paths,
  });
}
