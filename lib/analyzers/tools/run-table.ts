// Shell commands that scan, sign, attest, generate SBOMs or verify, and when a scanner's
// exit status gates the job. Regexes are anchored on a word and use no nested quantifiers.
import { swallowsFailure, type ToolHit, type ToolKind } from "./kinds";

interface RunRule {
  kind: ToolKind;
  tool: string;
  re: RegExp;
  /** For scanners: does this line fail on findings? (default: yes unless the failure is swallowed) */
  gate?: (line: string) => boolean;
  note?: string;
}

const W = "(?:^|[\\s;&|(`$]|npx\\s|bunx\\s)";

export const RUN_RULES: RunRule[] = [
  { kind: "dependency-scan", tool: "Trivy", re: new RegExp(`${W}trivy\\s+(image|fs|filesystem|repo|repository|rootfs|sbom|k8s)\\b`), gate: (l) => /--exit-code[=\s]+[1-9]/.test(l), note: "trivy exits 0 unless --exit-code is set" },
  { kind: "iac-scan", tool: "Trivy config", re: new RegExp(`${W}trivy\\s+(config|conf)\\b`), gate: (l) => /--exit-code[=\s]+[1-9]/.test(l) },
  { kind: "dependency-scan", tool: "Grype", re: new RegExp(`${W}grype\\s`), gate: (l) => /(--fail-on|-f)[=\s]+\w/.test(l), note: "grype exits 0 unless --fail-on is set" },
  { kind: "dependency-scan", tool: "Snyk", re: new RegExp(`${W}snyk\\s+test\\b`) },
  { kind: "sast", tool: "Snyk Code", re: new RegExp(`${W}snyk\\s+code\\s+test\\b`) },
  { kind: "iac-scan", tool: "Snyk IaC", re: new RegExp(`${W}snyk\\s+iac\\s+test\\b`) },
  { kind: "dependency-scan", tool: "OSV-Scanner", re: new RegExp(`${W}osv-scanner(\\s|$)`) },
  { kind: "dependency-scan", tool: "npm audit", re: new RegExp(`${W}(npm|pnpm|yarn|bun)\\s+audit\\b`), gate: (l) => !/--audit-level[=\s]+none/.test(l) && !/\bsignatures\b/.test(l) },
  { kind: "dependency-scan", tool: "pip-audit", re: new RegExp(`${W}pip-audit\\b`) },
  { kind: "dependency-scan", tool: "Safety", re: new RegExp(`${W}safety\\s+(check|scan)\\b`) },
  { kind: "dependency-scan", tool: "cargo audit", re: new RegExp(`${W}cargo\\s+audit\\b`) },
  { kind: "dependency-scan", tool: "cargo deny", re: new RegExp(`${W}cargo\\s+deny\\b[^\\n]*\\bcheck\\b`) },
  { kind: "dependency-scan", tool: "govulncheck", re: new RegExp(`${W}govulncheck\\b`) },
  { kind: "dependency-scan", tool: "bundler-audit", re: new RegExp(`${W}(bundle-audit|bundler-audit|bundle\\s+audit)\\b`) },
  { kind: "dependency-scan", tool: "OWASP Dependency-Check", re: /dependency-check(\.sh)?\s|dependency-check:(check|aggregate)/, gate: (l) => /failOnCVSS|failBuildOnCVSS/i.test(l) },
  { kind: "sast", tool: "Semgrep", re: new RegExp(`${W}semgrep\\s+(ci|scan|--config)\\b`) },
  { kind: "sast", tool: "CodeQL CLI", re: new RegExp(`${W}codeql\\s+database\\s+analyze\\b`) },
  { kind: "sast", tool: "gosec", re: new RegExp(`${W}gosec\\s`) },
  { kind: "sast", tool: "Bandit", re: new RegExp(`${W}bandit\\s`) },
  { kind: "sast", tool: "Brakeman", re: new RegExp(`${W}brakeman\\b`) },
  { kind: "sast", tool: "SonarScanner", re: new RegExp(`${W}(sonar-scanner|sonar:sonar)\\b`) },
  { kind: "sast", tool: "njsscan", re: new RegExp(`${W}njsscan\\b`) },
  { kind: "secret-scan", tool: "Gitleaks", re: new RegExp(`${W}gitleaks\\s+(detect|protect|git|dir)\\b`) },
  { kind: "secret-scan", tool: "TruffleHog", re: new RegExp(`${W}trufflehog\\s`) },
  { kind: "secret-scan", tool: "ggshield", re: new RegExp(`${W}ggshield\\s+secret\\s+scan\\b`) },
  { kind: "secret-scan", tool: "secretlint", re: new RegExp(`${W}secretlint\\b`) },
  { kind: "secret-scan", tool: "detect-secrets", re: new RegExp(`${W}detect-secrets(-hook)?\\s`) },
  { kind: "iac-scan", tool: "tfsec", re: new RegExp(`${W}tfsec(\\s|$)`) },
  { kind: "iac-scan", tool: "Checkov", re: new RegExp(`${W}checkov\\s`) },
  { kind: "iac-scan", tool: "kube-score", re: new RegExp(`${W}kube-score\\s+score\\b`) },
  { kind: "iac-scan", tool: "Conftest", re: new RegExp(`${W}conftest\\s+(test|verify)\\b`) },
  { kind: "iac-scan", tool: "Terrascan", re: new RegExp(`${W}terrascan\\s+scan\\b`) },
  { kind: "iac-scan", tool: "KICS", re: new RegExp(`${W}kics\\s+scan\\b`) },
  { kind: "iac-scan", tool: "Kubescape", re: new RegExp(`${W}kubescape\\s+scan\\b`) },
  { kind: "iac-scan", tool: "kube-linter", re: new RegExp(`${W}kube-linter\\s+lint\\b`) },
  { kind: "signing", tool: "cosign", re: new RegExp(`${W}cosign\\s+(sign|sign-blob|attest|attest-blob)\\b`) },
  { kind: "signing", tool: "Notation", re: new RegExp(`${W}notation\\s+sign\\b`) },
  { kind: "signing", tool: "GPG detached signature", re: new RegExp(`${W}gpg2?\\s[^\\n]*--(detach-sign|detach-sig|clearsign)\\b`) },
  { kind: "signing", tool: "npm provenance", re: new RegExp(`${W}(npm|pnpm)\\s+publish\\b[^\\n]*--provenance\\b`) },
  { kind: "provenance", tool: "npm provenance", re: new RegExp(`${W}(npm|pnpm)\\s+publish\\b[^\\n]*--provenance\\b`) },
  { kind: "provenance", tool: "cosign attest (SLSA)", re: new RegExp(`${W}cosign\\s+attest\\b[^\\n]*slsaprovenance`) },
  { kind: "provenance", tool: "buildx provenance", re: new RegExp(`${W}docker\\s+(buildx\\s+)?build\\b[^\\n]*--provenance(=(true|mode=)|\\s+(true|mode=))`) },
  { kind: "sbom", tool: "buildx SBOM", re: new RegExp(`${W}docker\\s+(buildx\\s+)?build\\b[^\\n]*--sbom(=true|\\s+true)`) },
  { kind: "sbom", tool: "Syft", re: new RegExp(`${W}syft\\s`) },
  { kind: "sbom", tool: "cdxgen", re: new RegExp(`${W}cdxgen\\b`) },
  { kind: "sbom", tool: "CycloneDX", re: new RegExp(`${W}(cyclonedx-npm|cyclonedx-py|cyclonedx-gomod|cyclonedx)\\b|cyclonedx:make(Aggregate)?Bom`) },
  { kind: "sbom", tool: "Trivy SBOM", re: new RegExp(`${W}trivy\\s[^\\n]*--format[=\\s]+(cyclonedx|spdx)`) },
  { kind: "sbom", tool: "sbom-tool", re: new RegExp(`${W}sbom-tool\\s+generate\\b`) },
  { kind: "verify", tool: "cosign verify", re: new RegExp(`${W}cosign\\s+(verify|verify-attestation|verify-blob|verify-blob-attestation)\\b`) },
  { kind: "verify", tool: "gh attestation verify", re: new RegExp(`${W}gh\\s+attestation\\s+verify\\b`) },
  { kind: "verify", tool: "slsa-verifier", re: new RegExp(`${W}slsa-verifier\\s+verify`) },
  { kind: "verify", tool: "Notation verify", re: new RegExp(`${W}notation\\s+verify\\b`) },
];

export function runHits(line: string, continueOnError: boolean): ToolHit[] {
  if (line.length > 20_000) return [];
  const text = line.replace(/^\s*#.*$/, "");
  if (text.trim() === "") return [];
  const out: ToolHit[] = [];
  for (const r of RUN_RULES) {
    if (!r.re.test(text)) continue;
    const scanner = r.kind === "dependency-scan" || r.kind === "sast" || r.kind === "secret-scan" || r.kind === "iac-scan";
    let gate = true;
    let note: string | undefined;
    if (scanner) {
      if (r.gate && !r.gate(text)) [gate, note] = [false, r.note ?? "no failing threshold is set"];
      else if (swallowsFailure(text)) [gate, note] = [false, "the command's failure is swallowed (`|| true`)"];
      else if (continueOnError) [gate, note] = [false, "the step has continue-on-error"];
    }
    out.push(note === undefined ? { kind: r.kind, tool: r.tool, gate, confidence: "high" } : { kind: r.kind, tool: r.tool, gate, note, confidence: "high" });
  }
  return out;
}
