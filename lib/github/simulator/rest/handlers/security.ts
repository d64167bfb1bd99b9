import type { SimContext } from "../../context";
import type { RepoFixture } from "../../fixture/types";
import { repoRoute } from "../access";
import { errorBody, list, type RouteTable } from "../types";
import { userJsonFor } from "./people";

// Secret scanning and Dependabot alerts; 404 / 403 when the feature is off, as GitHub does.

function repoUrl(ctx: SimContext, repo: RepoFixture) {
  return { api: `${ctx.baseUrl}/repos/${ctx.org.login}/${repo.name}`, html: `${ctx.baseUrl}/${ctx.org.login}/${repo.name}` };
}

export const securityRoutes: RouteTable = {
  "GET /repos/{owner}/{repo}/secret-scanning/alerts": repoRoute(
    ({ ctx, query }, repo) => {
      if (!repo.config.security.secretScanning) return { status: 404, body: { message: "Secret scanning is disabled on this repository.", documentation_url: "https://docs.github.com/rest/secret-scanning/secret-scanning#list-secret-scanning-alerts-for-a-repository", status: "404" } };
      const { api, html } = repoUrl(ctx, repo);
      const state = query.get("state");
      const alerts = repo.config.secretScanningAlerts
        .filter((a) => !state || a.state === state)
        .map((a) => ({
          number: a.number,
          created_at: a.createdAt,
          updated_at: a.createdAt,
          url: `${api}/secret-scanning/alerts/${a.number}`,
          html_url: `${html}/security/secret-scanning/${a.number}`,
          locations_url: `${api}/secret-scanning/alerts/${a.number}/locations`,
          state: a.state,
          resolution: a.state === "resolved" ? (a.resolution ?? "revoked") : null,
          resolved_at: a.state === "resolved" ? a.createdAt : null,
          resolved_by: a.state === "resolved" ? userJsonFor(ctx, ctx.org.members[0]?.login ?? "ghost") : null,
          secret_type: a.secretType,
          secret_type_display_name: a.secretTypeDisplayName ?? a.secretType,
          validity: "unknown",
          push_protection_bypassed: false,
          push_protection_bypassed_by: null,
          push_protection_bypassed_at: null,
          resolution_comment: null,
          publicly_leaked: false,
          multi_repo: false,
        }));
      return list(alerts);
    },
    { admin: true },
  ),
  "GET /repos/{owner}/{repo}/dependabot/alerts": repoRoute(
    ({ ctx, query }, repo) => {
      if (!repo.config.security.dependabotAlerts) return errorBody(403, "Dependabot alerts are disabled for this repository.", "https://docs.github.com/rest/dependabot/alerts#list-dependabot-alerts-for-a-repository");
      const { api, html } = repoUrl(ctx, repo);
      const states = query.get("state")?.split(",");
      const alerts = repo.config.dependabotAlerts
        .filter((a) => !states || states.includes(a.state))
        .map((a) => {
          const pkg = { ecosystem: a.ecosystem, name: a.packageName };
          const vuln = { package: pkg, severity: a.severity, vulnerable_version_range: a.vulnerableRange, first_patched_version: a.patchedVersion ? { identifier: a.patchedVersion } : null };
          return {
            number: a.number,
            state: a.state,
            dependency: { package: pkg, manifest_path: a.manifestPath, scope: "runtime", relationship: "direct" },
            security_advisory: {
              ghsa_id: a.ghsaId,
              cve_id: a.cveId,
              summary: a.summary,
              description: a.summary,
              vulnerabilities: [vuln],
              severity: a.severity,
              cvss: { vector_string: null, score: 0 },
              cwes: [],
              identifiers: [{ value: a.ghsaId, type: "GHSA" }, ...(a.cveId ? [{ value: a.cveId, type: "CVE" }] : [])],
              references: [{ url: `https://github.com/advisories/${a.ghsaId}` }],
              published_at: a.createdAt,
              updated_at: a.createdAt,
              withdrawn_at: null,
            },
            security_vulnerability: vuln,
            url: `${api}/dependabot/alerts/${a.number}`,
            html_url: `${html}/security/dependabot/${a.number}`,
            created_at: a.createdAt,
            updated_at: a.createdAt,
            dismissed_at: a.state === "dismissed" ? a.createdAt : null,
            dismissed_by: null,
            dismissed_reason: a.state === "dismissed" ? "tolerable_risk" : null,
            dismissed_comment: null,
            fixed_at: a.state === "fixed" ? a.createdAt : null,
            auto_dismissed_at: a.state === "auto_dismissed" ? a.createdAt : null,
          };
        });
      return list(alerts);
    },
    { admin: true },
  ),
};

