import type { RepoFile } from "@/lib/facts/types";
import type { GitHubClient } from "@/lib/github/client";
import { getOrNull } from "./rest-get";

// Tag/branch → commit SHA for the actions workflows reference by a mutable ref, so the
// unpinned-action remediation can name the exact SHA to pin. One request per distinct
// owner/repo@ref per batch (cached per sync context), capped so the REST budget holds.

const USES = /^\s*(?:-\s*)?uses:\s*["']?([A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+)(?:\/[^@\s"']*)?@([^\s"'#]+)/gm;
const FULL_SHA = /^[0-9a-f]{40}$/i;

/** Distinct `owner/repo@ref` keys of non-SHA `uses:` references in workflow and action files. */
export function actionRefsIn(files: readonly RepoFile[]): string[] {
  const out = new Set<string>();
  for (const f of files) {
    if (!f.text || !/(^|\/)(\.github\/workflows\/[^/]+|action\.ya?ml)$/.test(f.path)) continue;
    for (const m of f.text.matchAll(USES)) {
      const [, ownerRepo, ref] = m;
      if (!ownerRepo || !ref || FULL_SHA.test(ref) || ref.length > 200) continue;
      out.add(`${ownerRepo}@${ref}`);
    }
  }
  return [...out].sort();
}

const MAX_REFS_PER_BATCH = 100;

/** Resolves keys through GET /repos/{owner}/{repo}/commits/{ref}; unresolvable keys are cached as null. */
export async function resolveActionRefs(
  client: GitHubClient,
  keys: readonly string[],
  cache: Map<string, string | null>,
): Promise<void> {
  const todo = keys.filter((k) => !cache.has(k)).slice(0, MAX_REFS_PER_BATCH);
  await Promise.all(
    todo.map(async (key) => {
      const at = key.lastIndexOf("@");
      const [owner, repo] = key.slice(0, at).split("/");
      const data = (await getOrNull(client.octokit, "GET /repos/{owner}/{repo}/commits/{ref}", {
        owner,
        repo,
        ref: key.slice(at + 1),
      }).catch(() => null)) as { sha?: unknown } | null;
      cache.set(
        key,
        typeof data?.sha === "string" && FULL_SHA.test(data.sha) ? data.sha.toLowerCase() : null,
      );
    }),
  );
}

/** The resolved subset for one repository's keys (undefined when none resolved). */
export function shasFor(
  keys: readonly string[],
  cache: Map<string, string | null>,
): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  for (const k of keys) {
    const sha = cache.get(k);
    if (sha) out[k] = sha;
  }
  return Object.keys(out).length ? out : undefined;
}
