// The workflow token's defaults exist at two levels. The organisation setting caps the
// repository's (an org set to read / no-approval forbids repos from loosening it), so a
// safe value at either level makes the repo safe today; but, as CHECKS.md says, a
// loose org value fails too, because any repository admin can then loosen the repo.
import type { ActionsSettingsFacts, RepoFacts } from "../../facts/types";
import type { Evidence, Finding } from "../types";
import { NO_SETTINGS, repoPath } from "./settings";
import { api, finding } from "../evidence";
import { fail, notApplicable, pass, unknown, type Verdict } from "../define";

export interface TokenSetting {
  /** API field name under actions/permissions/workflow. */
  field: "can_approve_pull_request_reviews" | "default_workflow_permissions";
  read(actions: ActionsSettingsFacts): boolean | "read" | "write" | null;
  bad(value: boolean | "read" | "write"): boolean;
  safe: boolean | "read";
  describe(level: string): string;
  ui: string;
}

export function judgeTokenSetting(facts: RepoFacts, setting: TokenSetting): Verdict {
  if (!facts.settings) return unknown(NO_SETTINGS);
  const repoActions = facts.settings.actions;
  if (repoActions && !repoActions.enabled) {
    return notApplicable("GitHub Actions is disabled for this repository.", [
      api(`actions/permissions.enabled`, false),
    ]);
  }
  const levels: Array<{
    name: string;
    field: string;
    endpoint: string;
    value: boolean | "read" | "write" | null;
  }> = [
    {
      name: "repository",
      field: `actions/permissions/workflow`,
      endpoint: `${repoPath(facts)}/actions/permissions/workflow`,
      value: repoActions ? setting.read(repoActions) : null,
    },
  ];
  if (facts.org) {
    const orgActions = facts.org.actions;
    levels.push({
      name: `organisation \`${facts.org.login}\``,
      field: `orgs/${facts.org.login}/actions/permissions/workflow`,
      endpoint: `/orgs/${facts.org.login}/actions/permissions/workflow`,
      value: orgActions ? setting.read(orgActions) : null,
    });
  }
  const findings: Finding[] = [];
  const evidence: Evidence[] = [];
  for (const level of levels) {
    if (level.value === null) continue;
    const seen = api(`${level.field}.${setting.field}`, level.value);
    if (!setting.bad(level.value)) {
      evidence.push(seen);
      continue;
    }
    const settingsPath = level.name === "repository" ? "Settings" : "Organisation Settings";
    findings.push(
      finding(
        setting.describe(level.name),
        seen,
        `${settingsPath} → ${setting.ui}. REST: \`PUT ${level.endpoint}\` with \`${JSON.stringify({ [setting.field]: setting.safe })}\`.`,
      ),
    );
  }
  if (findings.length > 0) return fail(findings, evidence);
  if (evidence.length > 0) return pass(evidence);
  return unknown("Neither the repository's nor the organisation's workflow-token settings could be read.");
}
