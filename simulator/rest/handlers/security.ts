import { repoRoute } from "../access";
import { dependabotAlertJson, secretAlertJson } from "../alerts-json";
import { errorBody, list, type RouteTable } from "../types";

// Secret scanning and Dependabot alerts of one repository; 404 / 403 when the feature is
// off, as GitHub does. The organisation-wide lists are in org-alerts.ts.

const DEPENDABOT_REPO_DOCS =
  "https://docs.github.com/rest/dependabot/alerts#list-dependabot-alerts-for-a-repository";

export const securityRoutes: RouteTable = {
  "GET /repos/{owner}/{repo}/secret-scanning/alerts": repoRoute(
    ({ ctx, query }, repo) => {
      if (!repo.config.security.secretScanning)
        return {
          status: 404,
          body: {
            message: "Secret scanning is disabled on this repository.",
            documentation_url:
              "https://docs.github.com/rest/secret-scanning/secret-scanning#list-secret-scanning-alerts-for-a-repository",
            status: "404",
          },
        };
      const state = query.get("state");
      return list(
        repo.config.secretScanningAlerts
          .filter((a) => !state || a.state === state)
          .map((a) => secretAlertJson(ctx, repo, a)),
      );
    },
    { admin: true },
  ),
  "GET /repos/{owner}/{repo}/dependabot/alerts": repoRoute(
    ({ ctx, query }, repo) => {
      if (!repo.config.security.dependabotAlerts)
        return errorBody(403, "Dependabot alerts are disabled for this repository.", DEPENDABOT_REPO_DOCS);
      // Like the organisation list, GitHub pages this one by cursor only.
      if (query.has("page"))
        return errorBody(
          400,
          "Pagination using the `page` parameter is not supported.",
          DEPENDABOT_REPO_DOCS,
        );
      const states = query.get("state")?.split(",");
      const alerts = repo.config.dependabotAlerts
        .filter((a) => !states || states.includes(a.state))
        .map((a) => dependabotAlertJson(ctx, repo, a));
      return {
        status: 200,
        body: null,
        paginate: {
          items: alerts,
          cursor: { only: true, key: (a) => String((a as { number: number }).number) },
        },
      };
    },
    { admin: true },
  ),
};
