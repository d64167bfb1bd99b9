import type {
  ActionsSettingsFacts,
  DeployKeyFacts,
  EnvironmentFacts,
  SecretFacts,
  SecurityFeatureFacts,
  WebhookFacts,
} from "@/lib/facts/types";
import { cleanName, type IssueSink } from "./issues";
import { parseOrNull } from "./parse";
import {
  actionsPermissionsSchema,
  deployKeysSchema,
  webhooksSchema,
  environmentsSchema,
  repoSchema,
  secretsListSchema,
  selectedActionsSchema,
  workflowPermissionsSchema,
} from "./rest-schemas";

// REST answers → settings facts. Inputs are the raw JSON (or null when the call was
// refused or skipped); outputs are null whenever the answer does not let us know.

export function normaliseActionsSettings(
  permissions: unknown,
  selected: unknown,
  workflow: unknown,
  sink: IssueSink,
): ActionsSettingsFacts | null {
  const p = parseOrNull(actionsPermissionsSchema, permissions, "actions permissions", sink);
  const w = parseOrNull(workflowPermissionsSchema, workflow, "workflow permissions", sink);
  if (!p && !w) return null;
  const enabled = p ? (p.enabled ?? p.enabled_repositories !== "none") : true;
  const facts: ActionsSettingsFacts = {
    enabled,
    allowedActions: p?.allowed_actions ?? null,
    defaultWorkflowPermissions: w?.default_workflow_permissions ?? null,
    canApprovePullRequestReviews: w?.can_approve_pull_request_reviews ?? null,
  };
  const s =
    p?.allowed_actions === "selected"
      ? parseOrNull(selectedActionsSchema, selected, "selected actions", sink)
      : null;
  if (s)
    facts.selected = {
      githubOwnedAllowed: s.github_owned_allowed,
      verifiedAllowed: s.verified_allowed,
      patternsAllowed: [...s.patterns_allowed].sort(),
    };
  return facts;
}

export function normaliseSecurity(
  repo: unknown,
  dependabotAlerts: boolean | null,
  sink: IssueSink,
): SecurityFeatureFacts | null {
  const r = parseOrNull(repoSchema, repo, "repository security_and_analysis", sink);
  // security_and_analysis is only returned to admins; absent means "not known".
  const sa = r?.security_and_analysis ?? null;
  if (!sa && dependabotAlerts === null) return null;
  return {
    secretScanning: sa?.secret_scanning ? sa.secret_scanning.status === "enabled" : null,
    secretScanningPushProtection: sa?.secret_scanning_push_protection
      ? sa.secret_scanning_push_protection.status === "enabled"
      : null,
    dependabotAlerts,
  };
}

/** Secret names only: the API never returns values, and we would drop them if it did. */
export function normaliseSecretList(
  raw: unknown,
  scope: SecretFacts["scope"],
  sink: IssueSink,
  environment?: string,
): SecretFacts[] | null {
  const list = parseOrNull(secretsListSchema, raw, `${scope} secrets`, sink);
  if (!list) return null;
  return list.secrets.flatMap((s) => {
    const name = cleanName(s.name, `${scope} secret`, sink);
    if (name === null) return [];
    return [
      { name, scope, ...(environment !== undefined ? { environment } : {}), updatedAt: s.updated_at ?? null },
    ];
  });
}

export function normaliseDeployKeys(raw: unknown, sink: IssueSink): DeployKeyFacts[] | null {
  const keys = parseOrNull(deployKeysSchema, raw, "deploy keys", sink);
  return keys
    ? keys
        .map((k) => ({ id: k.id, title: k.title.slice(0, 255), readOnly: k.read_only }))
        .sort((a, b) => a.id - b.id)
    : null;
}

/** Hooks with the URL cut to its origin: paths and queries of webhook URLs often carry tokens. */
export function normaliseWebhooks(raw: unknown, sink: IssueSink): WebhookFacts[] | null {
  const hooks = parseOrNull(webhooksSchema, raw, "webhooks", sink);
  return hooks
    ? hooks
        .map((h) => ({
          id: h.id,
          origin: originOf(h.config.url),
          insecureSsl: String(h.config.insecure_ssl ?? "0") === "1",
          hasSecret: typeof h.config.secret === "string" && h.config.secret.length > 0,
          active: h.active,
        }))
        .sort((a, b) => a.id - b.id)
    : null;
}

function originOf(url: string | undefined): string {
  try {
    return new URL(url ?? "").origin;
  } catch {
    return "(unparseable URL)";
  }
}

export interface EnvironmentExtras {
  branchPolicies: Map<string, string[]>;
  secretNames: Map<string, string[]>;
}

export function normaliseEnvironments(
  raw: unknown,
  extras: EnvironmentExtras,
  sink: IssueSink,
): EnvironmentFacts[] | null {
  const parsed = parseOrNull(environmentsSchema, raw, "environments", sink);
  if (!parsed) return null;
  const out: EnvironmentFacts[] = [];
  for (const env of parsed.environments) {
    const name = cleanName(env.name, "environment name", sink);
    if (name === null) continue;
    const reviewersRule = env.protection_rules.find((r) => r.type === "required_reviewers");
    const waitRule = env.protection_rules.find((r) => r.type === "wait_timer");
    const policy = env.deployment_branch_policy ?? null;
    out.push({
      name,
      requiredReviewers: (reviewersRule?.reviewers ?? []).flatMap((r) => {
        const login = r.type === "Team" ? r.reviewer?.slug : r.reviewer?.login;
        return login ? [{ type: r.type, login }] : [];
      }),
      preventSelfReview: reviewersRule?.prevent_self_review ?? false,
      canAdminsBypass: env.can_admins_bypass,
      waitTimerMinutes: waitRule?.wait_timer ?? 0,
      deploymentBranchPolicy: policy
        ? {
            protectedBranches: policy.protected_branches,
            customBranchPolicies: policy.custom_branch_policies,
          }
        : null,
      branchPolicies: extras.branchPolicies.get(name) ?? [],
      secretNames: extras.secretNames.get(name) ?? [],
    });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}
