import type { RepoFacts, SecretFacts } from "../../facts/types";
import type { CheckDefinition, Evidence, Finding } from "../types";
import { NO_SETTINGS, api, fail, finding, pass, repoPath, settingsCheck, unknown } from "./define";

const DAY_MS = 86_400_000;
export const MAX_SECRET_AGE_DAYS = 365;

export const secretScanningDisabled: CheckDefinition = settingsCheck({
  id: "secret-scanning-disabled",
  title: "Secret scanning and push protection are on",
  category: "secrets",
  severity: "high",
  from: ["settings"],
  archived: "skip",
  rationale:
    "Secret scanning finds credentials already committed; push protection blocks new ones before they land. With either off, a leaked token is found by an attacker first. (Private repositories need GitHub Secret Protection.)",
  remediation:
    "Enable secret scanning and push protection for the repository (or through the organisation's security configuration).",
  run: (facts) => {
    const security = facts.settings?.security;
    if (!security)
      return unknown(
        facts.settings ? "The repository's security_and_analysis settings could not be read." : NO_SETTINGS,
      );
    const base = `security_and_analysis`;
    const parts = [
      { key: "secret_scanning", label: "Secret scanning", value: security.secretScanning },
      {
        key: "secret_scanning_push_protection",
        label: "Push protection",
        value: security.secretScanningPushProtection,
      },
    ];
    const off = parts.filter((p) => p.value === false);
    if (off.length > 0) {
      const body = {
        security_and_analysis: Object.fromEntries(off.map((p) => [p.key, { status: "enabled" }])),
      };
      return fail(
        off.map((p) =>
          finding(
            `${p.label} is disabled.`,
            api(`${base}.${p.key}.status`, "disabled"),
            `Settings → Code security → Secret Protection → enable "${p.label === "Secret scanning" ? "Secret scanning" : "Push protection"}". REST: \`PATCH ${repoPath(facts)}\` with \`${JSON.stringify(body)}\`.`,
          ),
        ),
      );
    }
    if (parts.some((p) => p.value === null))
      return unknown("Secret scanning or push protection status is not visible to the token.");
    return pass(parts.map((p) => api(`${base}.${p.key}.status`, "enabled")));
  },
});

export const openSecretAlerts: CheckDefinition = settingsCheck({
  id: "open-secret-alerts",
  title: "No open secret-scanning alerts",
  category: "secrets",
  severity: "critical",
  from: ["alerts"],
  archived: "judge",
  rationale:
    "An open alert is a credential GitHub found in the code or its history that nobody has revoked yet; it stays usable by anyone who can read the repository, archived or not. Unknown when secret scanning is off, since an empty alert list then proves nothing.",
  remediation: "Revoke and rotate each exposed credential at its issuer, then close the alert as revoked.",
  run: (facts) => {
    const alerts = facts.alerts?.secretScanning;
    if (!alerts)
      return unknown(
        "Secret-scanning alerts could not be read (the token needs the secret scanning alerts read permission).",
      );
    const open = alerts.filter((a) => a.state === "open");
    const field = (n: number) => `secret-scanning/alerts/${n}.state`;
    if (open.length === 0) {
      if (facts.settings?.security?.secretScanning === false) {
        return unknown("Secret scanning is disabled, so no alerts can exist; see secret-scanning-disabled.", [
          api(`security_and_analysis.secret_scanning.status`, "disabled"),
        ]);
      }
      return pass([api(`secret-scanning/alerts?state=open`, [])]);
    }
    return fail(
      open.map((a) =>
        finding(
          `Secret-scanning alert #${a.number} (${a.secretType}) has been open since ${a.createdAt.slice(0, 10)}.`,
          api(field(a.number), "open", a.url),
          `Treat the ${a.secretType} as compromised: revoke it at its issuer and issue a new one (deleting the commit is not enough, it stays in history), then Security → Secret scanning → alert #${a.number} → Close as "Revoked". REST: \`PATCH ${repoPath(facts)}/secret-scanning/alerts/${a.number}\` with \`{"state":"resolved","resolution":"revoked"}\`.`,
        ),
      ),
    );
  },
});

/** UI path, REST endpoint and evidence field (repo-relative, raw names) of a secret. */
function secretEndpoint(facts: RepoFacts, secret: SecretFacts): { ui: string; rest: string; field: string } {
  if (secret.scope === "organization") {
    const path = `orgs/${facts.owner}/actions/secrets/${secret.name}`;
    return { ui: "Organisation Settings → Secrets and variables → Actions", rest: `/${path}`, field: path };
  }
  if (secret.scope === "environment" && secret.environment) {
    return {
      ui: `Settings → Environments → ${secret.environment} → Environment secrets`,
      rest: `${repoPath(facts)}/environments/${encodeURIComponent(secret.environment)}/secrets/${secret.name}`,
      field: `environments/${secret.environment}/secrets/${secret.name}`,
    };
  }
  return {
    ui: "Settings → Secrets and variables → Actions",
    rest: `${repoPath(facts)}/actions/secrets/${secret.name}`,
    field: `actions/secrets/${secret.name}`,
  };
}

export const staleSecrets: CheckDefinition = settingsCheck({
  id: "stale-secrets",
  title: "Secrets are rotated at least yearly",
  category: "secrets",
  severity: "low",
  from: ["settings"],
  archived: "skip",
  rationale: `A secret untouched for more than ${MAX_SECRET_AGE_DAYS} days has outlived staff changes and past leaks it may have been part of. Judged on the secret's updated_at; a repository without secrets passes.`,
  remediation: "Issue a new credential at its provider, revoke the old one and update the secret.",
  run: (facts, ctx) => {
    const secrets = facts.settings?.secrets;
    if (!secrets) return unknown(facts.settings ? "Secret metadata could not be read." : NO_SETTINGS);
    const findings: Finding[] = [];
    const evidence: Evidence[] = [];
    let undated = 0;
    for (const secret of secrets) {
      const updated = secret.updatedAt === null ? NaN : Date.parse(secret.updatedAt);
      if (!Number.isFinite(updated)) {
        undated += 1;
        continue;
      }
      const { ui, rest, field } = secretEndpoint(facts, secret);
      const seen = api(`${field}.updated_at`, secret.updatedAt);
      const days = Math.floor((ctx.now.getTime() - updated) / DAY_MS);
      if (ctx.now.getTime() - updated <= MAX_SECRET_AGE_DAYS * DAY_MS) {
        evidence.push(seen);
        continue;
      }
      findings.push(
        finding(
          `${secret.scope === "organization" ? "Organisation" : secret.scope === "environment" ? "Environment" : "Repository"} secret ${secret.name} was last updated ${days} days ago.`,
          seen,
          `Issue a new credential, revoke the old one, then ${ui} → ${secret.name} → Update (or \`gh secret set ${secret.name}\`). REST: \`PUT ${rest}\` with \`{"encrypted_value":"<sealed with the public key>","key_id":"<from GET …/secrets/public-key>"}\`.`,
        ),
      );
    }
    if (findings.length > 0) return fail(findings, evidence);
    if (undated > 0) return unknown(`${undated} secret(s) have no readable updated_at.`, evidence);
    return pass(evidence.length > 0 ? evidence : [api(`actions/secrets`, [])]);
  },
});
