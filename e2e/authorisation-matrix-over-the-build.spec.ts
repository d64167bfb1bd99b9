import { randomBytes } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import {
  ACTION_ARGS,
  ACTION_POLICY,
  PAGE_POLICY,
  PRINCIPALS,
  ROUTE_BODIES,
  ROUTE_POLICY,
  type Access,
  type PageOutcome,
  type Principal,
} from "../testing/authz/policy";
import { builtEndpoints, type BuiltEndpoints } from "./support/build-manifest";
import { signInAs } from "./support/sign-in";

// The authorisation matrix over the production build (issue 8, ASVS 8.2.1/8.3.1/8.2.2):
// every page, route handler and server action the build serves (its manifests, not the
// source tree) must have an entry in testing/authz/policy.ts; each is requested over real
// HTTP as each principal and must answer as declared; then all of it again with each
// x-middleware-subrequest payload of CVE-2025-29927, which must change nothing.
//
// Own users (org.yaml): mia (admin), lou (security lead), ezra (engineer), aldo (auditor),
// dina (disabled here by mia). API keys are mia's, one per role plus a revoked one.

const BASE = `http://127.0.0.1:${Number(process.env.GATEHOUSE_E2E_PORT_BASE ?? 3100)}`;
const USERS = { admin: "mia", security_lead: "lou", engineer: "ezra", auditor: "aldo", disabled: "dina" };
const SESSION_COOKIE = "next-auth.session-token";

// The header Next used to skip middleware for its own subrequests, in the forms each
// version looked for (middleware/proxy file names, the recursion-depth repeat).
const SUBREQUEST_PAYLOADS = [
  "middleware",
  "proxy",
  "src/middleware",
  "src/proxy",
  "pages/_middleware",
  "middleware:middleware:middleware:middleware:middleware",
  "proxy:proxy:proxy:proxy:proxy",
  "src/middleware:src/middleware:src/middleware:src/middleware:src/middleware",
  "src/proxy:src/proxy:src/proxy:src/proxy:src/proxy",
];
/** Requests in flight at once: enough to keep the server busy, few enough for a small machine. */
const BATCH = 8;

interface Credentials {
  cookie: string | null;
  /** Bearer key for /api/v1 (the API's own credential; a few routes also take the cookie). */
  key: string | null;
}

let built: BuiltEndpoints;
const creds = {} as Record<Principal, Credentials>;
/** Real ids from the demo org for dynamic segments of reads. */
let readIds: Record<string, string>;
/** Writes by allowed roles go to targets that do not exist, so the matrix changes no shared data. */
const WRITE_IDS: Record<string, string> = {
  org: "e2e-org",
  owner: "e2e-org",
  name: "no-such-repo",
  id: "no-such-id",
};

async function sessionOf(browser: Browser, login: string): Promise<string> {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await signInAs(page, login);
  const cookie = (await ctx.cookies()).find((c) => c.name === SESSION_COOKIE);
  await ctx.close();
  expect(cookie, `${login}'s session cookie`).toBeDefined();
  return cookie!.value;
}

async function createKey(admin: Page, role: string): Promise<{ name: string; key: string }> {
  const name = `matrix-${role}-${randomBytes(3).toString("hex")}`;
  await admin.getByLabel("Name").fill(name);
  await admin.getByLabel("Role").selectOption(role);
  await admin.getByRole("button", { name: "Create key" }).click();
  // The box still shows the previous key until this one is created: wait for its row.
  await expect(admin.getByTestId(`api-key-${name}`)).toBeVisible();
  const key = await admin.getByTestId("new-api-key").inputValue();
  await expect(admin.getByTestId(`api-key-${name}`)).toContainText(key.slice(0, 12));
  return { name, key };
}

/** GET as the admin key, for the ids reads are probed with. */
async function adminGet<T>(path: string): Promise<T> {
  const res = await fetch(`${BASE}${path}`, { headers: { authorization: `Bearer ${creds.admin.key}` } });
  expect(res.status, path).toBe(200);
  return ((await res.json()) as { data: T }).data;
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  built = builtEndpoints();
  const admin = await (await browser.newContext()).newPage();
  await signInAs(admin, USERS.admin);
  // dina signs in while enabled, then is disabled: her cookie is a disabled user's session.
  // (A rerun of this hook after a failure finds her disabled already: enable her first.)
  await admin.goto("/admin/users");
  const dina = admin.getByTestId(`user-${USERS.disabled}`);
  if ((await dina.getByRole("button", { name: "Enable" }).count()) > 0) {
    await dina.getByRole("button", { name: "Enable" }).click();
    await expect(dina.getByRole("button", { name: "Disable" })).toBeVisible();
  }
  for (const role of ["admin", "security_lead", "engineer", "auditor", "disabled"] as const)
    creds[role] = { cookie: await sessionOf(browser, USERS[role]), key: null };
  await admin.goto("/admin/users");
  await dina.getByRole("button", { name: "Disable" }).click();
  await expect(dina).toContainText("Disabled");

  await admin.goto("/admin/api-keys");
  for (const role of ["admin", "security_lead", "engineer", "auditor"] as const)
    creds[role].key = (await createKey(admin, role)).key;
  const revoked = await createKey(admin, "admin");
  await admin.getByRole("button", { name: `Revoke ${revoked.name}` }).click();
  await expect(admin.getByTestId(`api-key-${revoked.name}`)).toContainText("Revoked");
  creds.disabled.key = revoked.key;
  creds.anonymous = { cookie: null, key: null };
  creds.invalid = {
    cookie: randomBytes(32).toString("hex"),
    key: `ghk_${randomBytes(32).toString("base64url")}`,
  };
  await admin.context().close();

  const [task] = await adminGet<Array<{ id: string }>>("/api/v1/tasks?pageSize=1");
  const [check] = await adminGet<Array<{ check: string }>>("/api/v1/orgs/e2e-org/checks");
  // A pack of the matrix's own, made by the security lead (evidence:export).
  const pack = await fetch(`${BASE}/api/v1/evidence-packs`, {
    method: "POST",
    headers: { authorization: `Bearer ${creds.security_lead.key}`, "content-type": "application/json" },
    body: JSON.stringify({ framework: "soc2" }),
  });
  expect(pack.status, await pack.clone().text()).toBeLessThan(300);
  const packId = ((await pack.json()) as { data: { id: string } }).data.id;
  expect(task && check).toBeTruthy();
  readIds = {
    org: "e2e-org",
    owner: "e2e-org",
    name: "api",
    check: check!.check,
    n: "1",
    nextauth: "session",
    // /tasks/[id] and /api/v1/tasks/[id] take a task; /api/v1/evidence-packs/[id] a pack.
    id: task!.id,
    packId,
  };
});

/** `/tasks/[id]` → `/tasks/<a real id>`; a segment with no known id fails by name. */
function fill(route: string, ids: Record<string, string>): string {
  return route.replace(/\[(?:\.\.\.)?([^\]]+)\]/g, (_, segment: string) => {
    const id = segment === "id" && route.startsWith("/api/v1/evidence-packs/") ? ids.packId : ids[segment];
    if (!id) throw new Error(`${route}: no id for [${segment}] in the matrix spec`);
    return encodeURIComponent(id);
  });
}

function headersFor(who: Principal, api: boolean, subrequest: string | null): Record<string, string> {
  const { cookie, key } = creds[who];
  const h: Record<string, string> = {};
  if (api && key) h.authorization = `Bearer ${key}`;
  if (!api && cookie) h.cookie = `${SESSION_COOKIE}=${cookie}`;
  if (subrequest) h["x-middleware-subrequest"] = subrequest;
  return h;
}

/** Where a redirect goes (path only), or null. */
function redirectedTo(res: Response): string | null {
  const location = res.headers.get("location");
  return res.status >= 300 && res.status < 400 && location ? new URL(location, BASE).pathname : null;
}

function pageOutcome(res: Response): PageOutcome | `status ${number}` {
  const to = redirectedTo(res);
  if (to === "/signin") return "sign-in";
  if (to === "/") return "home";
  return res.status === 200
    ? "allowed"
    : res.status === 403
      ? "forbidden"
      : res.status === 404
        ? "not-found"
        : `status ${res.status}`;
}

const refusedRoute = (res: Response) =>
  res.status === 401 || res.status === 403 || redirectedTo(res) === "/signin";

function routeVerdict(access: Access, who: Principal, res: Response): string | null {
  if (res.status >= 500) return `a server error (${res.status})`;
  if (access === "signature")
    return res.status >= 400 && res.status < 500 ? null : `${res.status}, not a 4xx`;
  const allowed = access === "public" || (access as readonly string[]).includes(who);
  if (allowed === !refusedRoute(res)) return null;
  return `${allowed ? "allowed" : "refused"} expected, got ${res.status}`;
}

/** The methods a route handler exports: Next answers OPTIONS with them (HEAD/OPTIONS are its own). */
async function methodsOf(route: string): Promise<string[]> {
  const res = await fetch(`${BASE}${fill(route, readIds)}`, {
    method: "OPTIONS",
    headers: headersFor("admin", false, null),
    redirect: "manual",
  });
  const allow = res.headers.get("allow");
  if (!allow) throw new Error(`OPTIONS ${route} answered ${res.status} without an Allow header`);
  return allow
    .split(",")
    .map((m) => m.trim())
    .filter((m) => m !== "HEAD" && m !== "OPTIONS");
}

async function inBatches<T>(items: T[], run: (item: T) => Promise<string | null>): Promise<string[]> {
  const wrong: string[] = [];
  for (let i = 0; i < items.length; i += BATCH)
    for (const w of await Promise.all(items.slice(i, i + BATCH).map(run))) if (w) wrong.push(w);
  return wrong;
}

/** Form actions take (previous state, FormData): encoded as React's client does (`$K1` = the form). */
function actionBody(key: string): FormData {
  const form = new FormData();
  form.set("0", JSON.stringify(ACTION_ARGS[key] ?? [null, "$K1"]));
  return form;
}

/** A session-less caller meets the proxy's redirect or the action's own "sign in"; a role, its refusal. */
function actionRefused(who: Principal, res: Response, body: string): boolean {
  if (who === "anonymous" || who === "invalid" || who === "disabled")
    return redirectedTo(res) === "/signin" || body.includes("Sign in to continue");
  return body.includes(`Your role (${who}) does not allow`);
}

/** Every page, route and (refused) server action as every principal; the mismatches, named. */
async function probeEverything(subrequest: string | null): Promise<{ probes: number; wrong: string[] }> {
  const pageProbes = built.pages.flatMap((route) => PRINCIPALS.map((who) => ({ route, who })));
  const pageWrong = await inBatches(pageProbes, async ({ route, who }) => {
    const res = await fetch(`${BASE}${fill(route, readIds)}`, {
      headers: headersFor(who, false, subrequest),
      redirect: "manual",
    });
    await res.arrayBuffer();
    const got = pageOutcome(res);
    const want = PAGE_POLICY[route]![who];
    return got === want ? null : `page ${route} as ${who}: expected ${want}, got ${got}`;
  });

  const routeKeys = Object.keys(ROUTE_POLICY);
  const routeProbes = routeKeys.flatMap((key) => PRINCIPALS.map((who) => ({ key, who })));
  const routeWrong = await inBatches(routeProbes, async ({ key, who }) => {
    const [method, route] = key.split(" ") as [string, string];
    const read = method === "GET";
    const res = await fetch(`${BASE}${fill(route, read ? readIds : { ...readIds, ...WRITE_IDS })}`, {
      method,
      headers: {
        ...headersFor(who, route.startsWith("/api/v1/"), subrequest),
        ...(read ? {} : { "content-type": "application/json" }),
      },
      body: read ? undefined : JSON.stringify(ROUTE_BODIES[key] ?? {}),
      redirect: "manual",
    });
    await res.arrayBuffer();
    const verdict = routeVerdict(ROUTE_POLICY[key]!, who, res);
    return verdict && `${key} as ${who}: ${verdict}`;
  });

  // Only the refused principals: an allowed call would change the demo's data.
  const actionProbes = built.actions.flatMap((action) =>
    PRINCIPALS.filter((who) => {
      const access = ACTION_POLICY[action.key]!;
      return access !== "public" && !(access !== "signature" && (access as readonly string[]).includes(who));
    }).map((who) => ({ action, who })),
  );
  const actionWrong = await inBatches(actionProbes, async ({ action, who }) => {
    const res = await fetch(`${BASE}${fill(action.page, readIds)}`, {
      method: "POST",
      headers: {
        ...headersFor(who, false, subrequest),
        "next-action": action.id,
        origin: BASE,
        accept: "text/x-component",
      },
      body: actionBody(action.key),
      redirect: "manual",
    });
    const body = await res.text();
    return actionRefused(who, res, body)
      ? null
      : `action ${action.key} (POST ${action.page}) as ${who}: not refused (${res.status}: ${body.slice(0, 200)})`;
  });

  return {
    probes: pageProbes.length + routeProbes.length + actionProbes.length,
    wrong: [...pageWrong, ...routeWrong, ...actionWrong],
  };
}

test("every page, route handler and server action of the build has an entry in the authorisation matrix", async () => {
  const missing: string[] = [];
  for (const page of built.pages)
    if (!(page in PAGE_POLICY)) missing.push(`page "${page}" has no entry in PAGE_POLICY`);
  for (const route of built.routes)
    for (const method of await methodsOf(route))
      if (!(`${method} ${route}` in ROUTE_POLICY))
        missing.push(`route "${method} ${route}" has no entry in ROUTE_POLICY`);
  for (const { key } of built.actions)
    if (!(key in ACTION_POLICY)) missing.push(`server action "${key}" has no entry in ACTION_POLICY`);
  // And the table names nothing the build no longer serves.
  for (const page of Object.keys(PAGE_POLICY))
    if (!built.pages.includes(page))
      missing.push(`PAGE_POLICY names "${page}", which the build does not serve`);
  for (const key of Object.keys(ROUTE_POLICY))
    if (!built.routes.includes(key.split(" ")[1]!))
      missing.push(`ROUTE_POLICY names "${key}", which the build does not serve`);
  expect(missing, `${missing.join("\n")}\n(testing/authz/policy.ts)`).toEqual([]);
  expect(built.actions.length).toBeGreaterThan(0);
});

for (const subrequest of [null, ...SUBREQUEST_PAYLOADS]) {
  const name = subrequest
    ? `the same answers with x-middleware-subrequest: ${subrequest}`
    : "every page, route handler and server action answers every principal as declared";
  test(name, async () => {
    test.setTimeout(240_000);
    const { probes, wrong } = await probeEverything(subrequest);
    test.info().annotations.push({ type: "probes", description: String(probes) });
    console.log(`${name}: ${probes} probes`);
    expect(wrong, wrong.join("\n")).toEqual([]);
  });
}
