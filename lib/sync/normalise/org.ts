import type {
  ActionsSettingsFacts,
  DependabotAlertFacts,
  OrgSettingsFacts,
  SecretAlertFacts,
} from "@/lib/facts/types";
import type { OrgPart, OrgSecret } from "@/lib/facts/assemble";
import { cleanName, safeRecord, type IssueSink } from "./issues";
import { parseOrNull } from "./parse";
import { dependabotAlertsSchema, orgSchema, secretAlertsSchema, secretsListSchema } from "./rest-schemas";

export function normaliseOrgSettings(
  login: string,
  raw: unknown,
  actions: ActionsSettingsFacts | null,
  sink: IssueSink,
): OrgSettingsFacts {
  const org = parseOrNull(orgSchema, raw, "organization", sink);
  return {
    login,
    // Both fields are visible only to owners; absent means unknown, not "off".
    twoFactorRequired: org?.two_factor_requirement_enabled ?? null,
    defaultRepositoryPermission: org?.default_repository_permission ?? null,
    actions,
  };
}

export function normaliseOrgSecrets(
  raw: unknown,
  selected: Map<string, string[] | null>,
  sink: IssueSink,
): OrgSecret[] | null {
  const list = parseOrNull(secretsListSchema, raw, "organization secrets", sink);
  if (!list) return null;
  return list.secrets.flatMap((s) => {
    const name = cleanName(s.name, "organization secret", sink);
    if (name === null) return [];
    const visibility = s.visibility === "private" || s.visibility === "selected" ? s.visibility : "all";
    return [
      {
        name,
        updatedAt: s.updated_at ?? null,
        visibility,
        selectedRepos: visibility === "selected" ? (selected.get(name) ?? null) : null,
      },
    ];
  });
}

/** Splits the organisation-wide alert lists by repository name (two calls instead of 2 per repo). */
export function groupAlertsByRepo(
  secretRaw: unknown,
  dependabotRaw: unknown,
  sink: IssueSink,
): OrgPart["alerts"] {
  const secret = parseOrNull(secretAlertsSchema, secretRaw, "secret scanning alerts", sink);
  const dependabot = parseOrNull(dependabotAlertsSchema, dependabotRaw, "dependabot alerts", sink);
  const s = new Map<string, SecretAlertFacts[]>();
  const d = new Map<string, DependabotAlertFacts[]>();
  for (const a of secret ?? []) {
    const list = s.get(a.repository.name) ?? [];
    list.push({
      number: a.number,
      state: a.state,
      secretType: a.secret_type,
      ...(a.html_url ? { url: a.html_url } : {}),
      createdAt: a.created_at,
    });
    s.set(a.repository.name, list);
  }
  for (const a of dependabot ?? []) {
    const list = d.get(a.repository.name) ?? [];
    list.push({
      number: a.number,
      state: a.state,
      severity: a.security_advisory.severity,
      ecosystem: a.dependency.package.ecosystem,
      packageName: a.dependency.package.name,
      ghsaId: a.security_advisory.ghsa_id,
      ...(a.dependency.manifest_path ? { manifestPath: a.dependency.manifest_path } : {}),
      ...(a.html_url ? { url: a.html_url } : {}),
    });
    d.set(a.repository.name, list);
  }
  return { secretScanning: secret ? safeRecord(s) : null, dependabot: dependabot ? safeRecord(d) : null };
}
