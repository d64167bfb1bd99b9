// Shapes of REPO_FACTS_QUERY's answer. Every field is treated as untrusted input by
// lib/sync/normalise (GitHub may omit it on permission errors, the simulator may be a
// user's own fixture), so everything nullable here is nullable for a reason.

export interface RawBlob {
  oid?: string;
  byteSize?: number;
  isBinary?: boolean | null;
  /** Filled by the blob-texts phase (lib/sync/github/fetch-texts.ts). */
  isTruncated?: boolean;
  text?: string | null;
  /** Set by the text planner when the text is deliberately not fetched. */
  skipReason?: string;
}

export interface RawTreeEntry {
  name: string;
  type: string;
  object?: RawBlob | null;
}

export interface RawTree {
  entries?: RawTreeEntry[] | null;
}

export interface RawBranchProtectionRule {
  id: string;
  pattern: string;
  requiredApprovingReviewCount: number | null;
  requiresApprovingReviews: boolean;
  dismissesStaleReviews: boolean;
  requireLastPushApproval: boolean;
  requiresCodeOwnerReviews: boolean;
  isAdminEnforced: boolean;
  allowsForcePushes: boolean;
  allowsDeletions: boolean;
  requiresCommitSignatures: boolean;
  requiresStatusChecks: boolean;
  requiredStatusCheckContexts: Array<string | null> | null;
  bypassPullRequestAllowances?: {
    nodes?: Array<{ actor?: { __typename: string; login?: string; slug?: string } | null } | null> | null;
  } | null;
}

export interface RawRuleset {
  databaseId: number | null;
  name: string;
  enforcement: string;
  target: string | null;
  source: { __typename: string; nameWithOwner?: string; login?: string } | null;
  conditions: { refName: { include: string[]; exclude: string[] } | null } | null;
  bypassActors?: {
    nodes?: Array<{
      bypassMode: string | null;
      organizationAdmin: boolean;
      deployKey: boolean;
      repositoryRoleDatabaseId: number | null;
      actor: { __typename: string; databaseId?: number | null } | null;
    } | null> | null;
  } | null;
  rules?: {
    nodes?: Array<{
      type: string;
      parameters: null | {
        __typename: string;
        requiredApprovingReviewCount?: number;
        dismissStaleReviewsOnPush?: boolean;
        requireLastPushApproval?: boolean;
        requireCodeOwnerReview?: boolean;
        requiredStatusChecks?: Array<{ context: string }>;
      };
    } | null> | null;
  } | null;
}

export interface RawRepoFacts {
  __typename: "Repository";
  id: string;
  databaseId: number | null;
  name: string;
  owner: { login: string };
  visibility: string;
  isArchived: boolean;
  pushedAt: string | null;
  hasVulnerabilityAlertsEnabled: boolean;
  viewerPermission: string | null;
  defaultBranchRef: null | {
    name: string;
    target: { oid: string } | null;
    branchProtectionRule: RawBranchProtectionRule | null;
  };
  rulesets: { nodes?: Array<RawRuleset | null> | null } | null;
  collaborators: { edges?: Array<{ permission: string; node: { login: string } } | null> | null } | null;
  environments: { totalCount: number; nodes?: Array<{ name: string } | null> | null } | null;
  rootTree: RawTree | null;
  githubTree: RawTree | null;
  docsTree: RawTree | null;
  workflowsTree: RawTree | null;
  [alias: `f_${string}`]: RawBlob | null | undefined;
}

export interface RepoFactsResult {
  nodes: Array<RawRepoFacts | { __typename: string } | null>;
  rateLimit: { cost: number; remaining: number; resetAt: string } | null;
}
