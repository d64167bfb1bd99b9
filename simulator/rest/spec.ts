import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

// GitHub's OpenAPI description (api.github.com), loaded once per process. The router is
// built from its paths so the simulator can never serve a route GitHub does not have.

export interface OpenApiOperation {
  operationId?: string;
  externalDocs?: { url?: string };
  responses?: Record<string, unknown>;
}

export interface OpenApiSpec {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: Record<string, unknown> };
}

let cached: OpenApiSpec | null = null;

export function loadOpenApiSpec(): OpenApiSpec {
  if (!cached) {
    const require = createRequire(import.meta.url);
    const file = require.resolve("@octokit/openapi/generated/api.github.com.json");
    cached = JSON.parse(readFileSync(file, "utf8")) as OpenApiSpec;
  }
  return cached;
}

export const HTTP_METHODS = ["get", "put", "post", "patch", "delete", "head", "options"] as const;
