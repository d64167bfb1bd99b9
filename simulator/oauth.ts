import type { IncomingMessage, ServerResponse } from "node:http";
import {
  basicCredentials,
  escapeHtml,
  parseFormOrJson,
  readBody,
  redirect,
  sendJson,
  sendText,
} from "./http";
import type { SimContext } from "./context";

// The web half of GitHub's OAuth web flow (github.com/login/oauth/*), as next-auth's
// GitHub provider drives it: authorize → (user picks) → redirect with code → access_token.

const DOCS =
  "https://docs.github.com/apps/managing-oauth-apps/troubleshooting-oauth-app-access-token-request-errors";

function htmlPage(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:28rem;margin:4rem auto;color:#1f2328}
button{display:block;width:100%;margin:.5rem 0;padding:.75rem;text-align:left;border:1px solid #d0d7de;border-radius:6px;background:#f6f8fa;cursor:pointer;font-size:1rem}
button:hover{background:#eaeef2}.role{color:#59636e;font-size:.85rem}</style></head><body>${body}</body></html>`;
}

function checkClient(ctx: SimContext, clientId: string | null, redirectUri: string | null): string | null {
  const app = ctx.fixture.org.oauthApp;
  if (!app || clientId !== app.clientId) return "Unknown OAuth application (client_id).";
  if (redirectUri === null) return null;
  let u: URL;
  try {
    u = new URL(redirectUri);
  } catch {
    return "The redirect_uri is not a valid URL.";
  }
  if (app.redirectUris.length > 0)
    return app.redirectUris.some((p) => redirectUri.startsWith(p))
      ? null
      : "The redirect_uri MUST match the registered callback URL for this application.";
  return ["127.0.0.1", "localhost", "[::1]"].includes(u.hostname)
    ? null
    : "The redirect_uri must be a loopback URL for this simulated application.";
}

function finish(ctx: SimContext, res: ServerResponse, p: Record<string, string | undefined>): void {
  const redirectUri = p.redirect_uri ?? null;
  const err = checkClient(ctx, p.client_id ?? null, redirectUri);
  if (err)
    return sendText(
      res,
      400,
      htmlPage("Error", `<h1>OAuth error</h1><p>${escapeHtml(err)}</p>`),
      "text/html; charset=utf-8",
    );
  const user = ctx.users.get((p.login ?? "").toLowerCase());
  if (!user)
    return sendText(
      res,
      400,
      htmlPage("Error", `<h1>Unknown user</h1><p>${escapeHtml(p.login ?? "")}</p>`),
      "text/html; charset=utf-8",
    );
  const code = ctx.tokens.issueCode({
    clientId: p.client_id!,
    redirectUri,
    login: user.login,
    scope: p.scope ?? "",
  });
  const target = new URL(redirectUri ?? `${ctx.baseUrl}/`);
  target.searchParams.set("code", code);
  if (p.state !== undefined) target.searchParams.set("state", p.state);
  redirect(res, target.toString());
}

export function authorizePage(ctx: SimContext, req: IncomingMessage, res: ServerResponse, url: URL): void {
  const q = Object.fromEntries(url.searchParams);
  const err = checkClient(ctx, q.client_id ?? null, q.redirect_uri ?? null);
  if (err)
    return sendText(
      res,
      400,
      htmlPage("Error", `<h1>OAuth error</h1><p>${escapeHtml(err)}</p>`),
      "text/html; charset=utf-8",
    );
  if (q.login_hint && ctx.users.has(q.login_hint.toLowerCase()))
    return finish(ctx, res, { ...q, login: q.login_hint });
  const hidden = ["client_id", "redirect_uri", "state", "scope"]
    .filter((k) => q[k] !== undefined)
    .map((k) => `<input type="hidden" name="${k}" value="${escapeHtml(q[k]!)}">`)
    .join("");
  const people =
    ctx.fixture.org.users.length > 0
      ? ctx.fixture.org.users.map((u) => ctx.users.get(u.login.toLowerCase())!)
      : [...ctx.users.values()];
  const buttons = people
    .map(
      (u) =>
        `<button type="submit" name="login" value="${escapeHtml(u.login)}" data-login="${escapeHtml(u.login)}"><strong>${escapeHtml(u.login)}</strong> ${escapeHtml(u.name ?? "")}<br><span class="role">${escapeHtml(u.role ?? "member")}</span></button>`,
    )
    .join("");
  const app = escapeHtml(ctx.fixture.org.oauthApp?.clientId ?? "");
  sendText(
    res,
    200,
    htmlPage(
      "Sign in to GitHub (simulator)",
      `<h1>Sign in to GitHub (simulator)</h1><p>to continue to <strong>${app}</strong> — organisation <strong>${escapeHtml(ctx.fixture.org.login)}</strong>. Choose who you are:</p><form method="post" action="/login/oauth/authorize/choose">${hidden}${buttons}</form>`,
    ),
    "text/html; charset=utf-8",
  );
}

export async function choose(
  ctx: SimContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const params =
    req.method === "POST"
      ? parseFormOrJson(await readBody(req), req.headers["content-type"])
      : Object.fromEntries(url.searchParams);
  finish(ctx, res, params);
}

export async function accessToken(
  ctx: SimContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const p = {
    ...Object.fromEntries(url.searchParams),
    ...parseFormOrJson(await readBody(req), req.headers["content-type"]),
  };
  const basic = basicCredentials(req);
  const clientId = p.client_id ?? basic?.user;
  const clientSecret = p.client_secret ?? basic?.pass;
  const wantsJson = (req.headers.accept ?? "").includes("json");
  const reply = (body: Record<string, string>) =>
    wantsJson
      ? sendJson(res, 200, body)
      : sendText(
          res,
          200,
          new URLSearchParams(body).toString(),
          "application/x-www-form-urlencoded; charset=utf-8",
        );
  const app = ctx.fixture.org.oauthApp;
  if (!app || clientId !== app.clientId || clientSecret !== app.clientSecret)
    return reply({
      error: "incorrect_client_credentials",
      error_description: "The client_id and/or client_secret passed are incorrect.",
      error_uri: DOCS,
    });
  const pending = p.code ? ctx.tokens.redeemCode(p.code) : null;
  if (!pending || pending === "expired" || pending.clientId !== clientId)
    return reply({
      error: "bad_verification_code",
      error_description: "The code passed is incorrect or expired.",
      error_uri: DOCS,
    });
  if (p.redirect_uri !== undefined && pending.redirectUri !== null && p.redirect_uri !== pending.redirectUri)
    return reply({
      error: "redirect_uri_mismatch",
      error_description: "The redirect_uri MUST match the registered callback URL for this application.",
      error_uri: DOCS,
    });
  const scopes = pending.scope.split(/[ ,]+/).filter(Boolean);
  const t = ctx.tokens.issueToken("oauth", pending.login, scopes);
  reply({ access_token: t.token, token_type: "bearer", scope: scopes.join(",") });
}
