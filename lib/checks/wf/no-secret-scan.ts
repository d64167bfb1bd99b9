import type { CheckDefinition, Evidence, Finding } from "../types";
import { presenceCheck } from "../support/scanners";
import { defineCheck, verdictOf } from "../define";

export const noSecretScan: CheckDefinition = defineCheck({
  id: "no-secret-scan",
  title: "Secrets are scanned for",
  category: "supply-chain",
  severity: "medium",
  from: ["wf", "settings"],
  rationale:
    "Leaked credentials are found by attackers within minutes of a push: GitHub secret scanning or a CI scanner catches them first.",
  remediation:
    "Enable GitHub secret scanning (Settings → Code security) or run TruffleHog/Gitleaks/ggshield in CI.",
  input: "repository",
  run(facts, ctx) {
    const ghs = facts.settings?.security?.secretScanning;
    const evidenceApi: Evidence = {
      kind: "api",
      field: "settings.security.secretScanning",
      value: ghs ?? null,
    };
    if (ghs === true) return { findings: [], evidence: [evidenceApi] };
    const wfOutcome = wfSecretScan.run(facts, ctx);
    if (wfOutcome.status === "pass") return verdictOf(wfOutcome);
    if (ghs === false) {
      const f: Finding = {
        message: "GitHub secret scanning is off and no CI step scans for secrets.",
        evidence: evidenceApi,
        remediation:
          "Enable secret scanning and push protection (Settings → Code security, or `PATCH /repos/{owner}/{repo}` with security_and_analysis.secret_scanning.status=enabled), or add a TruffleHog/Gitleaks job.",
        confidence: "high",
      };
      return { findings: [f, ...wfOutcome.findings], evidence: [evidenceApi] };
    }
    return {
      findings: [],
      evidence: [evidenceApi],
      unknown: `No CI secret scanner found, and whether GitHub secret scanning is on is not known${wfOutcome.reason ? ` (${wfOutcome.reason})` : ""}.`,
    };
  },
});

const wfSecretScan = presenceCheck("secret-scan", {
  id: "no-secret-scan",
  title: "",
  severity: "medium",
  rationale: "",
  remediation: "",
  message: "No CI step scans for secrets.",
  block: `  secrets:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@<sha> # v4
        with: { fetch-depth: 0 }
      - uses: trufflesecurity/trufflehog@<sha> # v3
        with: { extra_args: --only-verified }`,
});
