import { ruleForBranch } from "../../branch-pattern";
import { repoCollaborators, type Affiliation } from "../../collaborators";
import type { BranchProtectionConfig, RulesetConfig } from "../../fixture/schema-repo";
import type { SimContext } from "../../context";
import type { RepoFixture } from "../../fixture/types";
import { repoRoute } from "../access";
import { fullRepo } from "../json-repo";
import { withActionRepo } from "./action-repos";
import { list, notFound, ok, type RouteTable } from "../types";
import { hookJson } from "../hook-json";
import { userJsonFor } from "./people";
import { protectionJson, rulesetJson, rulesForBranch } from "./repo-json";

// Repository routes: the repository, branch protection, rulesets, collaborators, keys, hooks.

const PROTECTION_DOCS = "https://docs.github.com/rest/branches/branch-protection#get-branch-protection";

function protectionFor(repo: RepoFixture, branch: string): BranchProtectionConfig | undefined {
  return ruleForBranch(repo.config.branchProtection, branch);
}

function findRuleset(repo: RepoFixture, id: string): RulesetConfig | undefined {
  return repo.config.rulesets.find((r) => String(r.id) === id);
}

function collaboratorJson(ctx: SimContext, login: string, permission: string) {
  const perms = {
    admin: permission === "admin",
    maintain: ["admin", "maintain"].includes(permission),
    push: ["admin", "maintain", "write"].includes(permission),
    triage: permission !== "read",
    pull: true,
  };
  return { ...userJsonFor(ctx, login), permissions: perms, role_name: permission };
}

export const repoRoutes: RouteTable = {
  "GET /repos/{owner}/{repo}": withActionRepo(repoRoute(({ ctx }, repo) => ok(fullRepo(ctx, repo)))),
  "GET /repos/{owner}/{repo}/branches/{branch}/protection": repoRoute(
    ({ ctx, params }, repo) => {
      const bp = protectionFor(repo, params.branch!);
      return bp
        ? ok(protectionJson(ctx, repo, bp, params.branch!))
        : {
            status: 404,
            body: { message: "Branch not protected", documentation_url: PROTECTION_DOCS, status: "404" },
          };
    },
    { admin: true, docs: PROTECTION_DOCS },
  ),
  "GET /repos/{owner}/{repo}/rulesets": repoRoute(({ ctx, query }, repo) => {
    const includeParents = query.get("includes_parents") !== "false";
    return list(
      repo.config.rulesets
        .filter((r) => includeParents || r.source === "repository")
        .map((r) => rulesetJson(ctx, repo, r, false)),
    );
  }),
  "GET /repos/{owner}/{repo}/rulesets/{ruleset_id}": repoRoute(({ ctx, params }, repo) => {
    const r = findRuleset(repo, params.ruleset_id!);
    return r ? ok(rulesetJson(ctx, repo, r, true)) : notFound();
  }),
  "GET /repos/{owner}/{repo}/rules/branches/{branch}": repoRoute(({ ctx, params }, repo) =>
    list(rulesForBranch(ctx, repo, params.branch!)),
  ),
  "GET /repos/{owner}/{repo}/collaborators": repoRoute(
    ({ ctx, query }, repo) => {
      const raw = query.get("affiliation") ?? "all";
      const affiliation: Affiliation = raw === "outside" || raw === "direct" ? raw : "all";
      return list(
        repoCollaborators(ctx.org, repo, affiliation).map((c) =>
          collaboratorJson(ctx, c.login, c.permission),
        ),
      );
    },
    { admin: true },
  ),
  "GET /repos/{owner}/{repo}/keys": repoRoute(
    ({ ctx }, repo) =>
      list(
        repo.config.deployKeys.map((k, i) => {
          const id = k.id ?? repo.id * 10 + i;
          return {
            id,
            key: `ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${Buffer.from(`${repo.name}:${k.title}`).toString("base64").slice(0, 43)}`,
            url: `${ctx.baseUrl}/repos/${ctx.org.login}/${repo.name}/keys/${id}`,
            title: k.title,
            verified: true,
            created_at: k.createdAt,
            read_only: k.readOnly,
            added_by: null,
            last_used: null,
            enabled: true,
          };
        }),
      ),
    { admin: true },
  ),
  "GET /repos/{owner}/{repo}/hooks": repoRoute(
    ({ ctx }, repo) =>
      list(
        repo.config.webhooks.map((h, i) =>
          hookJson(
            {
              type: "Repository",
              collectionUrl: `${ctx.baseUrl}/repos/${ctx.org.login}/${repo.name}/hooks`,
              ownerId: repo.id,
              createdAt: repo.config.createdAt,
            },
            h,
            i,
          ),
        ),
      ),
    { admin: true },
  ),
};
