import type { GitHubClient } from "@/lib/github/client";
import { ACTION_ADVISORIES_QUERY, type ActionAdvisoriesResult } from "@/lib/github/queries/action-advisories";

/** At most this many pages (10,000 vulnerabilities): the actions ecosystem has far fewer. */
const MAX_PAGES = 100;

/**
 * Action advisories in the global-advisory REST shape lib/sync/normalise/advisories reads
 * (one entry per vulnerability); withdrawn advisories are dropped.
 */
export async function fetchActionAdvisories(client: GitHubClient): Promise<unknown[]> {
  const out: unknown[] = [];
  let after: string | null = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const data: ActionAdvisoriesResult = await client.octokit.graphql<ActionAdvisoriesResult>(
      ACTION_ADVISORIES_QUERY,
      { after },
    );
    client.stats.graphqlPoints += data.rateLimit?.cost ?? 1;
    for (const v of data.securityVulnerabilities.nodes ?? []) {
      if (!v || v.advisory.withdrawnAt) continue;
      out.push({
        ghsa_id: v.advisory.ghsaId,
        summary: v.advisory.summary,
        severity: v.severity.toLowerCase(),
        vulnerabilities: [
          {
            package: { ecosystem: v.package.ecosystem.toLowerCase(), name: v.package.name },
            vulnerable_version_range: v.vulnerableVersionRange,
            first_patched_version: v.firstPatchedVersion,
          },
        ],
      });
    }
    const info = data.securityVulnerabilities.pageInfo;
    if (!info.hasNextPage || !info.endCursor) break;
    after = info.endCursor;
  }
  return out;
}
