import type { Octokit } from "octokit";
import { classifyGitHubError } from "@/lib/github/errors";

// REST reads where "forbidden" and "absent" are answers, not failures: a token without
// admin rights gets 403 on Actions settings, a repo without environments may 404. Those
// become null (the fact is unknown); anything else (rate limit, 5xx after retries,
// timeouts) propagates so the batch fails whole and is retried.

export async function getOrNull(
  octokit: Octokit,
  route: string,
  params: Record<string, unknown>,
): Promise<unknown> {
  try {
    const res = await octokit.request(route, params);
    return res.data;
  } catch (error) {
    const kind = classifyGitHubError(error);
    if (kind === "permission" || kind === "not_found") return null;
    throw error;
  }
}

/** All pages of a list endpoint (per_page 100), or null when forbidden/absent. */
export async function listOrNull(
  octokit: Octokit,
  route: string,
  params: Record<string, unknown>,
  key?: string,
): Promise<unknown[] | null> {
  try {
    const out: unknown[] = [];
    for await (const page of octokit.paginate.iterator(route, { ...params, per_page: 100 })) {
      const data = page.data as unknown;
      // paginate normalises wrapped lists ({total_count, secrets:[…]}) into arrays.
      if (Array.isArray(data)) out.push(...data);
      else if (
        key &&
        data &&
        typeof data === "object" &&
        Array.isArray((data as Record<string, unknown>)[key])
      )
        out.push(...((data as Record<string, unknown[]>)[key] ?? []));
    }
    return out;
  } catch (error) {
    const kind = classifyGitHubError(error);
    if (kind === "permission" || kind === "not_found") return null;
    throw error;
  }
}
