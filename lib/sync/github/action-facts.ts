import type { RepoFacts, RepoFile } from "@/lib/facts/types";
import type { GitHubClient } from "@/lib/github/client";
import { normaliseActionAdvisories } from "../normalise/advisories";
import { actionRefsIn, resolveActionRefs, shasFor } from "./action-refs";
import { actionRepoWants, newActionRepoCache, resolveActionRepos } from "./action-repos";
import { fetchActionAdvisories } from "./fetch-advisories";

// What `gatehouse scan --github-token` asks GitHub about one checkout's actions: the same
// fetchers sync uses, for one repository. Sync resolves these per batch instead
// (lib/sync/engine/batch-step.ts) and the advisories once per org (fetch-org.ts).

export type ActionFacts = Pick<RepoFacts, "actionAdvisories" | "actionRefShas" | "actionRepos">;

export async function fetchActionFacts(
  client: GitHubClient,
  files: readonly RepoFile[],
): Promise<ActionFacts> {
  const refs = actionRefsIn(files);
  const refCache = new Map<string, string | null>();
  const [, actionRepos, advisories] = await Promise.all([
    resolveActionRefs(client, refs, refCache),
    resolveActionRepos(client, actionRepoWants(files), newActionRepoCache()),
    fetchActionAdvisories(client),
  ]);
  const shas = shasFor(refs, refCache);
  return {
    actionAdvisories: normaliseActionAdvisories(advisories, () => undefined),
    actionRepos,
    ...(shas ? { actionRefShas: shas } : {}),
  };
}
