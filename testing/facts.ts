// Test factory for RepoFacts, shared by every check's tests. The baseline is a
// well-configured private repository with everything KNOWN and safe, so a test flips
// one thing and expects exactly one check to change. Use `unknownSettingsFacts()` (or
// override `settings: null`) for the "nothing synced" case.
import type {
  ActionsSettingsFacts,
  BranchProtectionFacts,
  EnvironmentFacts,
  OrgSettingsFacts,
  RepoFacts,
  RepoSettingsFacts,
  RulesetFacts,
} from "../lib/facts/types";

export function makeBranchProtection(overrides: Partial<BranchProtectionFacts> = {}): BranchProtectionFacts {
  return {
    pattern: "main",
    requiredApprovingReviewCount: 2,
    dismissStaleReviews: true,
    requireLastPushApproval: true,
    requireCodeOwnerReviews: true,
    enforceAdmins: true,
    bypassAllowances: [],
    allowForcePushes: false,
    allowDeletions: false,
    requireSignedCommits: true,
    requiredStatusChecks: ["ci/test"],
    ...overrides,
  };
}

type RulesetOverrides = Partial<Omit<RulesetFacts, "rules">> & { rules?: Partial<RulesetFacts["rules"]> };

/** An active repository ruleset on the default branch with no rules unless given. */
export function makeRuleset(overrides: RulesetOverrides = {}): RulesetFacts {
  const { rules, ...rest } = overrides;
  return {
    id: 1,
    name: "default-branch",
    source: "repository",
    enforcement: "active",
    appliesToDefaultBranch: true,
    bypassActors: [],
    ...rest,
    rules: {
      nonFastForward: false,
      deletion: false,
      requiredSignatures: false,
      requiredStatusChecks: [],
      ...rules,
    },
  };
}

export function makeEnvironment(overrides: Partial<EnvironmentFacts> = {}): EnvironmentFacts {
  return {
    name: "production",
    requiredReviewers: [{ type: "Team", login: "acme/release-managers" }],
    preventSelfReview: true,
    canAdminsBypass: false,
    waitTimerMinutes: 0,
    deploymentBranchPolicy: { protectedBranches: true, customBranchPolicies: false },
    branchPolicies: [],
    secretNames: [],
    ...overrides,
  };
}

export function makeActionsSettings(overrides: Partial<ActionsSettingsFacts> = {}): ActionsSettingsFacts {
  return {
    enabled: true,
    allowedActions: "selected",
    selected: { githubOwnedAllowed: true, verifiedAllowed: false, patternsAllowed: [] },
    defaultWorkflowPermissions: "read",
    canApprovePullRequestReviews: false,
    ...overrides,
  };
}

function makeSettings(overrides: Partial<RepoSettingsFacts> = {}): RepoSettingsFacts {
  return {
    branchProtection: makeBranchProtection(),
    branchProtectionKnown: true,
    rulesets: [],
    collaborators: [{ login: "octocat", permission: "write", outside: true }],
    deployKeys: [{ id: 1, title: "mirror", readOnly: true }],
    actions: makeActionsSettings(),
    environments: [makeEnvironment()],
    secrets: [{ name: "NPM_TOKEN", scope: "repository", updatedAt: "2025-01-15T00:00:00Z" }],
    security: { secretScanning: true, secretScanningPushProtection: true, dependabotAlerts: true },
    webhooks: [],
    ...overrides,
  };
}

export function makeOrg(overrides: Partial<OrgSettingsFacts> = {}): OrgSettingsFacts {
  return {
    login: "acme",
    twoFactorRequired: true,
    defaultRepositoryPermission: "read",
    actions: makeActionsSettings(),
    webhooks: [],
    ...overrides,
  };
}

/**
 * Top-level fields replace the baseline's; `settings` and `org` may also be given as a
 * partial object, merged over the safe baseline (pass `null` for "unknown").
 */
export type FactsOverrides = Partial<Omit<RepoFacts, "settings" | "org">> & {
  settings?: Partial<RepoSettingsFacts> | null;
  org?: Partial<OrgSettingsFacts> | null;
};

export function makeFacts(overrides: FactsOverrides = {}): RepoFacts {
  const { settings, org, ...rest } = overrides;
  return {
    owner: "acme",
    name: "api",
    visibility: "private",
    archived: false,
    defaultBranch: "main",
    files: [],
    paths: [],
    settings: settings === null ? null : makeSettings(settings),
    org: org === null ? null : makeOrg(org),
    alerts: { secretScanning: [], dependabot: [] },
    registry: { images: [] },
    actionAdvisories: [],
    ...rest,
  };
}

/** What a sync with a read-only token (or `gatehouse scan`) leaves: no settings, org or alerts. */
export function unknownSettingsFacts(overrides: FactsOverrides = {}): RepoFacts {
  return makeFacts({
    settings: null,
    org: null,
    alerts: null,
    registry: null,
    actionAdvisories: null,
    ...overrides,
  });
}
