// The authorisation matrix as data: who may open each page and call each route handler
// and server action. Two tests read it:
//  - testing/authz/matrix.integration.test.ts builds the endpoint list from the code
//    (every route file under app/ and its exported methods, every route in
//    app/api/v1/registry.ts, every export of components/*/*actions.ts), fails on an
//    endpoint missing here, and calls each handler in-process as each principal;
//  - e2e/authorisation-matrix-over-the-build.spec.ts builds the list from the production
//    build's manifests (pages too), fails on one missing here, and requests each over
//    HTTP as each principal, then again with every x-middleware-subrequest variant.
// A new route or action gets one line: the roles the data layer lets through (the roles
// holding the permission its lib/server verb authorises), or an access kind below.
import type { Role } from "@/lib/server/authz/permissions";

/**
 * - `Role[]`: these signed-in roles pass authorisation; every other role, an anonymous
 *   caller, an invalid credential and a disabled user are refused (401/403).
 * - `"public"`: anyone, signed in or not (health, sign-in, the OpenAPI document, the
 *   evidence-signing public key).
 * - `"signature"`: nobody by role: a caller without the shared-secret signature is refused.
 */
export type Access = readonly Role[] | "public" | "signature";

const ALL: readonly Role[] = ["admin", "security_lead", "engineer", "auditor"];
const READ = ALL; // dashboard:read

/** Who asks: the four roles, nobody, a made-up session cookie, a disabled user's session. */
export const PRINCIPALS = [
  "admin",
  "security_lead",
  "engineer",
  "auditor",
  "anonymous",
  "invalid",
  "disabled",
] as const;
export type Principal = (typeof PRINCIPALS)[number];

/** Route handlers: `<METHOD> <path as in app/ without (groups), with [segments]>`. */
export const ROUTE_POLICY: Record<string, Access> = {
  "GET /admin/audit/export": ["admin", "security_lead", "auditor"], // audit:read
  "GET /repos/[owner]/[name]/threat-model/export": READ,
  "GET /api/auth/[...nextauth]": "public",
  "POST /api/auth/[...nextauth]": "public",
  "GET /api/health": "public",
  "POST /api/webhooks/github": "signature",
  "GET /api/v1/openapi.json": "public",
  "GET /api/v1/evidence/public-key": "public",
  "GET /api/v1/api-keys": ["admin"], // apikeys:manage
  "GET /api/v1/orgs": READ,
  "GET /api/v1/orgs/[org]/repos": READ,
  "GET /api/v1/orgs/[org]/checks": READ,
  "GET /api/v1/repos/[owner]/[name]": READ,
  "GET /api/v1/repos/[owner]/[name]/threat-model": READ,
  "PUT /api/v1/repos/[owner]/[name]/threat-model": ["security_lead", "engineer"], // threatmodel:edit
  "GET /api/v1/orgs/[org]/trend": READ,
  "GET /api/v1/tasks": READ,
  "PATCH /api/v1/tasks/[id]": ["security_lead", "engineer"], // task:edit
  "GET /api/v1/repos/[owner]/[name]/threat-model/export": READ,
  "POST /api/v1/repos/[owner]/[name]/threat-model/import": ["security_lead", "engineer"], // threatmodel:edit
  "GET /api/v1/repos/[owner]/[name]/threat-model/revisions": READ,
  "GET /api/v1/repos/[owner]/[name]/threat-model/revisions/[n]": READ,
  "POST /api/v1/evidence-packs": ["security_lead", "auditor"], // evidence:export
  "GET /api/v1/evidence-packs/[id]": ["security_lead", "auditor"],
  "GET /api/v1/evidence-packs/[id]/download": ["security_lead", "auditor"],
};

/** Server actions: `<actions file>#<export>`. */
export const ACTION_POLICY: Record<string, Access> = {
  "components/admin/api-key-actions.ts#createApiKeyAction": ["admin"], // apikeys:manage
  "components/admin/api-key-actions.ts#revokeApiKeyAction": ["admin"],
  "components/admin/actions.ts#changeRoleAction": ["admin"], // users:manage
  "components/admin/actions.ts#setDisabledAction": ["admin"],
  "components/evidence/actions.ts#exportPackAction": ["security_lead", "auditor"], // evidence:export
  "components/policy/actions.ts#updatePolicyAction": ["security_lead"], // policy:edit
  "components/policy/actions.ts#savePolicySettingsAction": ["security_lead"], // policy:edit
  "components/policy/actions.ts#addExceptionAction": ["security_lead"], // exception:approve
  "components/policy/actions.ts#approveExceptionAction": ["security_lead"], // exception:approve
  "components/policy/actions.ts#revokeExceptionAction": ["security_lead"], // exception:approve
  "components/sync/actions.ts#startSyncAction": ["admin", "security_lead"], // sync:start
  "components/sync/actions.ts#saveConnectionAction": ["admin"], // settings:manage
  "components/tasks/actions.ts#updateTaskStatusAction": ["security_lead", "engineer"], // task:edit
  "components/tasks/actions.ts#openTaskIssueAction": ["security_lead", "engineer"],
  "components/tasks/actions.ts#assignTaskAction": ["security_lead", "engineer"],
  "components/threat-model/actions.ts#saveThreatModelAction": ["security_lead", "engineer"], // threatmodel:edit
  "components/threat-model/actions.ts#restoreRevisionAction": ["security_lead", "engineer"],
  "components/threat-model/actions.ts#importThreatModelAction": ["security_lead", "engineer"],
  "components/threat-model/actions.ts#acceptThreatRiskAction": ["security_lead", "engineer"],
};

/**
 * Arguments that reach the authorisation check (a body that fails validation before the
 * verb runs would hide the decision). Anything not listed is called with an empty form
 * (actions) or no body (routes).
 */
export const ROUTE_BODIES: Record<string, unknown> = {
  "POST /api/v1/evidence-packs": { framework: "soc2" },
  "PUT /api/v1/repos/[owner]/[name]/threat-model": {
    revision: 0,
    assets: [],
    boundaries: [],
    controls: [],
    threats: [],
  },
};

const threatModel = { owner: "acme", name: "api", revision: 0 };
export const ACTION_ARGS: Record<string, unknown[]> = {
  "components/threat-model/actions.ts#saveThreatModelAction": [{ ...threatModel, model: {} }],
  "components/threat-model/actions.ts#restoreRevisionAction": [{ ...threatModel, restore: 1 }],
  "components/threat-model/actions.ts#importThreatModelAction": [
    { ...threatModel, format: "markdown", text: "# x" },
  ],
  "components/threat-model/actions.ts#acceptThreatRiskAction": [
    { ...threatModel, threatId: "T-1", justification: "matrix probe", expiresAt: "2030-01-01" },
  ],
};

/**
 * What a page answers: `allowed` 200; `sign-in` a redirect to /signin (no live session:
 * anonymous, a made-up cookie, a disabled user); `home` a redirect to / (the sign-in page
 * for someone already signed in); `forbidden` the 403 page; `not-found` the 404 page.
 */
export type PageOutcome = "allowed" | "sign-in" | "home" | "forbidden" | "not-found";
type PageRow = Record<Principal, PageOutcome>;

/** A dashboard page: `roles` get `outcome`, other roles 403, everyone without a live session sign-in. */
function dashboard(roles: readonly Role[], outcome: PageOutcome = "allowed"): PageRow {
  const row = { anonymous: "sign-in", invalid: "sign-in", disabled: "sign-in" } as PageRow;
  for (const role of ALL) row[role] = roles.includes(role) ? outcome : "forbidden";
  return row;
}

const NO_PAGE = Object.fromEntries(PRINCIPALS.map((p) => [p, "not-found"])) as PageRow;

/**
 * Pages: `<path as in app/ without (groups), with [segments]>` (Next's app-path-routes
 * manifest), each principal's outcome. A page's roles are those holding the permission of
 * the lib/server verbs it reads through guard().
 */
export const PAGE_POLICY: Record<string, PageRow> = {
  "/signin": {
    ...dashboard(ALL, "home"),
    anonymous: "allowed",
    invalid: "allowed",
    disabled: "allowed",
  },
  "/": dashboard(READ),
  "/admin/api-keys": dashboard(["admin"]), // apikeys:manage
  "/admin/audit": dashboard(["admin", "security_lead", "auditor"]), // audit:read
  "/admin/users": dashboard(["admin"]), // users:manage
  "/checks": dashboard(READ),
  "/checks/[check]": dashboard(READ),
  "/evidence": dashboard(READ), // the public key for all; packs and controls only with evidence:export
  "/policy": dashboard(READ),
  "/repos/[owner]": dashboard(READ, "not-found"), // no owner page: the overview lists owners
  "/repos/[owner]/[name]": dashboard(READ),
  "/repos/[owner]/[name]/threat-model": dashboard(READ),
  "/sync": dashboard(READ), // sync:read
  "/tasks": dashboard(READ),
  "/tasks/[id]": dashboard(READ),
  // Next's own error pages: rendered in place of a missing or failed page, never by name
  // (lib/http/malformed-request.ts answers 404 before anything else).
  "/_not-found": NO_PAGE,
  "/_global-error": NO_PAGE,
};
