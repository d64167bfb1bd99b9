import type { GitHubClient } from "@/lib/github/client";
import { classifyGitHubError } from "@/lib/github/errors";
import { REPO_FACTS_QUERY } from "@/lib/github/queries/repo-facts";
import type { RawRepoFacts, RepoFactsResult } from "@/lib/github/queries/repo-facts-types";

export interface FetchedRepo {
  raw: RawRepoFacts;
  /** Top-level fields GraphQL refused for this repository (FORBIDDEN etc.). */
  forbidden: Set<string>;
}

export interface FactsBatch {
  repos: FetchedRepo[];
  /** Node ids GitHub no longer resolves (deleted or transferred between listing and fetch). */
  missing: string[];
}

/**
 * The facts of ≤100 repositories. GitHub answers a query that is too heavy (large
 * repositories, many rulesets) with 502s or timeouts; after the client's own retries, the
 * batch is split in halves and each half asked separately, down to single repositories.
 */
export async function fetchFactsAdaptive(client: GitHubClient, nodeIds: string[]): Promise<FactsBatch> {
  try {
    return await fetchFactsBatch(client, nodeIds);
  } catch (error) {
    const kind = classifyGitHubError(error);
    if (nodeIds.length <= 1 || (kind !== "server" && kind !== "timeout")) throw error;
    const mid = Math.ceil(nodeIds.length / 2);
    const [a, b] = [
      await fetchFactsAdaptive(client, nodeIds.slice(0, mid)),
      await fetchFactsAdaptive(client, nodeIds.slice(mid)),
    ];
    return { repos: [...a.repos, ...b.repos], missing: [...a.missing, ...b.missing] };
  }
}

/**
 * One GraphQL request for ≤100 repositories. Field-level errors (a field the token may
 * not read) degrade that field to unknown; a request-level error throws.
 */
async function fetchFactsBatch(client: GitHubClient, nodeIds: string[]): Promise<FactsBatch> {
  let data: RepoFactsResult;
  const forbidden = new Map<number, Set<string>>();
  try {
    data = await client.octokit.graphql<RepoFactsResult>(REPO_FACTS_QUERY, { ids: nodeIds });
  } catch (error) {
    // octokit's GraphqlResponseError carries the partial data next to the errors.
    const gqlError = error as { name?: string; data?: unknown; errors?: Array<{ path?: unknown }> };
    if (gqlError.name !== "GraphqlResponseError" || !gqlError.data) throw error;
    const errors = gqlError.errors ?? [];
    // Errors without a path inside `nodes` mean the whole query failed.
    if (errors.some((e) => !Array.isArray(e.path) || e.path[0] !== "nodes")) throw error;
    data = gqlError.data as RepoFactsResult;
    for (const e of errors) {
      const [, index, ...rest] = e.path as Array<string | number>;
      if (typeof index !== "number") continue;
      const set = forbidden.get(index) ?? new Set<string>();
      // Both the top-level field and the full dotted path ("defaultBranchRef.branchProtectionRule").
      const fields = rest.filter((x): x is string => typeof x === "string");
      if (fields[0]) set.add(fields[0]);
      if (fields.length > 1) set.add(fields.join("."));
      forbidden.set(index, set);
    }
  }
  client.stats.graphqlPoints += data.rateLimit?.cost ?? 1;
  const repos: FetchedRepo[] = [];
  const missing: string[] = [];
  nodeIds.forEach((id, i) => {
    const node = data.nodes?.[i];
    if (node && node.__typename === "Repository")
      repos.push({ raw: node as RawRepoFacts, forbidden: forbidden.get(i) ?? new Set() });
    else {
      missing.push(id);
      // A node nulled by a field error is a failure to report, not a deleted repository.
      if (forbidden.has(i)) client.stats.recordError("graphql");
    }
  });
  return { repos, missing };
}
