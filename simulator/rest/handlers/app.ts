import { createPublicKey, verify } from "node:crypto";
import type { SimContext } from "../../context";
import {
  errorBody,
  list,
  notFound,
  ok,
  type RestRequest,
  type RestResponse,
  type RouteTable,
} from "../types";

// GitHub App authentication: routes under /app take the app's RS256 JWT. The signature is
// checked against githubApp.publicKey when the fixture sets one; iss and exp always are.

const JWT_DOCS =
  "https://docs.github.com/apps/creating-github-apps/authenticating-with-a-github-app/generating-a-json-web-token-jwt-for-a-github-app";

function checkJwt(ctx: SimContext, jwt: string | null): string | null {
  const app = ctx.org.githubApp;
  if (!app) return "This simulated organisation has no GitHub App";
  const parts = jwt?.split(".") ?? [];
  if (parts.length !== 3) return "A JSON web token could not be decoded";
  let header: { alg?: string };
  let payload: { iss?: string | number; exp?: number; iat?: number };
  try {
    header = JSON.parse(Buffer.from(parts[0]!, "base64url").toString("utf8")) as typeof header;
    payload = JSON.parse(Buffer.from(parts[1]!, "base64url").toString("utf8")) as typeof payload;
  } catch {
    return "A JSON web token could not be decoded";
  }
  if (header.alg !== "RS256")
    return "'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires";
  if (String(payload.iss) !== String(app.appId)) return `Integration not found`;
  const nowS = Math.floor(ctx.now() / 1000);
  if (typeof payload.exp !== "number" || payload.exp <= nowS || payload.exp - nowS > 600)
    return "'Expiration time' claim ('exp') is too far in the future or has passed";
  if (app.publicKey) {
    const ok = verify(
      "RSA-SHA256",
      Buffer.from(`${parts[0]}.${parts[1]}`),
      createPublicKey(app.publicKey),
      Buffer.from(parts[2]!, "base64url"),
    );
    if (!ok) return "A JSON web token could not be decoded";
  }
  return null;
}

function appRoute(fn: (r: RestRequest) => RestResponse): (r: RestRequest) => RestResponse {
  return (r) => {
    const err = checkJwt(r.ctx, r.credential);
    return err ? errorBody(401, err, JWT_DOCS) : fn(r);
  };
}

function installationJson(ctx: SimContext) {
  const app = ctx.org.githubApp!;
  return {
    id: app.installationId,
    account: { login: ctx.org.login, id: ctx.org.id, type: "Organization" },
    repository_selection: "all",
    access_tokens_url: `${ctx.baseUrl}/app/installations/${app.installationId}/access_tokens`,
    repositories_url: `${ctx.baseUrl}/installation/repositories`,
    html_url: `${ctx.baseUrl}/organizations/${ctx.org.login}/settings/installations/${app.installationId}`,
    app_id: app.appId,
    app_slug: app.slug,
    target_id: ctx.org.id,
    target_type: "Organization",
    permissions: {
      metadata: "read",
      contents: "read",
      administration: "read",
      actions: "read",
      secrets: "read",
      environments: "read",
      members: "read",
    },
    events: [],
    created_at: "2024-01-01T00:00:00Z",
    updated_at: "2024-01-01T00:00:00Z",
    single_file_name: null,
    suspended_by: null,
    suspended_at: null,
  };
}

export const appRoutes: RouteTable = {
  "GET /app/installations": appRoute(({ ctx }) => list([installationJson(ctx)])),
  "GET /app/installations/{installation_id}": appRoute(({ ctx, params }) =>
    String(ctx.org.githubApp!.installationId) === params.installation_id
      ? ok(installationJson(ctx))
      : notFound(),
  ),
  "POST /app/installations/{installation_id}/access_tokens": appRoute(({ ctx, params }) => {
    const app = ctx.org.githubApp!;
    if (String(app.installationId) !== params.installation_id) return notFound();
    const t = ctx.tokens.issueToken("installation", `${app.slug}[bot]`, [], 3_600_000);
    return ok(
      {
        token: t.token,
        expires_at: new Date(t.expiresAt!).toISOString().replace(/\.\d{3}Z$/, "Z"),
        permissions: installationJson(ctx).permissions,
        repository_selection: "all",
      },
      201,
    );
  }),
};
