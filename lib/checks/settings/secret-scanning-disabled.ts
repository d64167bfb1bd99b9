import type { CheckDefinition } from "../types";
import { NO_SETTINGS, repoPath } from "../support/settings";
import { api, finding } from "../evidence";
import { fail, pass, unknown, defineCheck } from "../define";

export const secretScanningDisabled: CheckDefinition = defineCheck({
  id: "secret-scanning-disabled",
  title: "Secret scanning and push protection are on",
  category: "secrets",
  severity: "high",
  from: ["settings"],
  input: "live-settings",
  rationale:
    "Secret scanning finds credentials already committed; push protection blocks new ones before they land. With either off, a leaked token is found by an attacker first. (Private repositories need GitHub Secret Protection.)",
  remediation:
    "Enable secret scanning and push protection for the repository (or through the organisation's security configuration).",
  run: (facts) => {
    const security = facts.settings?.security;
    if (!security)
      return unknown(
        facts.settings ? "The repository's security_and_analysis settings could not be read." : NO_SETTINGS,
      );
    const base = `security_and_analysis`;
    const parts = [
      { key: "secret_scanning", label: "Secret scanning", value: security.secretScanning },
      {
        key: "secret_scanning_push_protection",
        label: "Push protection",
        value: security.secretScanningPushProtection,
      },
    ];
    const off = parts.filter((p) => p.value === false);
    if (off.length > 0) {
      const body = {
        security_and_analysis: Object.fromEntries(off.map((p) => [p.key, { status: "enabled" }])),
      };
      return fail(
        off.map((p) =>
          finding(
            `${p.label} is disabled.`,
            api(`${base}.${p.key}.status`, "disabled"),
            `Settings → Code security → Secret Protection → enable "${p.label === "Secret scanning" ? "Secret scanning" : "Push protection"}". REST: \`PATCH ${repoPath(facts)}\` with \`${JSON.stringify(body)}\`.`,
          ),
        ),
      );
    }
    if (parts.some((p) => p.value === null))
      return unknown("Secret scanning or push protection status is not visible to the token.");
    return pass(parts.map((p) => api(`${base}.${p.key}.status`, "enabled")));
  },
});
