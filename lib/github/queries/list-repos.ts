// The cheap change detector: one page of 100 repositories costs 1 point. Everything asked
// here is a scalar or a non-connection object, so it adds nothing to the cost; the branch
// protection rule of the default branch rides along so that settings-only edits to it are
// detected without a push.
export const LIST_REPOS_QUERY = /* GraphQL */ `
  query GatehouseListRepos($org: String!, $after: String) {
    organization(login: $org) {
      id
      databaseId
      login
      requiresTwoFactorAuthentication
      repositories(first: 100, after: $after, orderBy: { field: NAME, direction: ASC }) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          id
          databaseId
          name
          isArchived
          isFork
          isEmpty
          visibility
          pushedAt
          defaultBranchRef {
            name
            target {
              oid
            }
            branchProtectionRule {
              id
              pattern
              requiredApprovingReviewCount
              dismissesStaleReviews
              requireLastPushApproval
              requiresCodeOwnerReviews
              isAdminEnforced
              allowsForcePushes
              allowsDeletions
              requiresCommitSignatures
              requiredStatusCheckContexts
            }
          }
        }
      }
    }
    rateLimit {
      cost
      remaining
      resetAt
    }
  }
`;

export interface ListedBranchProtection {
  id: string;
  pattern: string;
  requiredApprovingReviewCount: number | null;
  dismissesStaleReviews: boolean;
  requireLastPushApproval: boolean;
  requiresCodeOwnerReviews: boolean;
  isAdminEnforced: boolean;
  allowsForcePushes: boolean;
  allowsDeletions: boolean;
  requiresCommitSignatures: boolean;
  requiredStatusCheckContexts: Array<string | null> | null;
}

export interface ListedRepo {
  id: string;
  databaseId: number | null;
  name: string;
  isArchived: boolean;
  isFork: boolean;
  isEmpty: boolean;
  visibility: "PUBLIC" | "PRIVATE" | "INTERNAL";
  pushedAt: string | null;
  defaultBranchRef: null | {
    name: string;
    target: { oid: string } | null;
    branchProtectionRule: ListedBranchProtection | null;
  };
}

export interface RateLimitInfo {
  cost: number;
  remaining: number;
  resetAt: string;
}

export interface ListReposResult {
  organization: null | {
    id: string;
    databaseId: number | null;
    login: string;
    requiresTwoFactorAuthentication: boolean | null;
    repositories: {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      nodes: Array<ListedRepo | null> | null;
    };
  };
  rateLimit: RateLimitInfo | null;
}
