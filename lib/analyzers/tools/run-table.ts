// Shell commands that scan, sign, attest, generate SBOMs or verify, and when a scanner's
// exit status gates the job. Regexes are anchored on a word and use no nested quantifiers.
import { swallowsFailure, type ToolHit, type ToolKind } from "./kinds";

interface RunRule {
  kind: ToolKind;
  tool: string;
  /** A literal every match of `re` contains: lines without it skip the regex (most lines name no tool). */
  needle: string;
  re: RegExp;
  /** For scanners: does this line fail on findings? (default: yes unless the failure is swallowed) */
  gate?: (line: string) => boolean;
  note?: string;
}

const W = "(?:^|[\\s;&|(`$]|npx\\s|bunx\\s)";

export const RUN_RULES: RunRule[] = [
  {
    kind: "dependency-scan",
    tool: "Trivy",
    needle: "trivy",
    re: new RegExp(`${W}trivy\\s+(image|fs|filesystem|repo|repository|rootfs|sbom|k8s)\\b`),
    gate: (l) => /--exit-code[=\s]+[1-9]/.test(l),
    note: "trivy exits 0 unless --exit-code is set",
  },
  {
    kind: "iac-scan",
    tool: "Trivy config",
    needle: "trivy",
    re: new RegExp(`${W}trivy\\s+(config|conf)\\b`),
    gate: (l) => /--exit-code[=\s]+[1-9]/.test(l),
  },
  {
    kind: "dependency-scan",
    tool: "Grype",
    needle: "grype",
    re: new RegExp(`${W}grype\\s`),
    gate: (l) => /(--fail-on|-f)[=\s]+\w/.test(l),
    note: "grype exits 0 unless --fail-on is set",
  },
  { kind: "dependency-scan", tool: "Snyk", needle: "snyk", re: new RegExp(`${W}snyk\\s+test\\b`) },
  { kind: "sast", tool: "Snyk Code", needle: "snyk", re: new RegExp(`${W}snyk\\s+code\\s+test\\b`) },
  { kind: "iac-scan", tool: "Snyk IaC", needle: "snyk", re: new RegExp(`${W}snyk\\s+iac\\s+test\\b`) },
  {
    kind: "dependency-scan",
    tool: "OSV-Scanner",
    needle: "osv-scanner",
    re: new RegExp(`${W}osv-scanner(\\s|$)`),
  },
  {
    kind: "dependency-scan",
    tool: "npm audit",
    needle: "audit",
    re: new RegExp(`${W}(npm|pnpm|yarn|bun)\\s+audit\\b`),
    gate: (l) => !/--audit-level[=\s]+none/.test(l) && !/\bsignatures\b/.test(l),
  },
  { kind: "dependency-scan", tool: "pip-audit", needle: "pip-audit", re: new RegExp(`${W}pip-audit\\b`) },
  {
    kind: "dependency-scan",
    tool: "Safety",
    needle: "safety",
    re: new RegExp(`${W}safety\\s+(check|scan)\\b`),
  },
  { kind: "dependency-scan", tool: "cargo audit", needle: "cargo", re: new RegExp(`${W}cargo\\s+audit\\b`) },
  {
    kind: "dependency-scan",
    tool: "cargo deny",
    needle: "cargo",
    re: new RegExp(`${W}cargo\\s+deny\\b[^\\n]*\\bcheck\\b`),
  },
  {
    kind: "dependency-scan",
    tool: "govulncheck",
    needle: "govulncheck",
    re: new RegExp(`${W}govulncheck\\b`),
  },
  {
    kind: "dependency-scan",
    tool: "bundler-audit",
    needle: "audit",
    re: new RegExp(`${W}(bundle-audit|bundler-audit|bundle\\s+audit)\\b`),
  },
  {
    kind: "dependency-scan",
    tool: "OWASP Dependency-Check",
    needle: "dependency-check",
    re: /dependency-check(\.sh)?\s|dependency-check:(check|aggregate)/,
    gate: (l) => /failOnCVSS|failBuildOnCVSS/i.test(l),
  },
  {
    kind: "sast",
    tool: "Semgrep",
    needle: "semgrep",
    re: new RegExp(`${W}semgrep\\s+(ci|scan|--config)\\b`),
  },
  {
    kind: "sast",
    tool: "CodeQL CLI",
    needle: "codeql",
    re: new RegExp(`${W}codeql\\s+database\\s+analyze\\b`),
  },
  { kind: "sast", tool: "gosec", needle: "gosec", re: new RegExp(`${W}gosec\\s`) },
  { kind: "sast", tool: "Bandit", needle: "bandit", re: new RegExp(`${W}bandit\\s`) },
  { kind: "sast", tool: "Brakeman", needle: "brakeman", re: new RegExp(`${W}brakeman\\b`) },
  {
    kind: "sast",
    tool: "SonarScanner",
    needle: "sonar",
    re: new RegExp(
      `${W}(sonar-scanner|sonar:sonar|sonarqube-scanner|dotnet[\\s-]+sonarscanner)\\b|gradlew?\\s[^\\n]*\\bsonar(qube)?\\b`,
    ),
  },
  { kind: "sast", tool: "Qodana", needle: "qodana", re: new RegExp(`${W}qodana\\s+scan\\b`) },
  { kind: "sast", tool: "Pysa", needle: "pyre", re: new RegExp(`${W}pyre\\s[^\\n]*\\banalyze\\b`) },
  { kind: "sast", tool: "njsscan", needle: "njsscan", re: new RegExp(`${W}njsscan\\b`) },
  {
    kind: "secret-scan",
    tool: "Gitleaks",
    needle: "gitleaks",
    re: new RegExp(`${W}gitleaks\\s+(detect|protect|git|dir)\\b`),
  },
  { kind: "secret-scan", tool: "TruffleHog", needle: "trufflehog", re: new RegExp(`${W}trufflehog\\s`) },
  {
    kind: "secret-scan",
    tool: "ggshield",
    needle: "ggshield",
    re: new RegExp(`${W}ggshield\\s+secret\\s+scan\\b`),
  },
  { kind: "secret-scan", tool: "secretlint", needle: "secretlint", re: new RegExp(`${W}secretlint\\b`) },
  {
    kind: "secret-scan",
    tool: "detect-secrets",
    needle: "detect-secrets",
    re: new RegExp(`${W}detect-secrets(-hook)?\\s`),
  },
  { kind: "iac-scan", tool: "tfsec", needle: "tfsec", re: new RegExp(`${W}tfsec(\\s|$)`) },
  { kind: "iac-scan", tool: "Checkov", needle: "checkov", re: new RegExp(`${W}checkov\\s`) },
  {
    kind: "iac-scan",
    tool: "kube-score",
    needle: "kube-score",
    re: new RegExp(`${W}kube-score\\s+score\\b`),
  },
  {
    kind: "iac-scan",
    tool: "Conftest",
    needle: "conftest",
    re: new RegExp(`${W}conftest\\s+(test|verify)\\b`),
  },
  { kind: "iac-scan", tool: "Terrascan", needle: "terrascan", re: new RegExp(`${W}terrascan\\s+scan\\b`) },
  { kind: "iac-scan", tool: "KICS", needle: "kics", re: new RegExp(`${W}kics\\s+scan\\b`) },
  { kind: "iac-scan", tool: "Kubescape", needle: "kubescape", re: new RegExp(`${W}kubescape\\s+scan\\b`) },
  {
    kind: "iac-scan",
    tool: "kube-linter",
    needle: "kube-linter",
    re: new RegExp(`${W}kube-linter\\s+lint\\b`),
  },
  {
    kind: "signing",
    tool: "cosign",
    needle: "cosign",
    re: new RegExp(`${W}cosign\\s+(sign|sign-blob|attest|attest-blob)\\b`),
  },
  { kind: "signing", tool: "Notation", needle: "notation", re: new RegExp(`${W}notation\\s+sign\\b`) },
  {
    kind: "signing",
    tool: "GPG detached signature",
    needle: "gpg",
    re: new RegExp(`${W}gpg2?\\s[^\\n]*--(detach-sign|detach-sig|clearsign)\\b`),
  },
  {
    kind: "signing",
    tool: "npm provenance",
    needle: "--provenance",
    re: new RegExp(`${W}(npm|pnpm)\\s+publish\\b[^\\n]*--provenance\\b`),
  },
  {
    kind: "provenance",
    tool: "npm provenance",
    needle: "--provenance",
    re: new RegExp(`${W}(npm|pnpm)\\s+publish\\b[^\\n]*--provenance\\b`),
  },
  {
    kind: "provenance",
    tool: "cosign attest (SLSA)",
    needle: "cosign",
    re: new RegExp(`${W}cosign\\s+attest\\b[^\\n]*slsaprovenance`),
  },
  {
    kind: "provenance",
    tool: "buildx provenance",
    needle: "--provenance",
    re: new RegExp(`${W}docker\\s+(buildx\\s+)?build\\b[^\\n]*--provenance(=(true|mode=)|\\s+(true|mode=))`),
  },
  {
    kind: "sbom",
    tool: "buildx SBOM",
    needle: "--sbom",
    re: new RegExp(`${W}docker\\s+(buildx\\s+)?build\\b[^\\n]*--sbom(=true|\\s+true)`),
  },
  { kind: "sbom", tool: "Syft", needle: "syft", re: new RegExp(`${W}syft\\s`) },
  { kind: "sbom", tool: "cdxgen", needle: "cdxgen", re: new RegExp(`${W}cdxgen\\b`) },
  {
    kind: "sbom",
    tool: "CycloneDX",
    needle: "cyclonedx",
    re: new RegExp(
      `${W}(cyclonedx-npm|cyclonedx-py|cyclonedx-gomod|cyclonedx)\\b|cyclonedx:make(Aggregate)?Bom`,
    ),
  },
  {
    kind: "sbom",
    tool: "Trivy SBOM",
    needle: "trivy",
    re: new RegExp(`${W}trivy\\s[^\\n]*--format[=\\s]+(cyclonedx|spdx)`),
  },
  { kind: "sbom", tool: "sbom-tool", needle: "sbom-tool", re: new RegExp(`${W}sbom-tool\\s+generate\\b`) },
  {
    kind: "verify",
    tool: "cosign verify",
    needle: "cosign",
    re: new RegExp(`${W}cosign\\s+(verify|verify-attestation|verify-blob|verify-blob-attestation)\\b`),
  },
  {
    kind: "verify",
    tool: "gh attestation verify",
    needle: "attestation",
    re: new RegExp(`${W}gh\\s+attestation\\s+verify\\b`),
  },
  {
    kind: "verify",
    tool: "slsa-verifier",
    needle: "slsa-verifier",
    re: new RegExp(`${W}slsa-verifier\\s+verify`),
  },
  {
    kind: "verify",
    tool: "Notation verify",
    needle: "notation",
    re: new RegExp(`${W}notation\\s+verify\\b`),
  },
];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** One pass over the line for every rule's needle before any rule's own regex runs. */
const ANY_NEEDLE = new RegExp([...new Set(RUN_RULES.map((r) => r.needle))].map(escape).join("|"));

export function runHits(line: string, continueOnError: boolean): ToolHit[] {
  if (line.length > 20_000) return [];
  if (!ANY_NEEDLE.test(line)) return [];
  const text = line.replace(/^\s*#.*$/, "");
  if (text.trim() === "") return [];
  const out: ToolHit[] = [];
  for (const r of RUN_RULES) {
    if (!text.includes(r.needle) || !r.re.test(text)) continue;
    const scanner =
      r.kind === "dependency-scan" || r.kind === "sast" || r.kind === "secret-scan" || r.kind === "iac-scan";
    let gate = true;
    let note: string | undefined;
    if (scanner) {
      if (r.gate && !r.gate(text)) [gate, note] = [false, r.note ?? "no failing threshold is set"];
      else if (swallowsFailure(text))
        [gate, note] = [false, "the command's failure is swallowed (`|| true`)"];
      else if (continueOnError) [gate, note] = [false, "the step has continue-on-error"];
    }
    out.push(
      note === undefined
        ? { kind: r.kind, tool: r.tool, gate, confidence: "high" }
        : { kind: r.kind, tool: r.tool, gate, note, confidence: "high" },
    );
  }
  return out;
}
