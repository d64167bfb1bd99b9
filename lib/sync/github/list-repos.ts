import { LIST_REPOS_QUERY, type ListReposResult, type ListedRepo } from "@/lib/github/queries/list-repos";
import type { GitHubClient } from "@/lib/github/client";

export interface OrgListing {
  org: { id: string; databaseId: number | null; login: string };
  repos: ListedRepo[];
}

/**
 * Every repository of the organisation, 100 per 1-point page. Returns only after the
 * last page: a listing that fails midway throws, so nothing is ever marked missing
 * from a partial list.
 */
export async function listOrgRepos(client: GitHubClient, login: string): Promise<OrgListing> {
  const repos: ListedRepo[] = [];
  let after: string | null = null;
  let org: OrgListing["org"] | null = null;
  for (;;) {
    const data: ListReposResult = await client.octokit.graphql<ListReposResult>(LIST_REPOS_QUERY, {
      org: login,
      after,
    });
    client.stats.graphqlPoints += data.rateLimit?.cost ?? 1;
    const o = data.organization;
    if (!o) throw new Error(`organisation ${login} not found or not visible to this connection`);
    org ??= { id: o.id, databaseId: o.databaseId, login: o.login };
    for (const node of o.repositories.nodes ?? []) if (node) repos.push(node);
    if (!o.repositories.pageInfo.hasNextPage || !o.repositories.pageInfo.endCursor) break;
    after = o.repositories.pageInfo.endCursor;
  }
  return { org: org!, repos };
}
