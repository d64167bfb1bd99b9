// Advisories for GitHub Actions from GitHub's advisory database: 1 point per 100
// vulnerabilities, read once per sync run (org-independent, so shared by every repository).

export const ACTION_ADVISORIES_QUERY = /* GraphQL */ `
  query GatehouseActionAdvisories($after: String) {
    securityVulnerabilities(ecosystem: ACTIONS, first: 100, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        package {
          name
          ecosystem
        }
        severity
        vulnerableVersionRange
        firstPatchedVersion {
          identifier
        }
        advisory {
          ghsaId
          summary
          withdrawnAt
        }
      }
    }
    rateLimit {
      cost
    }
  }
`;

export interface ActionAdvisoriesResult {
  securityVulnerabilities: {
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    nodes: Array<{
      package: { name: string; ecosystem: string };
      severity: string;
      vulnerableVersionRange: string;
      firstPatchedVersion: { identifier: string } | null;
      advisory: { ghsaId: string; summary: string; withdrawnAt: string | null };
    } | null> | null;
  };
  rateLimit: { cost: number } | null;
}
