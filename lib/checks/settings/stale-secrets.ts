import type { RepoFacts, SecretFacts } from "../../facts/types";
import type { CheckDefinition, Evidence, Finding } from "../types";
import { NO_SETTINGS, repoPath } from "../support/settings";
import { api, finding } from "../evidence";
import { fail, pass, unknown, defineCheck } from "../define";

const DAY_MS = 86_400_000;

export const MAX_SECRET_AGE_DAYS = 365;

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

export const staleSecrets: CheckDefinition = defineCheck({
  id: "stale-secrets",
  title: "Secrets are rotated at least yearly",
  category: "secrets",
  severity: "low",
  from: ["settings"],
  input: "live-settings",
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
