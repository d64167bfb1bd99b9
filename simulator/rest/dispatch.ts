import type { IncomingMessage, ServerResponse } from "node:http";
import type { SimContext } from "../context";
import { answerFault, primaryLimited, secondaryLimited } from "../gate";
import { bearerToken, readBody, sendJson } from "../http";
import { rateLimitHeaders } from "../limits";
import { tokenStats } from "../stats";
import { userId } from "../users";
import { restRoutes } from "./handlers/index";
import { cursorPage, etagMatches, offsetPage, weakEtag } from "./paginate";
import { matchSpecRoute } from "./router";
import { DOCS_ROOT, errorBody, type RestResponse } from "./types";

const BASE_HEADERS = {
  "x-github-api-version-selected": "2022-11-28",
  "x-github-media-type": "github.v3; format=json",
};

function unauthorized(res: ServerResponse, message: string): void {
  sendJson(res, 401, { message, documentation_url: DOCS_ROOT, status: "401" }, BASE_HEADERS);
}

async function parseJsonBody(req: IncomingMessage): Promise<unknown> {
  if (req.method === "GET" || req.method === "HEAD") return null;
  const text = await readBody(req);
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** One REST request: route check against GitHub's spec, auth, faults, limits, handler, ETag. */
export async function handleRest(
  ctx: SimContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  path: string,
): Promise<void> {
  const method = (req.method ?? "GET").toUpperCase();
  const match = matchSpecRoute(method, path);
  if (!match)
    return sendJson(
      res,
      404,
      { message: "Not Found", documentation_url: DOCS_ROOT, status: "404" },
      BASE_HEADERS,
    );
  const route = `${method === "HEAD" ? "GET" : method} ${match.template}`;
  const credential = bearerToken(req);
  // GitHub App routes authenticate with the app's JWT, checked by their handler.
  const jwtRoute = match.template.startsWith("/app");
  const auth = credential && !jwtRoute ? ctx.tokens.lookup(credential) : null;
  if (!jwtRoute && !credential) return unauthorized(res, "Requires authentication");
  if (!jwtRoute && !auth) return unauthorized(res, "Bad credentials");
  const limitKey = auth?.token ?? `jwt:${credential ?? "none"}`;
  const uid = userId(auth?.login ?? "app");

  if (!ctx.limits.enter(limitKey)) {
    ctx.stats.secondaryLimited += 1;
    return secondaryLimited(ctx, res, limitKey, "core", 403, 60);
  }
  res.on("close", () => ctx.limits.leave(limitKey));
  const fault = ctx.faults.forRequest(method, path);
  if (fault && fault.kind !== "truncate-blobs") {
    answerFault(ctx, res, fault, limitKey, "core", uid);
    return;
  }
  if (ctx.limits.view(limitKey, "core").remaining <= 0) {
    ctx.stats.primaryLimited += 1;
    return primaryLimited(ctx, res, limitKey, "core", uid);
  }
  const wait = ctx.limits.spendMinute(limitKey, route, "core", method === "GET" || method === "HEAD" ? 1 : 5);
  if (wait !== null) {
    ctx.stats.secondaryLimited += 1;
    return secondaryLimited(ctx, res, limitKey, "core", 403, wait);
  }

  const handler = restRoutes[route];
  let out: RestResponse;
  if (!handler) {
    out = {
      status: 501,
      body: {
        message: `Not simulated: ${route} exists in GitHub's API but the simulator does not serve it`,
        documentation_url: match.docs ?? DOCS_ROOT,
      },
    };
  } else {
    const body = await parseJsonBody(req);
    out = await handler({
      ctx,
      method,
      template: match.template,
      params: match.params,
      query: url.searchParams,
      auth,
      credential,
      body,
    });
  }
  const headers: Record<string, string> = { ...BASE_HEADERS, ...out.headers };
  if (auth) headers["x-oauth-scopes"] = auth.scopes.join(", ");
  let payload = out.body;
  if (out.paginate) {
    const { items, wrap, cursor } = out.paginate;
    const requestUrl = new URL(url.pathname + url.search, ctx.baseUrl);
    const byCursor =
      cursor && (cursor.only || url.searchParams.has("after") || url.searchParams.has("before"));
    const page = byCursor ? cursorPage(requestUrl, items, cursor.key) : offsetPage(requestUrl, items);
    if ("error" in page) {
      out = errorBody(400, page.error, match.docs ?? DOCS_ROOT);
      payload = out.body;
    } else {
      payload = wrap ? wrap(page.items, items.length) : page.items;
      if (page.link) headers.link = page.link;
    }
  }
  const text = out.status === 204 ? "" : JSON.stringify(payload);
  const st = tokenStats(ctx.stats, limitKey);
  ctx.stats.routes[route] = (ctx.stats.routes[route] ?? 0) + 1;
  if (out.status === 200) {
    const etag = weakEtag(text, limitKey);
    headers.etag = etag;
    if (etagMatches(req.headers["if-none-match"], etag)) {
      ctx.stats.notModified += 1;
      st.notModified += 1;
      res.writeHead(304, { ...headers, ...rateLimitHeaders(ctx.limits.view(limitKey, "core")) });
      return void res.end();
    }
  }
  ctx.stats.rest += 1;
  st.rest += 1;
  Object.assign(
    headers,
    rateLimitHeaders(
      out.uncharged ? ctx.limits.view(limitKey, "core") : ctx.limits.charge(limitKey, "core", 1),
    ),
  );
  if (out.status === 204) {
    res.writeHead(204, headers);
    return void res.end();
  }
  res.writeHead(out.status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}
