import type {
  CollaboratorFacts,
  RepoFacts,
  RepoPermission,
  SecretFacts,
  Visibility,
} from "@/lib/facts/types";
import type { RawRepoFacts } from "@/lib/github/queries/repo-facts-types";
import { normaliseFiles } from "./files";
import { cleanName, type IssueSink, type NormaliseIssue } from "./issues";
import { normaliseBranchProtection, normaliseRulesets } from "./protection";
import {
  normaliseActionsSettings,
  normaliseDeployKeys,
  normaliseEnvironments,
  normaliseSecretList,
  normaliseSecurity,
  normaliseWebhooks,
} from "./settings";

// One repository's own facts, from its GraphQL node and its REST answers. Org-wide
// parts (org settings, org secrets, alerts, advisories) are stored once per org and
// merged at read time by assembleRepoFacts, so a new alert does not force a refetch.

/** Raw REST answers for one repository; null = refused (403/404) or not asked. */
export interface RepoRestAnswers {
  repo: unknown;
  actionsPermissions: unknown;
  selectedActions: unknown;
  workflowPermissions: unknown;
  secrets: unknown;
  deployKeys: unknown;
  hooks: unknown;
  environments: unknown;
  /** Per environment name: raw deployment-branch-policies and secrets answers. */
  branchPolicies: Map<string, unknown>;
  environmentSecrets: Map<string, unknown>;
}

export const NO_REST: RepoRestAnswers = {
  repo: null,
  actionsPermissions: null,
  selectedActions: null,
  workflowPermissions: null,
  secrets: null,
  deployKeys: null,
  hooks: null,
  environments: null,
  branchPolicies: new Map(),
  environmentSecrets: new Map(),
};

/** GraphQL failed on these fields for this repository (permission errors). */
export type ForbiddenFields = ReadonlySet<string>;

const PERMISSIONS: Record<string, RepoPermission> = {
  ADMIN: "admin",
  MAINTAIN: "maintain",
  WRITE: "write",
  TRIAGE: "triage",
  READ: "read",
};
const VISIBILITY: Record<string, Visibility> = { PUBLIC: "public", PRIVATE: "private", INTERNAL: "internal" };

function collaborators(raw: RawRepoFacts, forbidden: ForbiddenFields): CollaboratorFacts[] | null {
  if (!raw.collaborators || forbidden.has("collaborators")) return null;
  return (raw.collaborators.edges ?? [])
    .flatMap((e) =>
      e && PERMISSIONS[e.permission]
        ? [{ login: e.node.login, permission: PERMISSIONS[e.permission]!, outside: true }]
        : [],
    )
    .sort((a, b) => a.login.localeCompare(b.login));
}

function environmentExtras(rest: RepoRestAnswers, sink: IssueSink) {
  const branchPolicies = new Map<string, string[]>();
  for (const [env, raw] of rest.branchPolicies) {
    const list = (raw as { branch_policies?: Array<{ name?: unknown }> } | null)?.branch_policies;
    if (Array.isArray(list))
      branchPolicies.set(
        env,
        list.flatMap((p) => (typeof p?.name === "string" ? [p.name] : [])),
      );
  }
  const secretNames = new Map<string, string[]>();
  for (const [env, raw] of rest.environmentSecrets) {
    const list = normaliseSecretList(raw, "environment", sink, env);
    if (list)
      secretNames.set(
        env,
        list.map((s) => s.name),
      );
  }
  return { branchPolicies, secretNames };
}

export function normaliseRepo(
  raw: RawRepoFacts,
  rest: RepoRestAnswers,
  forbidden: ForbiddenFields = new Set(),
): { facts: RepoFacts; issues: NormaliseIssue[] } {
  const issues: NormaliseIssue[] = [];
  const sink: IssueSink = (i) => {
    if (issues.length < 200) issues.push(i);
  };
  const defaultBranch = raw.defaultBranchRef?.name ?? null;
  const { files, paths } = normaliseFiles(raw, sink);
  const rule = raw.defaultBranchRef?.branchProtectionRule ?? null;
  const extras = environmentExtras(rest, sink);
  const envSecrets: SecretFacts[] = [...extras.secretNames].flatMap(([environment, names]) =>
    names.map((name) => ({ name, scope: "environment" as const, environment, updatedAt: null })),
  );
  const repoSecrets = normaliseSecretList(rest.secrets, "repository", sink);
  const environments =
    raw.environments && raw.environments.totalCount === 0
      ? []
      : normaliseEnvironments(rest.environments, extras, sink);
  const facts: RepoFacts = {
    owner: raw.owner.login,
    name: cleanName(raw.name, "repository name", sink) ?? "(invalid name)",
    visibility: VISIBILITY[raw.visibility] ?? null,
    archived: raw.isArchived,
    defaultBranch,
    files,
    paths: raw.rootTree ? paths : null,
    settings: {
      branchProtection: normaliseBranchProtection(rule),
      branchProtectionKnown:
        !forbidden.has("defaultBranchRef") &&
        !forbidden.has("defaultBranchRef.branchProtectionRule") &&
        (rule !== null || raw.viewerPermission === "ADMIN"),
      rulesets:
        raw.rulesets && !forbidden.has("rulesets")
          ? normaliseRulesets(raw.rulesets.nodes, defaultBranch, sink)
          : null,
      collaborators: collaborators(raw, forbidden),
      deployKeys: normaliseDeployKeys(rest.deployKeys, sink),
      webhooks: normaliseWebhooks(rest.hooks, sink),
      actions: normaliseActionsSettings(
        rest.actionsPermissions,
        rest.selectedActions,
        rest.workflowPermissions,
        sink,
      ),
      environments,
      secrets: repoSecrets ? [...repoSecrets, ...envSecrets] : null,
      security: normaliseSecurity(
        rest.repo,
        forbidden.has("hasVulnerabilityAlertsEnabled") ? null : raw.hasVulnerabilityAlertsEnabled,
        sink,
      ),
    },
    org: null,
    alerts: null,
    registry: null,
    actionAdvisories: null,
  };
  return { facts, issues };
}
