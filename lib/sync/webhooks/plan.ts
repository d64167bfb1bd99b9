import { z } from "zod";

// Which webhook deliveries trigger which resync. Pure: the payload in, a plan out.
// Pushes matter only when they touch files sync reads on the default branch; settings
// events (protection, rulesets, keys, collaborators, alerts, packages, releases) resync
// the repository they name, or the whole organisation when they name none.

export type WebhookPlan =
  | { action: "ignore"; reason: string }
  | { action: "resync"; organizationLogin: string; kind: "targeted"; targets: string[]; reason: string }
  | { action: "resync"; organizationLogin: string; kind: "incremental"; targets: []; reason: string };

const repoSchema = z.object({
  node_id: z.string(),
  name: z.string(),
  default_branch: z.string().optional(),
  owner: z.object({ login: z.string() }),
});
const payloadSchema = z.object({
  action: z.string().optional(),
  ref: z.string().optional(),
  repository: repoSchema.optional(),
  organization: z.object({ login: z.string() }).optional(),
  commits: z
    .array(
      z.object({
        added: z.array(z.string()).default([]),
        modified: z.array(z.string()).default([]),
        removed: z.array(z.string()).default([]),
      }),
    )
    .optional(),
});

const WATCHED_FILES = [
  /^\.github\/workflows\//,
  /^(\.github\/|docs\/)?CODEOWNERS$/,
  /^\.github\/dependabot\.ya?ml$/,
  /^(\.github\/)?renovate\.json5?$/,
  /^\.renovaterc(\.json)?$/,
  /(^|\/)(Dockerfile|Containerfile)[^/]*$/,
  /^(action\.ya?ml|package\.json|pyproject\.toml|requirements\.txt|go\.mod|Cargo\.toml|Gemfile|composer\.json)$/,
  /(^|\/)(package-lock\.json|yarn\.lock|pnpm-lock\.yaml|poetry\.lock|uv\.lock|go\.sum|Cargo\.lock|Gemfile\.lock|composer\.lock)$/,
];

const SETTINGS_EVENTS = new Set([
  "branch_protection_rule",
  "repository_ruleset",
  "deploy_key",
  "member",
  "team",
  "team_add",
  "registry_package",
  "package",
  "release",
  "secret_scanning_alert",
  "dependabot_alert",
  "code_scanning_alert",
  "repository_vulnerability_alert",
  "security_and_analysis",
  "environment",
]);

export function planWebhook(event: string, rawPayload: unknown): WebhookPlan {
  const parsed = payloadSchema.safeParse(rawPayload);
  if (!parsed.success) return { action: "ignore", reason: "payload not understood" };
  const p = parsed.data;
  const org = p.organization?.login ?? p.repository?.owner.login;
  if (!org) return { action: "ignore", reason: "no organisation in payload" };
  const repo = p.repository;
  const targeted = (reason: string): WebhookPlan =>
    repo
      ? { action: "resync", organizationLogin: org, kind: "targeted", targets: [repo.node_id], reason }
      : { action: "resync", organizationLogin: org, kind: "incremental", targets: [], reason };

  if (event === "ping") return { action: "ignore", reason: "ping" };
  if (event === "push") {
    if (!repo || !p.ref || p.ref !== `refs/heads/${repo.default_branch ?? ""}`)
      return { action: "ignore", reason: "push to a non-default branch" };
    const paths = (p.commits ?? []).flatMap((c) => [...c.added, ...c.modified, ...c.removed]);
    // GitHub caps `commits` at 20; a capped or empty list could hide a watched file.
    const capped = (p.commits ?? []).length >= 20 || paths.length === 0;
    if (!capped && !paths.some((f) => WATCHED_FILES.some((re) => re.test(f))))
      return { action: "ignore", reason: "push touched no file sync reads" };
    return targeted("push touching watched files");
  }
  if (event === "repository") {
    // Deletions and transfers change the listing itself: let the listing find them.
    if (p.action === "deleted" || p.action === "transferred")
      return {
        action: "resync",
        organizationLogin: org,
        kind: "incremental",
        targets: [],
        reason: `repository ${p.action}`,
      };
    return targeted(`repository ${p.action ?? "changed"}`);
  }
  if (event === "organization" || event === "membership")
    return { action: "resync", organizationLogin: org, kind: "incremental", targets: [], reason: event };
  if (SETTINGS_EVENTS.has(event)) return targeted(event);
  return { action: "ignore", reason: `event ${event} does not affect facts` };
}
