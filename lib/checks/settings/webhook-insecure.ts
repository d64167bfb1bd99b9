import type { WebhookFacts } from "../../facts/types";
import type { CheckDefinition, Finding } from "../types";
import { NO_SETTINGS, repoPath } from "../support/settings";
import { api, finding } from "../evidence";
import { defineCheck } from "../define";

// Repository and organisation hooks (org hooks deliver every repository's events). Judged
// on archived repositories too: stars, forks and the unarchive event still deliver.

function problemsOf(h: WebhookFacts): string[] {
  return [
    ...(h.hasSecret ? [] : ["has no secret, so deliveries are unsigned"]),
    ...(h.insecureSsl ? ["skips TLS certificate verification (insecure_ssl: 1)"] : []),
    ...(h.origin.startsWith("http:") ? ["delivers over plain http"] : []),
  ];
}

/** `path` is the hooks collection: `/repos/o/r/hooks` or `/orgs/o/hooks`; org evidence is org-level. */
function hookFinding(h: WebhookFacts, path: string, where: string): Finding | null {
  const problems = problemsOf(h);
  if (problems.length === 0) return null;
  const config = {
    ...(h.hasSecret ? {} : { secret: "<random secret, also set on the receiver>" }),
    ...(h.insecureSsl ? { insecure_ssl: "0" } : {}),
    ...(h.origin.startsWith("http:") ? { url: `https:${h.origin.slice(5)}/…` } : {}),
  };
  return finding(
    `${where} webhook ${h.id} to ${h.origin} ${problems.join(" and ")}.`,
    api(`${path.slice(1)}/${h.id}.config`, {
      origin: h.origin,
      insecure_ssl: h.insecureSsl ? "1" : "0",
      secret: h.hasSecret,
    }),
    `${where} settings → Webhooks → edit the hook to ${h.origin}. REST: \`PATCH ${path}/${h.id}/config\` with \`${JSON.stringify(config)}\`.`,
    "high",
    h.active ? undefined : "low",
  );
}

export const webhookInsecure: CheckDefinition = defineCheck({
  id: "webhook-insecure",
  title: "Webhooks are signed and verify TLS",
  category: "secrets",
  severity: "medium",
  from: ["settings"],
  input: "settings",
  rationale:
    "Without a secret the receiver cannot tell GitHub's deliveries from forged ones; with SSL verification off (or a plain http:// URL) anyone on the path can read or alter them.",
  remediation:
    "Give every repository and organisation webhook a secret, an https:// URL and SSL verification on (Settings → Webhooks → Edit).",
  run: (facts) => {
    const hooks = facts.settings?.webhooks;
    if (!hooks)
      return {
        findings: [],
        unknown: facts.settings ? "Webhooks could not be read (the token needs admin rights)." : NO_SETTINGS,
      };
    const org = facts.org;
    const orgHooks = org?.webhooks;
    const findings = [
      ...hooks.map((h) => hookFinding(h, `${repoPath(facts)}/hooks`, "Repository")),
      ...(org && orgHooks
        ? orgHooks.map((h) => hookFinding(h, `/orgs/${org.login}/hooks`, "Organisation"))
        : []),
    ].filter((f): f is Finding => f !== null);
    // A user-owned repository (no org) has no organisation hooks to read.
    const unknown =
      org && !orgHooks
        ? "Organisation webhooks could not be read (the token needs admin:org_hook)."
        : undefined;
    return {
      findings,
      ...(unknown ? { unknown } : {}),
      evidence: [
        api("hooks", hooks.length),
        ...(org && orgHooks ? [api(`orgs/${org.login}/hooks`, orgHooks.length)] : []),
      ],
      ...(hooks.length + (orgHooks?.length ?? 0) === 0 ? { reason: "No webhooks are configured." } : {}),
    };
  },
});
