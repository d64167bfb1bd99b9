import { readdirSync } from "node:fs";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import type { ApiHandler } from "@/lib/api/define-route";
import { apiHandlers } from "./registry";
import { GET } from "./openapi.json/route";

// The document is generated from the route contracts; these tests make sure every
// route file under app/api/v1 is described, at the path its folder serves, and that the
// result is a valid OpenAPI 3.1 document.
const ROOT = path.join(__dirname);
const METHODS = ["GET", "POST", "PATCH", "PUT", "DELETE"] as const;

function routeFiles(dir = ROOT): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return routeFiles(full);
    return e.name === "route.ts" ? [full] : [];
  });
}

/** app/api/v1/orgs/[org]/repos/route.ts → /api/v1/orgs/{org}/repos */
function servedPath(file: string): string {
  const rel = path.relative(ROOT, path.dirname(file)).split(path.sep).filter(Boolean);
  return ["/api/v1", ...rel.map((s) => s.replace(/^\[(\w+)\]$/, "{$1}"))].join("/");
}

describe("GET /api/v1/openapi.json", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    const doc = (await GET().json()) as { openapi: string };
    expect(doc.openapi).toBe("3.1.0");
    const result = await new Validator().validate(doc as never);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("describes every route file's every method, at the path its folder serves", async () => {
    const doc = (await GET().json()) as { paths: Record<string, Record<string, unknown>> };
    const registered = new Set(apiHandlers());
    // Not apiRoutes: the document itself, the public key (PEM) and pack downloads (zip);
    // each takes keys via requestActor.
    const RAW = ["openapi.json", "public-key", "download"].map((d) => `${path.sep}${d}${path.sep}`);
    const files = routeFiles().filter((f) => !RAW.some((d) => f.includes(d)));
    expect(files.length).toBeGreaterThanOrEqual(4);
    for (const file of files) {
      const mod = (await import(file)) as Partial<Record<(typeof METHODS)[number], ApiHandler>>;
      const methods = METHODS.filter((m) => mod[m]);
      expect([file, methods.length > 0]).toEqual([file, true]);
      for (const method of methods) {
        const handler = mod[method]!;
        expect([file, handler.contract?.path, handler.contract?.method]).toEqual([
          file,
          servedPath(file),
          method,
        ]);
        expect([file, registered.has(handler)]).toEqual([file, true]);
        expect([file, Object.keys(doc.paths[servedPath(file)] ?? {})]).toEqual([
          file,
          expect.arrayContaining([method.toLowerCase()]),
        ]);
      }
    }
  });

  it("documents parameters, the error envelope and the bearer scheme", async () => {
    const doc = (await GET().json()) as {
      paths: Record<
        string,
        { get: { parameters: Array<{ name: string; in: string }>; responses: Record<string, unknown> } }
      >;
      components: { securitySchemes: Record<string, { scheme: string }> };
    };
    const repos = doc.paths["/api/v1/orgs/{org}/repos"]!.get;
    expect(repos.parameters.map((p) => `${p.in}:${p.name}`)).toEqual(
      expect.arrayContaining([
        "path:org",
        "query:failing",
        "query:grade",
        "query:q",
        "query:sort",
        "query:page",
      ]),
    );
    expect(Object.keys(repos.responses)).toEqual(expect.arrayContaining(["200", "401", "403", "404", "422"]));
    expect(doc.components.securitySchemes.apiKey!.scheme).toBe("bearer");
  });

  it("describes the threat-model import as the raw file, markdown or Threat Dragon JSON, with its revision", async () => {
    const doc = (await GET().json()) as {
      paths: Record<
        string,
        {
          post: {
            parameters: Array<{ name: string; in: string }>;
            requestBody: { content: Record<string, { schema: { type: string } }> };
          };
        }
      >;
    };
    const op = doc.paths["/api/v1/repos/{owner}/{name}/threat-model/import"]!.post;
    expect(Object.keys(op.requestBody.content).sort()).toEqual(["application/json", "text/markdown"]);
    expect(op.requestBody.content["text/markdown"]!.schema.type).toBe("string");
    expect(op.parameters.map((p) => `${p.in}:${p.name}`)).toContain("query:revision");
  });
});
