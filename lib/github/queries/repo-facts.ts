import { FACT_FILES } from "./fact-files";

// The expensive query, asked only for repositories the change detector flagged, at most
// 100 per request through `nodes(ids:)`. Its text is constant (the batch is a variable),
// so GitHub and the simulator parse one document. Per repository it opens about 25
// connection requests (rulesets 1 + 10×rules + 10×bypassActors, 4 small lists), which
// prices a full batch of 100 at ≈ 25 points. Files come back as metadata only (oid, size,
// binary): their texts are fetched by BLOB_TEXTS queries sized to a byte budget, so a
// hostile repository full of 500 KB files cannot blow up one response.

export const FACTS_BATCH_SIZE = 100;

const fileAliases = FACT_FILES.map(
  (f) => `    ${f.alias}: object(expression: ${JSON.stringify("HEAD:" + f.path)}) { ...GatehouseBlob }`,
).join("\n");

export const REPO_FACTS_QUERY = /* GraphQL */ `
query GatehouseRepoFacts($ids: [ID!]!) {
  nodes(ids: $ids) {
    __typename
    ... on Repository { ...GatehouseRepo }
  }
  rateLimit { cost remaining resetAt }
}

fragment GatehouseBlob on Blob { oid byteSize isBinary }

fragment GatehouseRepo on Repository {
    id
    databaseId
    name
    owner { login }
    visibility
    isArchived
    pushedAt
    hasVulnerabilityAlertsEnabled
    viewerPermission
    defaultBranchRef {
      name
      target { oid }
      branchProtectionRule {
        id
        pattern
        requiredApprovingReviewCount
        requiresApprovingReviews
        dismissesStaleReviews
        requireLastPushApproval
        requiresCodeOwnerReviews
        isAdminEnforced
        allowsForcePushes
        allowsDeletions
        requiresCommitSignatures
        requiresStatusChecks
        requiredStatusCheckContexts
        bypassPullRequestAllowances(first: 10) {
          nodes { actor { __typename ... on User { login } ... on Team { slug } ... on App { slug } } }
        }
      }
    }
    rulesets(first: 10, includeParents: true) {
      nodes {
        databaseId
        name
        enforcement
        target
        source { __typename ... on Repository { nameWithOwner } ... on Organization { login } }
        conditions { refName { include exclude } }
        bypassActors(first: 10) {
          nodes {
            bypassMode
            organizationAdmin
            deployKey
            repositoryRoleDatabaseId
            actor { __typename ... on Team { databaseId } ... on App { databaseId } }
          }
        }
        rules(first: 10) {
          nodes {
            type
            parameters {
              __typename
              ... on PullRequestParameters {
                requiredApprovingReviewCount
                dismissStaleReviewsOnPush
                requireLastPushApproval
                requireCodeOwnerReview
              }
              ... on RequiredStatusChecksParameters { requiredStatusChecks { context } }
            }
          }
        }
      }
    }
    collaborators(affiliation: OUTSIDE, first: 20) {
      edges { permission node { login } }
    }
    environments(first: 20) {
      totalCount
      nodes { name }
    }
    rootTree: object(expression: "HEAD:") { ... on Tree { entries { name type } } }
    githubTree: object(expression: "HEAD:.github") { ... on Tree { entries { name type } } }
    docsTree: object(expression: "HEAD:docs") { ... on Tree { entries { name type } } }
    workflowsTree: object(expression: "HEAD:.github/workflows") {
      ... on Tree { entries { name type object { ...GatehouseBlob } } }
    }
${fileAliases}
}
`;
