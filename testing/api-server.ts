// Serves /api/v1's route handlers over real HTTP (node:http on a loopback port), so tests
// drive the API as a client would: real requests, headers, JSON bodies and status codes.
// Routing uses each handler's contract path ("/api/v1/tasks/{id}" → params.id).
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

/** A route handler with its contract, as lib/api/define-route makes them (structural, so
 * testing/ does not depend on app/: pass `apiHandlers()` from app/api/v1/registry). */
interface ApiHandler {
  (request: Request, context: { params: Promise<Record<string, string>> }): Promise<Response>;
  contract: { method: string; path: string };
}

/** The API's envelope: `{ data, total?, … }` or `{ error }`. */
export interface ApiBody {
  data?: unknown;
  total?: number;
  page?: number;
  pageSize?: number;
  nextCursor?: string | null;
  error?: { code: string; message: string };
}

export interface ApiServer {
  url: string;
  /**
   * fetch(url + path) with a bearer key and, for writes, a JSON body (a string is sent
   * as it is: raw uploads pass their own content-type in `headers`).
   */
  request(
    method: string,
    path: string,
    key?: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; headers: Headers; body: ApiBody }>;
  close(): Promise<void>;
}

function matcher(h: ApiHandler) {
  const names: string[] = [];
  const source = h.contract.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    names.push(name);
    return "([^/]+)";
  });
  const re = new RegExp(`^${source}$`);
  return (path: string) => {
    const m = re.exec(path);
    return m ? Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(m[i + 1]!)])) : null;
  };
}

async function readAll(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function startApiServer(handlers: ApiHandler[]): Promise<ApiServer> {
  const routes = handlers.map((h) => ({ h, match: matcher(h) }));
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const candidates = routes.filter((r) => r.match(url.pathname) !== null);
    const route = candidates.find((r) => r.h.contract.method === req.method);
    if (!route) {
      res.writeHead(candidates.length ? 405 : 404, { "content-type": "application/json" }).end("{}");
      return;
    }
    const params = route.match(url.pathname)!;
    const body = req.method === "GET" ? undefined : new Uint8Array(await readAll(req));
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
    const response = await route.h(new Request(url, { method: req.method, headers, body }), {
      params: Promise.resolve(params),
    });
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    async request(method, path, key, body, extra = {}) {
      const headers: Record<string, string> = { "user-agent": "vitest" };
      if (key !== undefined) headers.authorization = `Bearer ${key}`;
      if (body !== undefined) headers["content-type"] = "application/json";
      Object.assign(headers, extra);
      const res = await fetch(`${url}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
      });
      return { status: res.status, headers: res.headers, body: (await res.json()) as ApiBody };
    },
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
