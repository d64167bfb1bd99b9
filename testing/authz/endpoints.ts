// The endpoints of the app as the code declares them, for the authorisation matrix:
// every route file under app/ with its exported HTTP methods, the /api/v1 registry, and
// every export of components/*/*actions.ts. Nothing is listed by hand.
import { readdirSync } from "node:fs";
import path from "node:path";
import { apiHandlers } from "@/app/api/v1/registry";

const ROOT = path.resolve(__dirname, "../..");
/** Files under `dir` (relative to the repository, posix separators) whose name ends in `suffix`. */
function filesUnder(dir: string, suffix: string): string[] {
  return readdirSync(path.join(ROOT, dir), { recursive: true, encoding: "utf8" })
    .map((f) => path.posix.join(dir, f.split(path.sep).join("/")))
    .filter((f) => f.endsWith(suffix))
    .sort();
}

const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

export type RouteHandler = (request: Request, context: { params: Promise<unknown> }) => Promise<Response>;

export interface RouteEndpoint {
  key: string;
  method: string;
  /** The path as in app/ without route groups (`/api/v1/orgs/[org]/repos`, `/admin/audit/export`). */
  route: string;
  handler: RouteHandler;
  /** Declared through lib/api/define-route.ts (API keys only). */
  apiRoute: boolean;
}

export interface ActionEndpoint {
  key: string;
  action: (...args: unknown[]) => Promise<unknown>;
}

/** `/api/v1/orgs/{org}/repos` (an OpenAPI template) → `/api/v1/orgs/[org]/repos`. */
export function routeOfTemplate(template: string): string {
  return template.replace(/\{([^}]+)\}/g, "[$1]");
}

export async function listRouteEndpoints(): Promise<RouteEndpoint[]> {
  const files = filesUnder("app", "/route.ts");
  const registered = new Set(
    apiHandlers().map((h) => `${h.contract.method} ${routeOfTemplate(h.contract.path)}`),
  );
  const out: RouteEndpoint[] = [];
  for (const file of files) {
    // `(dashboard)` and the like group files without being part of the URL.
    const route = `/${path.posix
      .dirname(file)
      .replace(/^app\//, "")
      .split("/")
      .filter((s) => !/^\(.+\)$/.test(s))
      .join("/")}`;
    const mod = (await import(path.join(ROOT, file))) as Record<string, unknown>;
    for (const method of METHODS) {
      const handler = mod[method];
      if (typeof handler !== "function") continue;
      const key = `${method} ${route}`;
      out.push({ key, method, route, handler: handler as RouteHandler, apiRoute: registered.has(key) });
    }
  }
  return out;
}

/** Registry entries whose path matches no route file (a stale or mistyped registration). */
export function registryKeys(): string[] {
  return apiHandlers().map((h) => `${h.contract.method} ${routeOfTemplate(h.contract.path)}`);
}

export async function listActionEndpoints(): Promise<ActionEndpoint[]> {
  // `actions.ts` and its siblings such as `api-key-actions.ts`: every "use server" file.
  const files = filesUnder("components", "actions.ts").filter((f) => f.split("/").length === 3);
  const out: ActionEndpoint[] = [];
  for (const file of files) {
    const mod = (await import(path.join(ROOT, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) {
      if (typeof value !== "function") continue;
      out.push({ key: `${file}#${name}`, action: value as ActionEndpoint["action"] });
    }
  }
  return out;
}
