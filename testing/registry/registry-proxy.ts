import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

// A loopback front for the real docker-registry, for what the registry itself will not do:
// paginate tags/list with `Link` (GHCR does, distribution 2.8 ignores `n`) and answer with
// hostile bodies (a 4 MiB+ manifest, malformed JSON, a hang) that a registry refuses to
// store. Everything else is forwarded to the real registry untouched.

export interface ProxyAnswer {
  status: number;
  headers?: Record<string, string>;
  /** A fixed body, or `streamBytes` of filler sent in 64 KiB chunks without Content-Length. */
  body?: string;
  streamBytes?: number;
}

export interface ProxyRule {
  method?: string;
  /** Matched against the path (no query). */
  path: RegExp;
  answer: ProxyAnswer | "hang";
}

export interface RegistryProxy {
  url: string;
  host: string;
  /** Bytes of filler actually written per rule index (to show a client stopped reading). */
  streamed: number[];
  /** Most requests that were open at the same time since the last resetPeak(). */
  peakInFlight(): number;
  resetPeak(): void;
  setRules(rules: ProxyRule[]): void;
  stop(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

async function pageTags(
  upstream: string,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  pageSize: number,
): Promise<void> {
  const up = await fetch(`${upstream}${url.pathname}`, {
    headers: { authorization: req.headers.authorization ?? "" },
  });
  if (!up.ok) {
    res
      .writeHead(up.status, { "content-type": up.headers.get("content-type") ?? "application/json" })
      .end(Buffer.from(await up.arrayBuffer()));
    return;
  }
  const all = (((await up.json()) as { tags?: string[] | null }).tags ?? []).sort();
  const n = Math.min(Number(url.searchParams.get("n") ?? pageSize) || pageSize, pageSize);
  const last = url.searchParams.get("last");
  const start = last === null ? 0 : all.findIndex((t) => t > last);
  const page = start < 0 ? [] : all.slice(start, start + n);
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (start >= 0 && start + n < all.length)
    headers.link = `<${url.pathname}?last=${encodeURIComponent(page[page.length - 1]!)}&n=${n}>; rel="next"`;
  res
    .writeHead(200, headers)
    .end(JSON.stringify({ name: url.pathname.slice(4, -"/tags/list".length), tags: page }));
}

function answerWith(rule: ProxyAnswer, res: ServerResponse, count: (bytes: number) => void): void {
  if (rule.streamBytes === undefined) {
    res.writeHead(rule.status, rule.headers).end(rule.body ?? "");
    return;
  }
  res.writeHead(rule.status, rule.headers);
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  let left = rule.streamBytes;
  const pump = () => {
    while (left > 0 && !res.destroyed) {
      const piece = left >= chunk.length ? chunk : chunk.subarray(0, left);
      left -= piece.length;
      count(piece.length);
      if (!res.write(piece)) return void res.once("drain", pump);
    }
    if (!res.destroyed) res.end();
  };
  pump();
}

export async function startRegistryProxy(
  upstream: string,
  opts: { tagsPageSize?: number; rules?: ProxyRule[] } = {},
): Promise<RegistryProxy> {
  let rules = opts.rules ?? [];
  const streamed: number[] = [];
  const sockets = new Set<Socket>();
  let inFlight = 0;
  let peak = 0;
  const server = createServer((req, res) => {
    inFlight++;
    peak = Math.max(peak, inFlight);
    res.once("close", () => inFlight--);
    void (async () => {
      const url = new URL(req.url ?? "/", "http://proxy");
      const index = rules.findIndex(
        (r) => (!r.method || r.method === req.method) && r.path.test(url.pathname),
      );
      const rule = rules[index];
      if (rule?.answer === "hang") return;
      if (rule) return answerWith(rule.answer, res, (b) => (streamed[index] = (streamed[index] ?? 0) + b));
      if (opts.tagsPageSize && req.method === "GET" && url.pathname.endsWith("/tags/list"))
        return pageTags(upstream, req, res, url, opts.tagsPageSize);
      const headers = Object.fromEntries(
        Object.entries(req.headers)
          .filter(([k]) => !["host", "connection", "content-length"].includes(k))
          .map(([k, v]) => [k, String(v)]),
      );
      const body =
        req.method === "GET" || req.method === "HEAD" ? undefined : new Uint8Array(await readBody(req));
      const up = await fetch(`${upstream}${url.pathname}${url.search}`, {
        method: req.method,
        headers,
        body,
        redirect: "manual",
      });
      const out = Object.fromEntries(
        [...up.headers].filter(
          ([k]) => !["content-encoding", "transfer-encoding", "connection", "content-length"].includes(k),
        ),
      );
      res.writeHead(up.status, out).end(Buffer.from(await up.arrayBuffer()));
    })().catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(502).end(String(error));
    });
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    streamed,
    peakInFlight: () => peak,
    resetPeak: () => void (peak = inFlight),
    setRules: (next) => void (rules = next),
    stop: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
