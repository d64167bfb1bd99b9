import { commentTag } from "@/lib/checks/support/action-repos";
import type { ActionRepoFacts, RepoFile } from "@/lib/facts/types";
import type { GitHubClient } from "@/lib/github/client";
import { classifyGitHubError } from "@/lib/github/errors";
import { getOrNull, listOrNull } from "./rest-get";

// The action repositories behind `uses:` references, for impostor-commit,
// pin-comment-mismatch and archived-action. Each distinct repository is read once per
// sync (the cache lives on the sync context and spans batches; ETags make a re-read a
// free 304): the repository (archived, default branch), its tags (one page of 100: pin
// comments name recent releases, and a pinned SHA that is a tag's commit is reachable),
// then one compare per pinned SHA that is not a tag's commit. Only when that compare
// says the SHA is not behind the default branch are the other branches tried, as
// zizmor's impostor-commit does (after chainguard-dev/clank).

const USES =
  /^\s*(?:-\s*)?uses:\s*["']?([A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+)(?:\/[^@\s"']*)?@([^\s"'#]+)["']?[ \t]*(?:#[ \t]*([^\r\n]*))?/gm;
const FULL_SHA = /^[0-9a-f]{40}$/i;

/** What the workflows of some repositories ask about one action repository. */
export interface ActionRepoWants {
  shas: Set<string>;
  tags: Set<string>;
}

/** `owner/repo` (lower case) → the SHAs pinned and tags commented in workflow and action files. */
export function actionRepoWants(files: readonly RepoFile[]): Map<string, ActionRepoWants> {
  const out = new Map<string, ActionRepoWants>();
  for (const f of files) {
    if (!f.text || !/(^|\/)(\.github\/workflows\/[^/]+|action\.ya?ml)$/.test(f.path)) continue;
    for (const m of f.text.matchAll(USES)) {
      const [, ownerRepo, ref, comment] = m;
      if (!ownerRepo || !ref || ref.length > 200) continue;
      const key = ownerRepo.toLowerCase();
      const w = out.get(key) ?? { shas: new Set(), tags: new Set() };
      out.set(key, w);
      if (!FULL_SHA.test(ref)) continue;
      w.shas.add(ref.toLowerCase());
      // The same reading of the comment as the check's, so the tag asked for is the one judged.
      const tag = commentTag(comment);
      if (tag) w.tags.add(tag);
    }
  }
  return out;
}

/** Per-sync memo of what was read, so each repository, tag list and SHA costs one look-up. */
export interface ActionRepoCache {
  repos: Map<string, Promise<{ archived: boolean; defaultBranch: string } | null>>;
  tags: Map<string, Promise<Map<string, string> | null>>;
  branches: Map<string, Promise<Map<string, string> | null>>;
  shas: Map<string, Promise<boolean | null>>;
}

export const newActionRepoCache = (): ActionRepoCache => ({
  repos: new Map(),
  tags: new Map(),
  branches: new Map(),
  shas: new Map(),
});

/** Beyond these, a batch leaves the rest undecided (unknown) so the REST budget holds. */
const MAX_REPOS = 100;
const MAX_OTHER_BRANCHES = 10;

function memo<T>(map: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> {
  let p = map.get(key);
  if (!p) {
    p = load();
    map.set(key, p);
  }
  return p;
}

/** Everything the wanted repositories need, as facts keyed `owner/repo` (lower case). */
export async function resolveActionRepos(
  client: GitHubClient,
  wants: Map<string, ActionRepoWants>,
  cache: ActionRepoCache,
): Promise<Record<string, ActionRepoFacts>> {
  const { octokit } = client;
  const entries = [...wants.entries()].sort(([a], [b]) => a.localeCompare(b)).slice(0, MAX_REPOS);
  const out: Record<string, ActionRepoFacts> = {};
  await Promise.all(
    entries.map(async ([key, want]) => {
      const [owner, repo] = key.split("/") as [string, string];
      const p = { owner, repo };
      const info = await memo(cache.repos, key, async () => {
        const r = (await getOrNull(octokit, "GET /repos/{owner}/{repo}", p)) as {
          archived?: unknown;
          default_branch?: unknown;
        } | null;
        return r && typeof r.archived === "boolean" && typeof r.default_branch === "string"
          ? { archived: r.archived, defaultBranch: r.default_branch }
          : null;
      });
      const facts: ActionRepoFacts = { archived: info?.archived ?? null, commits: {}, tags: {} };
      out[key] = facts;
      if (!info || (want.shas.size === 0 && want.tags.size === 0)) return;
      const tags = await memo(cache.tags, key, async () =>
        refHeads(await octokitFirstPage(client, "GET /repos/{owner}/{repo}/tags", p)),
      );
      for (const tag of want.tags) if (tags) facts.tags[tag] = tags.get(tag) ?? null;
      const tagShas = new Set(tags?.values() ?? []);
      await Promise.all(
        [...want.shas].map(async (sha) => {
          facts.commits[sha] = tagShas.has(sha)
            ? true
            : await memo(cache.shas, `${key}@${sha}`, () =>
                reachable(client, p, info.defaultBranch, sha, () =>
                  memo(cache.branches, key, () => listBranches(client, p)),
                ),
              );
        }),
      );
    }),
  );
  return out;
}

/** The first page (100) only: listing every tag of a busy action would cost more than it tells. */
async function octokitFirstPage(
  client: GitHubClient,
  route: string,
  params: Record<string, string>,
): Promise<unknown[] | null> {
  const data = await getOrNull(client.octokit, route, { ...params, per_page: 100 });
  return Array.isArray(data) ? data : null;
}

/**
 * Name → commit SHA (lower case) of a tags or branches listing (both are `{ name, commit:
 * { sha } }`); entries of another shape are skipped. Null when the listing was unreadable.
 */
function refHeads(list: unknown[] | null): Map<string, string> | null {
  if (!list) return null;
  const out = new Map<string, string>();
  for (const ref of list as Array<{ name?: unknown; commit?: { sha?: unknown } }>)
    if (typeof ref.name === "string" && typeof ref.commit?.sha === "string")
      out.set(ref.name, ref.commit.sha.toLowerCase());
  return out;
}

/** Branch → head commit (lower case), or null when unreadable. */
async function listBranches(
  client: GitHubClient,
  p: { owner: string; repo: string },
): Promise<Map<string, string> | null> {
  return refHeads(await listOrNull(client.octokit, "GET /repos/{owner}/{repo}/branches", p));
}

/** True: a branch reaches the SHA; false: no branch does; null: could not tell. */
async function reachable(
  client: GitHubClient,
  p: { owner: string; repo: string },
  defaultBranch: string,
  sha: string,
  branchesOf: () => Promise<Map<string, string> | null>,
): Promise<boolean | null> {
  const behind = async (base: string): Promise<boolean | null> => {
    try {
      const res = await client.octokit.request("GET /repos/{owner}/{repo}/compare/{basehead}", {
        ...p,
        basehead: `${base}...${sha}`,
        per_page: 1,
      });
      return res.data.status === "behind" || res.data.status === "identical";
    } catch (error) {
      // 404: GitHub knows no such commit in this repository's network.
      if (classifyGitHubError(error) === "not_found") return false;
      if (classifyGitHubError(error) === "permission") return null;
      throw error;
    }
  };
  const onDefault = await behind(defaultBranch);
  if (onDefault !== false) return onDefault;
  const branches = await branchesOf();
  if (!branches) return null;
  const others = [...branches].filter(([name]) => name !== defaultBranch);
  if (others.some(([, head]) => head === sha)) return true;
  for (const [name] of others.slice(0, MAX_OTHER_BRANCHES)) if (await behind(name)) return true;
  return others.length > MAX_OTHER_BRANCHES ? null : false;
}

/** One repository's share of the resolved facts: only the SHAs and tags its own workflows name. */
export function actionReposFor(
  resolved: Record<string, ActionRepoFacts>,
  wants: Map<string, ActionRepoWants>,
): Record<string, ActionRepoFacts> {
  const out: Record<string, ActionRepoFacts> = {};
  for (const [key, w] of wants) {
    const r = resolved[key];
    if (!r) continue;
    const pick = <T>(from: Record<string, T>, keys: Set<string>) =>
      Object.fromEntries([...keys].filter((k) => k in from).map((k) => [k, from[k] as T]));
    out[key] = { archived: r.archived, commits: pick(r.commits, w.shas), tags: pick(r.tags, w.tags) };
  }
  return out;
}
