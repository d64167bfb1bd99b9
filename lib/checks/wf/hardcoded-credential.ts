import type { RepoFacts } from "../../facts/types";
import { isSecretScanTarget, scanSecrets, type SecretScan } from "../../analyzers/secrets/scan-secrets";
import { maskSecret } from "../../analyzers/secrets/mask";
import type { CheckDefinition, Finding } from "../types";
import { workflowsOf } from "../support/workflows-of";
import { fileEvidence } from "../evidence";
import { defineCheck } from "../define";

const scans = new WeakMap<RepoFacts, SecretScan>();

export const hardcodedCredential: CheckDefinition = defineCheck({
  id: "hardcoded-credential",
  title: "No credentials in workflow or config files",
  category: "secrets",
  severity: "critical",
  from: ["wf", "files"],
  rationale:
    "A credential committed to the repository is readable by everyone with read access, forever in history, and by every fork of a public repository.",
  remediation:
    "Revoke and rotate the credential, move it to an (environment) secret, reference it as `${{ secrets.NAME }}`, and purge it from history.",
  async prepare(facts) {
    scans.set(facts, await scanSecrets(facts.files));
  },
  input: "repository",
  run(facts) {
    const findings: Finding[] = [];
    const wfs = workflowsOf(facts);
    for (const wf of wfs.workflows) {
      for (const job of wf.jobs) {
        const refs = [
          ["container", job.container] as const,
          ...Object.entries(job.services).map(([n, s]) => [`service ${n}`, s] as const),
        ];
        for (const [where, c] of refs) {
          const pw = c?.credentialsPassword;
          if (!pw || pw.expressions.length > 0 || pw.value.trim() === "") continue;
          const line = (wf.lines[pw.pos.line - 1] ?? "").replace(pw.value, maskSecret(pw.value)).trim();
          findings.push({
            message: `Job \`${job.id}\` ${where} has a literal credentials.password.`,
            evidence: fileEvidence(wf.path, pw.pos.line, line),
            remediation: `Rotate that password, store it as a secret and change line ${pw.pos.line} to \`password: \${{ secrets.REGISTRY_PASSWORD }}\`.`,
            confidence: "high",
          });
        }
      }
    }
    const scan = scans.get(facts);
    const unknown: string[] = [];
    if (!scan)
      unknown.push("secretlint did not run for this scan (the runner must await the check's prepare step).");
    for (const h of scan?.hits ?? []) {
      findings.push({
        message: `${h.messageId} (${h.ruleId.replace("@secretlint/secretlint-rule-", "")}) found: ${h.masked}.`,
        evidence: { kind: "file", file: h.file, line: h.line, column: h.column, snippet: h.snippet },
        remediation: `Revoke and rotate the credential at line ${h.line} of ${h.file}, replace it with a secret reference (e.g. \`\${{ secrets.NAME }}\` in workflows, an environment variable elsewhere), and remove it from git history.`,
        confidence: "high",
      });
    }
    // A cut file was scanned as far as it goes: its findings stand, but it cannot pass.
    const cut = facts.files
      .filter((f) => f.truncated && isSecretScanTarget(f.path))
      .map((f) => ({ path: f.path, reason: "file was truncated by GitHub" }));
    const failures = [...wfs.failures, ...(scan?.skipped ?? []), ...cut];
    const evidence = (scan?.scanned ?? [])
      .slice(0, 50)
      .map((p) => fileEvidence(p, 1, "scanned with secretlint (recommended rules)"));
    return {
      findings,
      failures,
      unknown,
      evidence,
      notApplicable:
        scan && scan.scanned.length === 0 && wfs.total === 0
          ? "No workflow or configuration file to scan."
          : undefined,
    };
  },
});
