// Actions (`uses:`) that scan, sign, attest or generate SBOMs, and how to tell a gate.
import { isActionOrSubpath, type ToolHit, type ToolKind } from "./kinds";

type With = Record<string, string>;
interface ActionRule {
  action: string;
  hits(w: With): ToolHit[];
}

const off = (v: string | undefined) => v !== undefined && /^(false|0|no|off)$/i.test(v.trim());
const on = (v: string | undefined) => v !== undefined && /^(true|1|yes|on)$/i.test(v.trim());
const hit = (
  kind: ToolKind,
  tool: string,
  gate = true,
  note?: string,
  confidence: ToolHit["confidence"] = "high",
): ToolHit =>
  note === undefined ? { kind, tool, gate, confidence } : { kind, tool, gate, note, confidence };
const plain = (kind: ToolKind, tool: string) => () => [hit(kind, tool)];

function trivy(w: With): ToolHit[] {
  const scanType = (w["scan-type"] ?? "image").toLowerCase();
  const exit = (w["exit-code"] ?? "0").trim();
  const gate = exit !== "0" && exit !== "";
  const format = (w.format ?? "").toLowerCase();
  const out: ToolHit[] = [];
  if (format === "cyclonedx" || format.startsWith("spdx")) out.push(hit("sbom", "Trivy SBOM"));
  else if (scanType === "config")
    out.push(hit("iac-scan", "Trivy config", gate, gate ? undefined : "exit-code is 0"));
  else {
    out.push(
      hit(
        "dependency-scan",
        "Trivy",
        gate,
        gate ? undefined : "trivy-action's exit-code is 0 (the default), so findings never fail the job",
      ),
    );
    if (scanType === "fs" || scanType === "repo") {
      const scanners = (w.scanners ?? "vuln,secret").toLowerCase();
      if (scanners.includes("misconfig")) out.push(hit("iac-scan", "Trivy misconfig", gate));
      if (scanners.includes("secret")) out.push(hit("secret-scan", "Trivy secret", gate));
    }
  }
  return out;
}

const ACTION_RULES: ActionRule[] = [
  { action: "aquasecurity/trivy-action", hits: trivy },
  {
    action: "anchore/scan-action",
    hits: (w) => [
      off(w["fail-build"])
        ? hit("dependency-scan", "Grype", false, "fail-build is false")
        : hit("dependency-scan", "Grype"),
    ],
  },
  {
    action: "actions/dependency-review-action",
    hits: (w) => [
      on(w["warn-only"])
        ? hit("dependency-scan", "dependency-review-action", false, "warn-only is true")
        : hit("dependency-scan", "dependency-review-action"),
    ],
  },
  {
    action: "google/osv-scanner-action",
    hits: (w) => [
      off(w["fail-on-vuln"])
        ? hit("dependency-scan", "OSV-Scanner", false, "fail-on-vuln is false")
        : hit("dependency-scan", "OSV-Scanner"),
    ],
  },
  {
    action: "snyk/actions",
    hits: (w) => [
      /monitor/i.test(w.command ?? "")
        ? hit("dependency-scan", "Snyk", false, "snyk monitor only reports")
        : /code/i.test(w.command ?? "")
          ? hit("sast", "Snyk Code")
          : /iac/i.test(w.command ?? "")
            ? hit("iac-scan", "Snyk IaC")
            : hit("dependency-scan", "Snyk"),
    ],
  },
  { action: "pypa/gh-action-pip-audit", hits: plain("dependency-scan", "pip-audit") },
  { action: "rustsec/audit-check", hits: plain("dependency-scan", "cargo audit") },
  { action: "embarkstudios/cargo-deny-action", hits: plain("dependency-scan", "cargo deny") },
  { action: "golang/govulncheck-action", hits: plain("dependency-scan", "govulncheck") },
  {
    action: "dependency-check/dependency-check_action",
    hits: (w) => [
      /failOnCVSS/i.test(w.args ?? "")
        ? hit("dependency-scan", "OWASP Dependency-Check")
        : hit("dependency-scan", "OWASP Dependency-Check", false, "no --failOnCVSS threshold"),
    ],
  },
  { action: "github/codeql-action/analyze", hits: plain("sast", "CodeQL") },
  { action: "github/codeql-action/init", hits: plain("sast", "CodeQL") },
  { action: "returntocorp/semgrep-action", hits: plain("sast", "Semgrep") },
  { action: "semgrep/semgrep-action", hits: plain("sast", "Semgrep") },
  { action: "sonarsource/sonarcloud-github-action", hits: plain("sast", "SonarCloud") },
  { action: "sonarsource/sonarqube-scan-action", hits: plain("sast", "SonarQube") },
  { action: "securego/gosec", hits: plain("sast", "gosec") },
  { action: "pycqa/bandit-action", hits: plain("sast", "Bandit") },
  { action: "mdegis/bandit-action", hits: plain("sast", "Bandit") },
  { action: "bearer/bearer-action", hits: plain("sast", "Bearer") },
  { action: "trufflesecurity/trufflehog", hits: plain("secret-scan", "TruffleHog") },
  { action: "gitleaks/gitleaks-action", hits: plain("secret-scan", "Gitleaks") },
  { action: "zricethezav/gitleaks-action", hits: plain("secret-scan", "Gitleaks") },
  { action: "gitguardian/ggshield-action", hits: plain("secret-scan", "ggshield") },
  { action: "gitguardian/ggshield/actions/secret", hits: plain("secret-scan", "ggshield") },
  { action: "secretlint/secretlint-action", hits: plain("secret-scan", "secretlint") },
  { action: "aquasecurity/tfsec-action", hits: plain("iac-scan", "tfsec") },
  { action: "aquasecurity/tfsec-sarif-action", hits: plain("iac-scan", "tfsec") },
  { action: "bridgecrewio/checkov-action", hits: plain("iac-scan", "Checkov") },
  { action: "checkmarx/kics-github-action", hits: plain("iac-scan", "KICS") },
  { action: "tenable/terrascan-action", hits: plain("iac-scan", "Terrascan") },
  { action: "stackrox/kube-linter-action", hits: plain("iac-scan", "kube-linter") },
  { action: "kubescape/github-action", hits: plain("iac-scan", "Kubescape") },
  { action: "instrumenta/conftest-action", hits: plain("iac-scan", "Conftest") },
  {
    action: "actions/attest-build-provenance",
    hits: () => [
      hit("provenance", "attest-build-provenance"),
      hit("signing", "attest-build-provenance (Sigstore-signed attestation)"),
    ],
  },
  {
    action: "actions/attest-sbom",
    hits: () => [hit("sbom", "attest-sbom"), hit("signing", "attest-sbom (Sigstore-signed attestation)")],
  },
  {
    action: "actions/attest",
    hits: (w) => [
      hit(
        /slsa|provenance/i.test(w["predicate-type"] ?? "") ? "provenance" : "sbom",
        "actions/attest",
        true,
        undefined,
        "medium",
      ),
      hit("signing", "actions/attest"),
    ],
  },
  {
    action: "slsa-framework/slsa-github-generator",
    hits: () => [hit("provenance", "SLSA generator"), hit("signing", "SLSA generator")],
  },
  { action: "sigstore/gh-action-sigstore-python", hits: plain("signing", "sigstore-python") },
  { action: "anchore/sbom-action", hits: plain("sbom", "Syft (sbom-action)") },
  { action: "cyclonedx/gh-node-module-generatebom", hits: plain("sbom", "CycloneDX") },
  { action: "cyclonedx/gh-gomod-generate-sbom", hits: plain("sbom", "CycloneDX") },
  { action: "microsoft/sbom-action", hits: plain("sbom", "Microsoft SBOM tool") },
  { action: "docker/build-push-action", hits: (w) => buildPush(w) },
  {
    action: "pypa/gh-action-pypi-publish",
    hits: (w) =>
      off(w.attestations)
        ? []
        : [
            hit(
              "provenance",
              "PyPI attestations (PEP 740)",
              true,
              "gh-action-pypi-publish uploads signed attestations by default",
            ),
            hit("signing", "PyPI attestations"),
          ],
  },
];

function buildPush(w: With): ToolHit[] {
  const out: ToolHit[] = [];
  const prov = w.provenance;
  // The implicit mode=min provenance is unsigned and minimal: only an explicit setting counts.
  if (prov !== undefined && !off(prov)) out.push(hit("provenance", "buildx provenance"));
  if (w.sbom !== undefined && !off(w.sbom)) out.push(hit("sbom", "buildx SBOM"));
  return out;
}

export function actionHits(action: string, w: With): ToolHit[] {
  const rule = ACTION_RULES.find((r) => isActionOrSubpath(action, r.action));
  return rule ? rule.hits(w) : [];
}
