import type { GitHubClient } from "@/lib/github/client";
import { classifyGitHubError } from "@/lib/github/errors";
import type { OrgPart } from "@/lib/facts/assemble";
import type { NormaliseIssue } from "@/lib/sync/normalise/issues";
import { normaliseActionAdvisories } from "@/lib/sync/normalise/advisories";
import { groupAlertsByRepo, normaliseOrgSecrets, normaliseOrgSettings } from "@/lib/sync/normalise/org";
import { normaliseActionsSettings, normaliseWebhooks } from "@/lib/sync/normalise/settings";
import { fetchActionAdvisories } from "./fetch-advisories";
import { getOrNull, listOrNull } from "./rest-get";

// Organisation-wide facts: a handful of conditional requests per sync, whatever the
// number of repositories. Alerts are read org-wide (2 paged lists) rather than per repo.

/** Alerts are an extra: when GitHub cannot serve them (GHES without the feature…), they are unknown. */
async function optional<T>(
  p: Promise<T | null>,
  subject: string,
  sink: (i: NormaliseIssue) => void,
): Promise<T | null> {
  try {
    return await p;
  } catch (error) {
    if (classifyGitHubError(error) === "rate_limited") throw error;
    sink({
      kind: "value_invalid",
      subject,
      reason: `not available: ${error instanceof Error ? error.message.slice(0, 200) : "error"}`,
    });
    return null;
  }
}

export async function fetchOrgPart(
  client: GitHubClient,
  org: string,
): Promise<{ part: OrgPart; issues: NormaliseIssue[] }> {
  const { octokit } = client;
  const issues: NormaliseIssue[] = [];
  const sink = (i: NormaliseIssue) => issues.length < 200 && issues.push(i);
  const p = { org };
  const [orgRaw, permissions, workflow, secrets, hooks, secretAlerts, dependabotAlerts, advisories] =
    await Promise.all([
      getOrNull(octokit, "GET /orgs/{org}", p),
      getOrNull(octokit, "GET /orgs/{org}/actions/permissions", p),
      getOrNull(octokit, "GET /orgs/{org}/actions/permissions/workflow", p),
      listOrNull(octokit, "GET /orgs/{org}/actions/secrets", p, "secrets"),
      listOrNull(octokit, "GET /orgs/{org}/hooks", p),
      optional(
        listOrNull(octokit, "GET /orgs/{org}/secret-scanning/alerts", { ...p, state: "open" }),
        "secret scanning alerts",
        sink,
      ),
      optional(
        listOrNull(octokit, "GET /orgs/{org}/dependabot/alerts", { ...p, state: "open" }),
        "dependabot alerts",
        sink,
      ),
      optional(fetchActionAdvisories(client), "action advisories", sink),
    ]);
  const selectedActions =
    (permissions as { allowed_actions?: string } | null)?.allowed_actions === "selected"
      ? await getOrNull(octokit, "GET /orgs/{org}/actions/permissions/selected-actions", p)
      : null;

  const selected = new Map<string, string[] | null>();
  const selectedNames = ((secrets ?? []) as Array<{ name?: unknown; visibility?: unknown }>)
    .filter((s) => s.visibility === "selected" && typeof s.name === "string")
    .map((s) => s.name as string);
  await Promise.all(
    selectedNames.map(async (name) => {
      const repos = await listOrNull(
        octokit,
        "GET /orgs/{org}/actions/secrets/{secret_name}/repositories",
        { ...p, secret_name: name },
        "repositories",
      );
      selected.set(
        name,
        repos
          ? repos.flatMap((r) =>
              typeof (r as { name?: unknown }).name === "string" ? [(r as { name: string }).name] : [],
            )
          : null,
      );
    }),
  );

  const actions = normaliseActionsSettings(permissions, selectedActions, workflow, sink);
  const part: OrgPart = {
    settings: {
      ...normaliseOrgSettings(org, orgRaw, actions, sink),
      webhooks: normaliseWebhooks(hooks, sink),
    },
    secrets: normaliseOrgSecrets(secrets && { secrets }, selected, sink),
    alerts: groupAlertsByRepo(secretAlerts, dependabotAlerts, sink),
    actionAdvisories: normaliseActionAdvisories(advisories, sink),
  };
  return { part, issues };
}
