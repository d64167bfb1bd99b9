import { readFileSync } from "node:fs";
import path from "node:path";

// The endpoints of the production build the e2e servers run, read from the manifests
// `next build` writes into .next (so nothing the build serves can be left out of the
// authorisation matrix: a page, route or server action the source scan would miss).

const NEXT = path.join(process.cwd(), ".next");
const read = <T>(file: string): T => JSON.parse(readFileSync(path.join(NEXT, file), "utf8")) as T;

export interface BuiltAction {
  /** The id a browser sends as `Next-Action`. */
  id: string;
  /** `<file>#<export>`, as in ACTION_POLICY. */
  key: string;
  /** A page (URL route, [segments] unfilled) whose bundle holds the action: where to POST it. */
  page: string;
}

export interface BuiltEndpoints {
  /** URL routes of pages (`/tasks/[id]`). */
  pages: string[];
  /** URL routes of route handlers (`/api/v1/tasks/[id]`). */
  routes: string[];
  actions: BuiltAction[];
}

interface ActionEntry {
  workers: Record<string, unknown>;
  filename?: string;
  exportedName?: string;
}

export function builtEndpoints(): BuiltEndpoints {
  // "/(dashboard)/tasks/[id]/page" → "/tasks/[id]"; "/api/health/route" → "/api/health".
  const appPaths = read<Record<string, string>>("app-path-routes-manifest.json");
  const pageOf = new Map<string, string>();
  const routes: string[] = [];
  for (const [entry, url] of Object.entries(appPaths)) {
    if (entry.endsWith("/page")) pageOf.set(`app${entry}`, url);
    else if (entry.endsWith("/route")) routes.push(url);
  }
  const manifest = read<{ node: Record<string, ActionEntry>; edge: Record<string, ActionEntry> }>(
    "server/server-reference-manifest.json",
  );
  const actions = Object.entries({ ...manifest.node, ...manifest.edge }).map(([id, entry]) => {
    const page = Object.keys(entry.workers)
      .map((w) => pageOf.get(w))
      .find(Boolean);
    if (!entry.filename || !entry.exportedName || !page)
      throw new Error(`server action ${id}: the build names no file, export or page for it`);
    return { id, key: `${entry.filename}#${entry.exportedName}`, page };
  });
  return { pages: [...pageOf.values()].sort(), routes: routes.sort(), actions };
}
