import type { SimContext } from "../context";
import type { RepoConfig } from "../fixture/schema-repo";
import type { RepoFixture } from "../fixture/types";
import { userJsonFor } from "./handlers/people";

// Secret scanning and Dependabot alerts in GitHub's REST shapes, shared by the repository
// lists and the organisation-wide lists (which add `repository`).

type SecretAlert = RepoConfig["secretScanningAlerts"][number];
type DependabotAlert = RepoConfig["dependabotAlerts"][number];

function repoUrls(ctx: SimContext, repo: RepoFixture) {
  return {
    api: `${ctx.baseUrl}/repos/${ctx.org.login}/${repo.name}`,
    html: `${ctx.baseUrl}/${ctx.org.login}/${repo.name}`,
  };
}

export function secretAlertJson(ctx: SimContext, repo: RepoFixture, a: SecretAlert) {
  const { api, html } = repoUrls(ctx, repo);
  return {
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
  };
}

export function dependabotAlertJson(ctx: SimContext, repo: RepoFixture, a: DependabotAlert) {
  const { api, html } = repoUrls(ctx, repo);
  const pkg = { ecosystem: a.ecosystem, name: a.packageName };
  const vuln = {
    package: pkg,
    severity: a.severity,
    vulnerable_version_range: a.vulnerableRange,
    first_patched_version: a.patchedVersion ? { identifier: a.patchedVersion } : null,
  };
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
}
