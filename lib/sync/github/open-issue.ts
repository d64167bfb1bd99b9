import { createGitHubClient } from "@/lib/github/client";
import { RequestStats } from "@/lib/github/stats";
import { loadConnection } from "../connection";
import type { SyncDb } from "../persist/db";

// Opens an issue in one of the organisation's repositories through its configured
// connection (token or App), with the same octokit client sync uses. The only write
// Gatehouse makes to GitHub, and only when a person asks for it.

export interface OpenedIssue {
  number: number;
  htmlUrl: string;
}

export async function openGitHubIssue(
  db: SyncDb,
  key: Buffer,
  organizationId: string,
  issue: { owner: string; repo: string; title: string; body: string },
): Promise<OpenedIssue> {
  const conn = await loadConnection(db, key, organizationId);
  if (!conn) throw new Error("the organisation has no GitHub connection");
  const client = await createGitHubClient({
    credentials: conn.credentials,
    baseUrl: conn.baseUrl,
    stats: new RequestStats(),
    // A write is not retried blindly: a timeout could otherwise open the issue twice.
    retries: 0,
  });
  const { data } = await client.octokit.rest.issues.create({
    owner: issue.owner,
    repo: issue.repo,
    title: issue.title,
    body: issue.body,
  });
  return { number: data.number, htmlUrl: data.html_url };
}
