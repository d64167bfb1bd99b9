import { HTTP_METHODS, loadOpenApiSpec } from "./spec";

/** A compiled route template from the OpenAPI description. */
export interface SpecRoute {
  template: string;
  regex: RegExp;
  names: string[];
  literals: number;
  greedy: number;
  methods: Map<string, string | undefined>;
}

export interface RouteMatch {
  template: string;
  params: Record<string, string>;
  /** The operation's documentation URL, for error bodies. */
  docs: string | undefined;
}

// Parameters GitHub lets span slashes (refs such as "heads/feature/x", file paths,
// compare ranges of branches such as "release/v0...<sha>").
const GREEDY = new Set(["ref", "path", "basehead"]);

function compile(template: string, ops: Record<string, { externalDocs?: { url?: string } }>): SpecRoute {
  const names: string[] = [];
  let literals = 0;
  let greedy = 0;
  const pattern = template
    .split("/")
    .map((seg) => {
      const m = /^\{(\w+)\}$/.exec(seg);
      if (!m) {
        if (seg) literals += 1;
        return seg.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      }
      names.push(m[1]!);
      if (GREEDY.has(m[1]!)) greedy += 1;
      return GREEDY.has(m[1]!) ? "(.+)" : "([^/]+)";
    })
    .join("/");
  const methods = new Map<string, string | undefined>();
  for (const m of HTTP_METHODS) if (ops[m]) methods.set(m.toUpperCase(), ops[m]!.externalDocs?.url);
  return { template, regex: new RegExp(`^${pattern}$`), names, literals, greedy, methods };
}

let routes: SpecRoute[] | null = null;

function specRoutes(): SpecRoute[] {
  if (!routes) {
    const spec = loadOpenApiSpec();
    routes = Object.entries(spec.paths)
      .map(([t, ops]) => compile(t, ops))
      // Most literal segments first, so /commits/{ref}/status beats /commits/{ref}.
      .sort((a, b) => b.literals - a.literals || a.greedy - b.greedy || a.names.length - b.names.length);
  }
  return routes;
}

/** Matches a request against GitHub's routes; null when no route has this path and method. */
export function matchSpecRoute(method: string, path: string): RouteMatch | null {
  const m = method.toUpperCase() === "HEAD" ? "GET" : method.toUpperCase();
  for (const r of specRoutes()) {
    if (!r.methods.has(m)) continue;
    const hit = r.regex.exec(path);
    if (!hit) continue;
    const params: Record<string, string> = {};
    r.names.forEach((n, i) => (params[n] = decodeURIComponent(hit[i + 1]!)));
    return { template: r.template, params, docs: r.methods.get(m) };
  }
  return null;
}
