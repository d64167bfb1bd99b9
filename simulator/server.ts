import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Socket } from "node:net";
import type { SimContext } from "./context";
import { serveAlertPage } from "./alert-pages";
import { handleGraphql } from "./graphql/handle";
import { sendJson, sendText } from "./http";
import { accessToken, authorizePage, choose } from "./oauth";
import { handleRest } from "./rest/dispatch";
import { handleTestHook } from "./test-hooks";

// Routes a request to the OAuth web flow, GraphQL or REST. `/api/v3` and `/api/graphql`
// prefixes are accepted too, so a client configured for GitHub Enterprise Server also works.

async function route(ctx: SimContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? "/", ctx.baseUrl);
  let path = url.pathname;
  if (path === "/api/graphql") path = "/graphql";
  else if (path.startsWith("/api/v3/")) path = path.slice(7);
  if (ctx.testHooks && path.startsWith("/_simulator/")) return handleTestHook(ctx, req, res, path);
  if (path === "/login/oauth/authorize" && req.method === "GET") return authorizePage(ctx, req, res, url);
  if (path === "/login/oauth/authorize/choose") return choose(ctx, req, res, url);
  if (path === "/login/oauth/access_token" && req.method === "POST") return accessToken(ctx, req, res, url);
  if (path.startsWith("/avatars/"))
    return sendText(
      res,
      200,
      `<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><rect width="40" height="40" fill="#8b949e"/></svg>`,
      "image/svg+xml",
    );
  if (req.method === "GET" && serveAlertPage(ctx, res, path)) return;
  if (path === "/graphql") {
    if (req.method !== "POST")
      return sendJson(res, 404, {
        message: "Not Found",
        documentation_url: "https://docs.github.com/graphql",
      });
    return handleGraphql(ctx, req, res);
  }
  return handleRest(ctx, req, res, url, path);
}

export interface RunningServer {
  server: Server;
  close(): Promise<void>;
}

/** Starts listening; sockets (including hung requests) are destroyed on close. */
export async function listen(
  ctx: SimContext,
  host: string,
  port: number,
): Promise<RunningServer & { url: string }> {
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    route(ctx, req, res).catch((err: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { message: `Simulator error: ${(err as Error).message}` });
      else res.destroy();
    });
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const addr = server.address();
  const actualPort = typeof addr === "object" && addr ? addr.port : port;
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${actualPort}`;
  ctx.setBaseUrl(url);
  return {
    server,
    url,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
