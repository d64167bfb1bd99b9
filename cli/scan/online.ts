// `gatehouse scan` online mode: with a token, ask GitHub about the actions the checkout's
// workflows use, through the same fetchers sync uses (one in-memory ETag store per run).
import { createGitHubClient } from "@/lib/github/client";
import { MemoryEtagStore } from "@/lib/github/rest/etag-store";
import type { RepoFile } from "@/lib/facts/types";
import { fetchActionFacts, type ActionFacts } from "@/lib/sync/github/action-facts";
import type { ScanFlags } from "./args";
import { UsageError } from "./usage-error";

export async function onlineActionFacts(
  flags: Pick<ScanFlags, "githubToken" | "githubApiUrl">,
  files: readonly RepoFile[],
): Promise<ActionFacts | null> {
  if (!flags.githubToken) return null;
  const client = await createGitHubClient({
    credentials: { kind: "token", token: flags.githubToken },
    baseUrl: flags.githubApiUrl,
    etagStore: new MemoryEtagStore(),
    // A scan is interactive: fail fast rather than wait out a long rate-limit window.
    maxRateLimitWaitSeconds: 10,
  });
  try {
    return await fetchActionFacts(client, files);
  } catch (error) {
    const status = (error as { status?: unknown }).status;
    // The token itself is never echoed: only GitHub's status and the URL it was sent to.
    if (status === 401)
      throw new UsageError(`--github-token: ${flags.githubApiUrl} answered 401 (bad or expired token)`);
    throw error;
  }
}
