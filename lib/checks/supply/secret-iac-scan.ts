// no-secret-scan (CI scanner or GitHub secret scanning) and iac-unscanned (IaC files
// present, no IaC scanner in CI).
import { hasIac, iacPresence } from "../../analyzers/k8s/iac-presence";
import type { CheckDefinition, Evidence, Finding } from "../types";
import { allPaths, k8sOf } from "./common";
import { presenceCheck } from "./scanners";

export const noSecretScan: CheckDefinition = {
  id: "no-secret-scan",
  title: "Secrets are scanned for",
  category: "supply-chain",
  severity: "medium",
  from: ["wf", "settings"],
  rationale:
    "Leaked credentials are found by attackers within minutes of a push: GitHub secret scanning or a CI scanner catches them first.",
  remediation:
    "Enable GitHub secret scanning (Settings → Code security) or run TruffleHog/Gitleaks/ggshield in CI.",
  run(facts, ctx) {
    const ghs = facts.settings?.security?.secretScanning;
    const evidenceApi: Evidence = {
      kind: "api",
      field: "settings.security.secretScanning",
      value: ghs ?? null,
    };
    if (ghs === true) return { status: "pass", findings: [], evidence: [evidenceApi] };
    const wfOutcome = wfSecretScan.run(facts, ctx);
    if (wfOutcome.status === "pass") return wfOutcome;
    if (ghs === false) {
      const f: Finding = {
        message: "GitHub secret scanning is off and no CI step scans for secrets.",
        evidence: evidenceApi,
        remediation:
          "Enable secret scanning and push protection (Settings → Code security, or `PATCH /repos/{owner}/{repo}` with security_and_analysis.secret_scanning.status=enabled), or add a TruffleHog/Gitleaks job.",
        confidence: "high",
      };
      return { status: "fail", findings: [f, ...wfOutcome.findings], evidence: [evidenceApi] };
    }
    return {
      status: "unknown",
      findings: [],
      evidence: [evidenceApi],
      reason: `No CI secret scanner found, and whether GitHub secret scanning is on is not known${wfOutcome.reason ? ` (${wfOutcome.reason})` : ""}.`,
    };
  },
};

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

export const iacUnscanned: CheckDefinition = {
  id: "iac-unscanned",
  title: "Infrastructure code is scanned",
  category: "supply-chain",
  severity: "low",
  from: ["wf", "files"],
  rationale:
    "Terraform, Kubernetes and Helm files define production: a misconfiguration scanner catches public buckets, privileged pods and open security groups before apply.",
  remediation: "Run Checkov, tfsec, Trivy config, kube-score or Conftest over the IaC directories in CI.",
  run(facts, ctx) {
    const k8s = k8sOf(facts).files.map((f) => f.path);
    const iac = iacPresence(allPaths(facts), k8s);
    if (!hasIac(iac))
      return {
        status: "not-applicable",
        findings: [],
        reason: "No Terraform, Kubernetes or Helm files found.",
      };
    const inner = iacScan.run(facts, ctx);
    const kinds = [
      iac.terraform.length && "Terraform",
      iac.kubernetes.length && "Kubernetes",
      iac.helm.length && "Helm",
    ]
      .filter(Boolean)
      .join(", ");
    const example = [...iac.terraform, ...iac.helm, ...iac.kubernetes][0] ?? "";
    if (inner.status === "not-applicable") {
      return {
        status: "fail",
        findings: [
          {
            message: `${kinds} files exist (e.g. ${example}) but there is no CI workflow to scan them.`,
            evidence: { kind: "file", file: example, line: 1, snippet: "" },
            remediation:
              "Add a workflow that runs `checkov -d .` (or `trivy config --exit-code 1 .`) on pull requests.",
            confidence: "high",
          },
        ],
      };
    }
    if (inner.status === "fail")
      return {
        ...inner,
        findings: inner.findings.map((f) => ({
          ...f,
          message: `${kinds} files exist (e.g. ${example}) but no IaC scanner runs in CI.`,
        })),
      };
    return inner;
  },
};

const iacScan = presenceCheck("iac-scan", {
  id: "iac-unscanned",
  title: "",
  severity: "low",
  rationale: "",
  remediation: "",
  message: "No IaC scanner runs in CI.",
  block: `  iac-scan:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@<sha> # v4
      - uses: bridgecrewio/checkov-action@<sha> # v12
        with: { directory: . }`,
});
