// RepoFacts: the one input of every check. Sync fills it from GitHub and the OCI
// registry; `gatehouse scan` fills only `files` (and leaves everything else null,
// which checks must report as `unknown`, never as pass or fail).
//
// Convention: `null` means "not known" (not synced, token lacked rights, API absent);
// an empty array means "known to be empty".

export interface RepoFile {
  /** Path relative to the repository root, forward slashes, no leading slash. */
  path: string;
  /** UTF-8 text, or null when the file was not fetched (binary, too large, refused). */
  text: string | null;
  /** True when GitHub cut the blob (Blob.isTruncated): checks must not pass on it. */
  truncated?: boolean;
  /** Why the text is null or was cut, recorded for the finding. */
  skippedReason?: string;
}

export type Visibility = "public" | "private" | "internal";
export type RepoPermission = "admin" | "maintain" | "write" | "triage" | "read";

export interface BranchProtectionFacts {
  pattern: string;
  requiredApprovingReviewCount: number;
  dismissStaleReviews: boolean;
  requireLastPushApproval: boolean;
  requireCodeOwnerReviews: boolean;
  /** `enforce_admins`: when false, admins bypass the rule. */
  enforceAdmins: boolean;
  /** Actors allowed to bypass pull-request requirements (logins or team slugs). */
  bypassAllowances: string[];
  allowForcePushes: boolean;
  allowDeletions: boolean;
  requireSignedCommits: boolean;
  requiredStatusChecks: string[];
}

export interface RulesetFacts {
  id: number;
  name: string;
  source: "repository" | "organization";
  enforcement: "active" | "evaluate" | "disabled";
  /** Whether the ruleset's conditions include the default branch. */
  appliesToDefaultBranch: boolean;
  bypassActors: Array<{ actorType: string; actorId: number | null; bypassMode: string }>;
  rules: {
    pullRequest?: {
      requiredApprovingReviewCount: number;
      dismissStaleReviewsOnPush: boolean;
      requireLastPushApproval: boolean;
      requireCodeOwnerReview: boolean;
    };
    /** `non_fast_forward` rule present: force pushes blocked. */
    nonFastForward: boolean;
    /** `deletion` rule present: branch deletion blocked. */
    deletion: boolean;
    requiredSignatures: boolean;
    requiredStatusChecks: string[];
  };
}

export interface CollaboratorFacts {
  login: string;
  permission: RepoPermission;
  /** Outside collaborator: not a member of the organisation. */
  outside: boolean;
}

export interface DeployKeyFacts {
  id: number;
  title: string;
  readOnly: boolean;
}

export interface SecretFacts {
  name: string;
  scope: "repository" | "organization" | "environment";
  environment?: string;
  /** ISO-8601. */
  updatedAt: string | null;
}

export interface EnvironmentFacts {
  name: string;
  requiredReviewers: Array<{ type: "User" | "Team"; login: string }>;
  preventSelfReview: boolean;
  canAdminsBypass: boolean;
  waitTimerMinutes: number;
  /** null: any branch may deploy. */
  deploymentBranchPolicy: null | { protectedBranches: boolean; customBranchPolicies: boolean };
  /** Name patterns when customBranchPolicies is true. */
  branchPolicies: string[];
  secretNames: string[];
}

export type AllowedActions = "all" | "local_only" | "selected";

export interface ActionsSettingsFacts {
  enabled: boolean;
  allowedActions: AllowedActions | null;
  /** For "selected": whether GitHub-owned / verified creators are allowed and the patterns. */
  selected?: { githubOwnedAllowed: boolean; verifiedAllowed: boolean; patternsAllowed: string[] };
  defaultWorkflowPermissions: "read" | "write" | null;
  canApprovePullRequestReviews: boolean | null;
}

export interface SecurityFeatureFacts {
  secretScanning: boolean | null;
  secretScanningPushProtection: boolean | null;
  dependabotAlerts: boolean | null;
}

export interface WebhookFacts {
  id: number;
  /** Scheme and host only (`https://hooks.example.com`): paths and queries often carry tokens. */
  origin: string;
  /** `config.insecure_ssl` is "1": deliveries skip TLS certificate verification. */
  insecureSsl: boolean;
  /** GitHub shows a configured secret as "********"; absent means deliveries are unsigned. */
  hasSecret: boolean;
  active: boolean;
}

export interface RepoSettingsFacts {
  /** null: the branch protection endpoint was not readable (e.g. no admin rights). */
  branchProtection: BranchProtectionFacts | null;
  /** Whether `branchProtection` could be read at all; false → checks are unknown. */
  branchProtectionKnown: boolean;
  rulesets: RulesetFacts[] | null;
  collaborators: CollaboratorFacts[] | null;
  deployKeys: DeployKeyFacts[] | null;
  actions: ActionsSettingsFacts | null;
  environments: EnvironmentFacts[] | null;
  /** Repository and organisation secrets visible to the repository (names only). */
  secrets: SecretFacts[] | null;
  security: SecurityFeatureFacts | null;
  /** Repository webhooks (admin only); undefined or null: not read. */
  webhooks?: WebhookFacts[] | null;
}

export interface OrgSettingsFacts {
  login: string;
  twoFactorRequired: boolean | null;
  defaultRepositoryPermission: "none" | "read" | "write" | "admin" | null;
  actions: ActionsSettingsFacts | null;
  /** Organisation webhooks (needs admin:org_hook); undefined or null: not read. */
  webhooks?: WebhookFacts[] | null;
}

export interface SecretAlertFacts {
  number: number;
  state: "open" | "resolved";
  secretType: string;
  url?: string;
  createdAt: string;
}

export interface DependabotAlertFacts {
  number: number;
  state: "open" | "dismissed" | "fixed" | "auto_dismissed";
  severity: "critical" | "high" | "medium" | "low";
  ecosystem: string;
  packageName: string;
  ghsaId: string;
  manifestPath?: string;
  url?: string;
}

export interface AlertFacts {
  secretScanning: SecretAlertFacts[] | null;
  dependabot: DependabotAlertFacts[] | null;
}

export interface ImageFacts {
  /** e.g. ghcr.io/acme/api */
  name: string;
  latestDigest: string | null;
  tags: string[];
  /** A cosign/sigstore signature exists for latestDigest (null: not checked). */
  signed: boolean | null;
  provenance: boolean | null;
  sbom: boolean | null;
  /** The tag latestDigest was resolved from (null: chosen from package versions without a tag). */
  latestTag?: string | null;
  /** Where each true came from, e.g. "cosign signature (tag sha256-….sig)", for findings' evidence. */
  evidence?: { signed?: string[]; provenance?: string[]; sbom?: string[] };
  /** Why a fact is null (registry unreachable, malformed manifest, answer too large, …). */
  reasons?: string[];
}

export interface RegistryFacts {
  images: ImageFacts[];
}

/** An advisory naming vulnerable versions of a GitHub Action (GHSA for ecosystem "actions"). */
export interface ActionAdvisory {
  ghsaId: string;
  /** owner/repo (or owner/repo/path) of the action. */
  action: string;
  severity: "critical" | "high" | "medium" | "low";
  /** semver range of affected versions, e.g. "< 46.0.1". */
  vulnerableRange: string;
  /** Commit SHAs known to be affected (for SHA-pinned uses). */
  affectedShas?: string[];
  patchedVersion?: string;
  summary: string;
}

/** What sync or an online scan learnt about an action's own repository. */
export interface ActionRepoFacts {
  /** null: the repository could not be read (absent, private, refused). */
  archived: boolean | null;
  /** Pinned SHA (lower case) → reachable from a branch or tag of the repository; null: undecided. */
  commits: Record<string, boolean | null>;
  /** Tag named by a pin comment → the commit it points to (lower case); null: no such tag. */
  tags: Record<string, string | null>;
}

export interface RepoFacts {
  owner: string;
  name: string;
  visibility: Visibility | null;
  archived: boolean;
  defaultBranch: string | null;
  /** Files the analyzers read: workflows, action.yml, CODEOWNERS, Dockerfiles, k8s/helm/terraform, manifests, lockfiles, dependabot/renovate. */
  files: RepoFile[];
  /** Every path in the default branch tree when known (presence checks, e.g. lockfiles); null = only `files` known. */
  paths: string[] | null;
  settings: RepoSettingsFacts | null;
  org: OrgSettingsFacts | null;
  alerts: AlertFacts | null;
  registry: RegistryFacts | null;
  /** Advisories for GitHub Actions, from the advisory database (sync) or bundled (scan). */
  actionAdvisories: ActionAdvisory[] | null;
  /** Resolved tag → SHA for actions referenced by tag (sync fills it, used in remediation text). */
  actionRefShas?: Record<string, string>;
  /** Action repositories the workflows use, keyed `owner/repo` in lower case; undefined: not resolved (offline scan). */
  actionRepos?: Record<string, ActionRepoFacts>;
}

/** Facts with nothing but files, as `gatehouse scan` builds them. */
export function filesOnlyFacts(
  owner: string,
  name: string,
  files: RepoFile[],
  paths: string[] | null,
): RepoFacts {
  return {
    owner,
    name,
    visibility: null,
    archived: false,
    defaultBranch: null,
    files,
    paths,
    settings: null,
    org: null,
    alerts: null,
    registry: null,
    actionAdvisories: null,
  };
}
