// The workflow token's defaults exist at two levels. The organisation setting caps the
// repository's (an org set to read / no-approval forbids repos from loosening it), so a
// safe value at either level makes the repo safe today; but, as CHECKS.md says, a
// loose org value fails too, because any repository admin can then loosen the repo.
import type { ActionsSettingsFacts, RepoFacts } from "../../facts/types";
import type { CheckDefinition, CheckOutcome, Evidence, Finding } from "../types";
import {
  NO_SETTINGS,
  api,
  fail,
  finding,
  notApplicable,
  pass,
  repoPath,
  settingsCheck,
  unknown,
} from "./define";

interface TokenSetting {
  /** API field name under actions/permissions/workflow. */
  field: "can_approve_pull_request_reviews" | "default_workflow_permissions";
  read(actions: ActionsSettingsFacts): boolean | "read" | "write" | null;
  bad(value: boolean | "read" | "write"): boolean;
  safe: boolean | "read";
  describe(level: string): string;
  ui: string;
}

function judgeTokenSetting(facts: RepoFacts, setting: TokenSetting): CheckOutcome {
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

export const actionsApprovePrs: CheckDefinition = settingsCheck({
  id: "actions-approve-prs",
  title: "Workflows cannot approve pull requests",
  category: "identity",
  severity: "high",
  from: ["settings"],
  archived: "skip",
  rationale:
    "If the GITHUB_TOKEN may approve pull requests, any workflow (or code it runs) can supply the approval that required reviews demand, turning two-person review into one. Fails when the repository or its organisation allows it; not applicable when Actions is disabled.",
  remediation:
    'Untick "Allow GitHub Actions to create and approve pull requests" for the repository and the organisation.',
  run: (facts) =>
    judgeTokenSetting(facts, {
      field: "can_approve_pull_request_reviews",
      read: (a) => a.canApprovePullRequestReviews,
      bad: (v) => v === true,
      safe: false,
      describe: (level) => `The ${level} lets GitHub Actions workflows approve pull requests.`,
      ui: 'Actions → General → Workflow permissions → untick "Allow GitHub Actions to create and approve pull requests"',
    }),
});

export const defaultTokenWrite: CheckDefinition = settingsCheck({
  id: "default-token-write",
  title: "The default GITHUB_TOKEN is read-only",
  category: "identity",
  severity: "high",
  from: ["settings"],
  archived: "skip",
  rationale:
    "With a read-write default, every workflow job that does not declare `permissions:` gets write access to contents, packages and more, so any compromised step can push code or publish artifacts. Fails when the repository or its organisation defaults to write; not applicable when Actions is disabled.",
  remediation:
    'Set Workflow permissions to "Read repository contents and packages permissions" and grant write per job with `permissions:`.',
  run: (facts) =>
    judgeTokenSetting(facts, {
      field: "default_workflow_permissions",
      read: (a) => a.defaultWorkflowPermissions,
      bad: (v) => v === "write",
      safe: "read",
      describe: (level) => `The ${level} gives the GITHUB_TOKEN read-write permissions by default.`,
      ui: 'Actions → General → Workflow permissions → "Read repository contents and packages permissions"',
    }),
});
