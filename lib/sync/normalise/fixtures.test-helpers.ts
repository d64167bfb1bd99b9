import type { RawRepoFacts } from "@/lib/github/queries/repo-facts-types";

/** A GraphQL repository node as GitHub returns it, for normaliser tests. */
export function rawRepo(overrides: Partial<RawRepoFacts> = {}): RawRepoFacts {
  return {
    __typename: "Repository",
    id: "R_1",
    databaseId: 1,
    name: "api",
    owner: { login: "acme" },
    visibility: "PRIVATE",
    isArchived: false,
    pushedAt: "2024-06-01T00:00:00Z",
    hasVulnerabilityAlertsEnabled: true,
    viewerPermission: "ADMIN",
    defaultBranchRef: { name: "main", target: { oid: "a".repeat(40) }, branchProtectionRule: null },
    rulesets: { nodes: [] },
    collaborators: { edges: [] },
    environments: { totalCount: 0, nodes: [] },
    rootTree: {
      entries: [
        { name: "package.json", type: "blob" },
        { name: "package-lock.json", type: "blob" },
        { name: "src", type: "tree" },
      ],
    },
    githubTree: {
      entries: [
        { name: "workflows", type: "tree" },
        { name: "CODEOWNERS", type: "blob" },
      ],
    },
    docsTree: null,
    workflowsTree: {
      entries: [
        {
          name: "ci.yml",
          type: "blob",
          object: { byteSize: 20, isBinary: false, isTruncated: false, text: "on: push\njobs: {}\n" },
        },
      ],
    },
    f__github_CODEOWNERS: { byteSize: 12, isBinary: false, isTruncated: false, text: "* @acme/sec\n" },
    f_package_json: { byteSize: 2, isBinary: false, isTruncated: false, text: "{}" },
    ...overrides,
  };
}
