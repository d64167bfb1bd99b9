// Every /api/v1 route, for the OpenAPI document. Add a line when you add a route file;
// app/api/v1/openapi.integration.test.ts fails while one is missing.
import type { ApiHandler } from "@/lib/api/define-route";
import * as apiKeys from "./api-keys/route";
import * as evidencePacks from "./evidence-packs/route";
import * as evidencePack from "./evidence-packs/[id]/route";
import * as orgs from "./orgs/route";
import * as orgChecks from "./orgs/[org]/checks/route";
import * as orgRepos from "./orgs/[org]/repos/route";
import * as repo from "./repos/[owner]/[name]/route";
import * as orgTrend from "./orgs/[org]/trend/route";
import * as tasks from "./tasks/route";
import * as task from "./tasks/[id]/route";
import * as threatModel from "./repos/[owner]/[name]/threat-model/route";
import * as threatModelExport from "./repos/[owner]/[name]/threat-model/export/route";
import * as threatModelImport from "./repos/[owner]/[name]/threat-model/import/route";
import * as threatModelRevisions from "./repos/[owner]/[name]/threat-model/revisions/route";
import * as threatModelRevision from "./repos/[owner]/[name]/threat-model/revisions/[n]/route";

const METHODS = ["GET", "POST", "PATCH", "PUT", "DELETE"] as const;

export const API_ROUTE_MODULES: Array<Partial<Record<(typeof METHODS)[number], ApiHandler>>> = [
  apiKeys,
  evidencePacks,
  evidencePack,
  orgs,
  orgChecks,
  orgRepos,
  repo,
  orgTrend,
  tasks,
  task,
  threatModel,
  threatModelExport,
  threatModelImport,
  threatModelRevisions,
  threatModelRevision,
];

export function apiHandlers(modules = API_ROUTE_MODULES): ApiHandler[] {
  return modules.flatMap((m) => METHODS.flatMap((method) => (m[method] ? [m[method]] : [])));
}
