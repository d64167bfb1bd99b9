// The authorisation matrix (issue 8, ASVS 8.2.1/8.3.1): every route handler under app/
// and every server action in components/*/*actions.ts, found in the code (never listed by
// hand), × admin, security lead, engineer, auditor, anonymous, an invalid credential and
// a disabled user. Each answer must be what testing/authz/policy.ts declares. Sessions are
// real database sessions resolved by next-auth's real session lookup (only the request's
// cookies come from the test instead of Next's request scope); API keys are real keys.
import { randomBytes } from "node:crypto";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/testing/db";
import { upsertGitHubUser, upsertOrganization } from "@/prisma/seed/factories";
import { setDb } from "@/lib/db";
import type { Role } from "@/lib/server/authz/permissions";
import { asRequest, createSession } from "@/testing/real-session";
import { systemActor } from "@/lib/server/authz/actor";
import { createApiKey } from "@/lib/server/api-keys/create-api-key";
import { revokeApiKey } from "@/lib/server/api-keys/revoke-api-key";
import {
  listActionEndpoints,
  listRouteEndpoints,
  registryKeys,
  type ActionEndpoint,
  type RouteEndpoint,
} from "./endpoints";
import {
  ACTION_ARGS,
  ACTION_POLICY,
  PRINCIPALS,
  ROUTE_BODIES,
  ROUTE_POLICY,
  type Access,
  type Principal,
} from "./policy";

// The request scope Next gives a server action or page: here, the probe's own cookie,
// resolved by next-auth's real session lookup (testing/real-session.ts).
vi.mock("next/headers", async () => (await import("@/testing/real-session")).nextHeadersMock("authz-matrix"));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));
vi.mock("next-auth", async (importOriginal) =>
  (await import("@/testing/real-session")).nextAuthMock(importOriginal, "authz-matrix"),
);

let db: TestDatabase;
const cookies = {} as Record<Principal, string | null>;
const keys = {} as Record<Principal, string | null>;
let routes: RouteEndpoint[];
let actions: ActionEndpoint[];

async function userWithSession(login: string, role: Role, orgId: string, disabled = false) {
  const user = await upsertGitHubUser(db.prisma, { id: 0, login, name: login, email: null }, role);
  await db.prisma.orgMember.create({ data: { organizationId: orgId, login } });
  if (disabled) await db.prisma.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
  return createSession(db.prisma, user.id);
}

beforeAll(async () => {
  db = await createTestDatabase();
  setDb(db.prisma);
  // The environment next-auth's options are built from (lib/env.ts) for this database.
  process.env.DATABASE_URL = db.url;
  process.env.GITHUB_CLIENT_ID ??= "authz-matrix";
  process.env.GITHUB_CLIENT_SECRET ??= "authz-matrix-secret";
  const org = await upsertOrganization(db.prisma, "acme", "Acme");
  const system = systemActor("authz-matrix");
  for (const role of ["admin", "security_lead", "engineer", "auditor"] as const) {
    cookies[role] = await userWithSession(`matrix-${role.replace("_", "-")}`, role, org.id);
    keys[role] = (await createApiKey(system, { name: `matrix ${role}`, role })).key;
  }
  cookies.anonymous = null;
  keys.anonymous = null;
  cookies.invalid = randomBytes(32).toString("hex");
  keys.invalid = `ghk_${randomBytes(24).toString("hex")}`;
  cookies.disabled = await userWithSession("matrix-disabled", "admin", org.id, true);
  const revoked = await createApiKey(system, { name: "matrix revoked", role: "admin" });
  await revokeApiKey(system, { id: revoked.id });
  keys.disabled = revoked.key;
  routes = await listRouteEndpoints();
  actions = await listActionEndpoints();
});
afterAll(async () => {
  await db?.drop();
});

function expected(access: Access, who: Principal): "allowed" | "refused" {
  if (access === "public") return "allowed";
  if (access === "signature") return "refused";
  return (access as readonly string[]).includes(who) ? "allowed" : "refused";
}

const SAMPLE_PARAMS: Record<string, string | string[]> = {
  org: "acme",
  owner: "acme",
  name: "api",
  id: "no-such-id",
  nextauth: ["session"],
};

async function callRoute(endpoint: RouteEndpoint, who: Principal): Promise<Response> {
  const headers = new Headers({ "user-agent": "authz-matrix", "content-type": "application/json" });
  // /api/v1 routes declared with apiRoute take API keys only; the others take the
  // browser session (and keys where they accept both: requestActor).
  const cookie = cookies[who];
  const key = keys[who];
  if (endpoint.apiRoute) {
    if (key) headers.set("authorization", `Bearer ${key}`);
  } else if (cookie) headers.set("cookie", `next-auth.session-token=${cookie}`);
  const params = Object.fromEntries(
    [...endpoint.route.matchAll(/\[(?:\.\.\.)?([^\]]+)\]/g)].map((m) => [m[1]!, SAMPLE_PARAMS[m[1]!] ?? "x"]),
  );
  const body = ROUTE_BODIES[endpoint.key];
  const init: RequestInit = { method: endpoint.method, headers };
  if (endpoint.method !== "GET" && endpoint.method !== "HEAD") init.body = JSON.stringify(body ?? {});
  const url = `http://127.0.0.1:3000${endpoint.route.replace(/\[(?:\.\.\.)?([^\]]+)\]/g, (_, p: string) =>
    [SAMPLE_PARAMS[p] ?? "x"].flat().join("/"),
  )}`;
  return asRequest(cookie, () =>
    endpoint.handler(new NextRequest(url, init as ConstructorParameters<typeof NextRequest>[1]), {
      params: Promise.resolve(params),
    }),
  );
}

const REFUSAL = /^(Sign in to continue|Your role \(.+\) does not allow)/;

async function callAction(endpoint: ActionEndpoint, who: Principal): Promise<unknown> {
  const args = ACTION_ARGS[endpoint.key] ?? [null, new FormData()];
  return asRequest(cookies[who], () => endpoint.action(...args));
}

describe("authorisation matrix (property: every endpoint × every role is allowed or refused as declared)", () => {
  it("every route handler and server action has an entry in testing/authz/policy.ts", () => {
    const missingRoutes = routes.map((r) => r.key).filter((k) => !(k in ROUTE_POLICY));
    const missingActions = actions.map((a) => a.key).filter((k) => !(k in ACTION_POLICY));
    const message = [
      ...missingRoutes.map((k) => `route "${k}" has no entry in ROUTE_POLICY (testing/authz/policy.ts)`),
      ...missingActions.map(
        (k) => `server action "${k}" has no entry in ACTION_POLICY (testing/authz/policy.ts)`,
      ),
    ].join("\n");
    expect(message, message).toBe("");
    // Every registered /api/v1 route is a route file (so the registry cannot hide one).
    const found = new Set(routes.map((r) => r.key));
    expect(registryKeys().filter((k) => !found.has(k))).toEqual([]);
    // And the table names nothing that no longer exists.
    expect(Object.keys(ROUTE_POLICY).filter((k) => !found.has(k))).toEqual([]);
    const acts = new Set(actions.map((a) => a.key));
    expect(Object.keys(ACTION_POLICY).filter((k) => !acts.has(k))).toEqual([]);
  });

  it("every route handler answers each principal as declared (refused: 401/403; allowed: neither, never 5xx)", async () => {
    const wrong: string[] = [];
    let probes = 0;
    // next-auth's own handler reads Next's request scope directly; it is public by design
    // and driven through the whole OAuth dance in lib/auth/sign-in.integration.test.ts.
    const probed = routes.filter((r) => !r.route.startsWith("/api/auth/"));
    for (const endpoint of probed) {
      const access = ROUTE_POLICY[endpoint.key];
      if (!access) continue;
      for (const who of PRINCIPALS) {
        probes++;
        const res = await callRoute(endpoint, who);
        const got =
          res.status === 401 || res.status === 403 ? "refused" : res.status >= 500 ? "error" : "allowed";
        const want = expected(access, who);
        const ok = access === "signature" ? res.status >= 400 && res.status < 500 : got === want;
        if (!ok) wrong.push(`${endpoint.key} as ${who}: expected ${want}, got ${res.status}`);
      }
    }
    expect(wrong, wrong.join("\n")).toEqual([]);
    expect(probes).toBe(probed.length * PRINCIPALS.length);
  });

  it("every server action answers each principal as declared (refused: the data layer's refusal)", async () => {
    const wrong: string[] = [];
    for (const endpoint of actions) {
      const access = ACTION_POLICY[endpoint.key];
      if (!access) continue;
      for (const who of PRINCIPALS) {
        const result = (await callAction(endpoint, who)) as { ok?: boolean; error?: string } | null;
        const error = result?.ok === false ? (result.error ?? "") : "";
        const got = REFUSAL.test(error)
          ? "refused"
          : error.startsWith("Something went wrong")
            ? "error"
            : "allowed";
        const want = expected(access, who);
        if (got !== want)
          wrong.push(`${endpoint.key} as ${who}: expected ${want}, got ${JSON.stringify(result)}`);
      }
    }
    expect(wrong, wrong.join("\n")).toEqual([]);
  });
});
