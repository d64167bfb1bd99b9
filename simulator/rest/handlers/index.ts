import type { RouteTable } from "../types";
import { actionRepoRoutes } from "./action-repos";
import { actionsRoutes } from "./actions";
import { appRoutes } from "./app";
import { gitRoutes } from "./git";
import { issueRoutes } from "./issues";
import { orgRoutes } from "./org";
import { orgAlertRoutes } from "./org-alerts";
import { rateLimitRoutes } from "./rate-limit";
import { releaseRoutes } from "./releases";
import { repoRoutes } from "./repo";
import { securityRoutes } from "./security";
import { userRoutes } from "./users";

/** Every REST route the simulator serves, keyed "METHOD /openapi/template". */
export const restRoutes: RouteTable = {
  ...userRoutes,
  ...rateLimitRoutes,
  ...orgRoutes,
  ...orgAlertRoutes,
  ...repoRoutes,
  ...actionsRoutes,
  ...securityRoutes,
  ...releaseRoutes,
  ...gitRoutes,
  ...actionRepoRoutes,
  ...appRoutes,
  ...issueRoutes,
};
