import type { GitHubClient } from "@/lib/github/client";
import type { RawRepoFacts } from "@/lib/github/queries/repo-facts-types";
import type { RepoRestAnswers } from "@/lib/sync/normalise/repo";
import { getOrNull, listOrNull } from "./rest-get";

// REST only for what GraphQL lacks, and only for repositories the change detector
// flagged. Typical cost: 7 requests (repo, Actions permissions, workflow permissions,
// secrets, deploy keys, webhooks, environments when GraphQL counted any) + 1–2 per environment.
// Every GET is conditional (ETag), so a full refresh of unchanged settings costs 304s.

/** Environments beyond this many are listed but their secrets/branch policies are not read. */
const MAX_ENVIRONMENT_DETAILS = 5;

export async function fetchRepoRest(client: GitHubClient, raw: RawRepoFacts): Promise<RepoRestAnswers> {
  const { octokit } = client;
  const p = { owner: raw.owner.login, repo: raw.name };
  const hasEnvironments = (raw.environments?.totalCount ?? 1) > 0;
  const [repo, actionsPermissions, workflowPermissions, secrets, deployKeys, hooks, environments] =
    await Promise.all([
      getOrNull(octokit, "GET /repos/{owner}/{repo}", p),
      getOrNull(octokit, "GET /repos/{owner}/{repo}/actions/permissions", p),
      getOrNull(octokit, "GET /repos/{owner}/{repo}/actions/permissions/workflow", p),
      listOrNull(octokit, "GET /repos/{owner}/{repo}/actions/secrets", p, "secrets"),
      listOrNull(octokit, "GET /repos/{owner}/{repo}/keys", p),
      listOrNull(octokit, "GET /repos/{owner}/{repo}/hooks", p),
      hasEnvironments
        ? listOrNull(octokit, "GET /repos/{owner}/{repo}/environments", p, "environments")
        : Promise.resolve(null),
    ]);
  const allowed = (actionsPermissions as { allowed_actions?: string } | null)?.allowed_actions;
  const selectedActions =
    allowed === "selected"
      ? await getOrNull(octokit, "GET /repos/{owner}/{repo}/actions/permissions/selected-actions", p)
      : null;

  const branchPolicies = new Map<string, unknown>();
  const environmentSecrets = new Map<string, unknown>();
  const envList = (environments ?? []) as Array<{
    name?: unknown;
    deployment_branch_policy?: { custom_branch_policies?: boolean } | null;
  }>;
  await Promise.all(
    envList.slice(0, MAX_ENVIRONMENT_DETAILS).map(async (env) => {
      if (typeof env.name !== "string") return;
      const ep = { ...p, environment_name: env.name };
      const [policies, envSecrets] = await Promise.all([
        env.deployment_branch_policy?.custom_branch_policies
          ? listOrNull(
              octokit,
              "GET /repos/{owner}/{repo}/environments/{environment_name}/deployment-branch-policies",
              ep,
              "branch_policies",
            )
          : Promise.resolve(null),
        listOrNull(
          octokit,
          "GET /repos/{owner}/{repo}/environments/{environment_name}/secrets",
          ep,
          "secrets",
        ),
      ]);
      if (policies) branchPolicies.set(env.name, { branch_policies: policies });
      if (envSecrets) environmentSecrets.set(env.name, { secrets: envSecrets });
    }),
  );

  return {
    repo,
    actionsPermissions,
    selectedActions,
    workflowPermissions,
    secrets: secrets && { secrets },
    deployKeys,
    hooks,
    environments: environments && { environments },
    branchPolicies,
    environmentSecrets,
  };
}
