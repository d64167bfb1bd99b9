import type { CheckDefinition, Finding } from "../types";
import { NO_SETTINGS, repoPath } from "../support/settings";
import { api, finding } from "../evidence";
import { fail, pass, unknown, defineCheck } from "../define";

// Judged on archived repositories too: stars, forks and the unarchive event still deliver.

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
    "Give every webhook a secret, an https:// URL and SSL verification on (Settings → Webhooks → Edit).",
  run: (facts) => {
    const hooks = facts.settings?.webhooks;
    if (!hooks)
      return unknown(
        facts.settings ? "Webhooks could not be read (the token needs admin rights)." : NO_SETTINGS,
      );
    const findings: Finding[] = [];
    for (const h of hooks) {
      const problems = [
        ...(h.hasSecret ? [] : ["has no secret, so deliveries are unsigned"]),
        ...(h.insecureSsl ? ["skips TLS certificate verification (insecure_ssl: 1)"] : []),
        ...(h.origin.startsWith("http:") ? ["delivers over plain http"] : []),
      ];
      if (problems.length === 0) continue;
      const config = {
        ...(h.hasSecret ? {} : { secret: "<random secret, also set on the receiver>" }),
        ...(h.insecureSsl ? { insecure_ssl: "0" } : {}),
        ...(h.origin.startsWith("http:") ? { url: `https:${h.origin.slice(5)}/…` } : {}),
      };
      findings.push(
        finding(
          `Webhook ${h.id} to ${h.origin} ${problems.join(" and ")}.`,
          api(`hooks/${h.id}.config`, {
            origin: h.origin,
            insecure_ssl: h.insecureSsl ? "1" : "0",
            secret: h.hasSecret,
          }),
          `Settings → Webhooks → edit the hook to ${h.origin}. REST: \`PATCH ${repoPath(facts)}/hooks/${h.id}/config\` with \`${JSON.stringify(config)}\`.`,
          "high",
          h.active ? undefined : "low",
        ),
      );
    }
    return findings.length
      ? fail(findings)
      : pass([api("hooks", hooks.length)], hooks.length ? undefined : "The repository has no webhooks.");
  },
});
