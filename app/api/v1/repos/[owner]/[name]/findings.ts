import type { ResultView } from "@/lib/server/scores/get-repo-score";

/**
 * Findings as the API lists them: every finding of a failing check, and suppressed
 * findings of any check (a fail whose findings are all suppressed is stored as a pass,
 * but the accepted risk stays visible). A failure without findings becomes one row with
 * the catalogue's fix. firstSeenAt stays null until finding lifetimes are stored.
 */
export function repoFindings(results: ResultView[]) {
  return results
    .filter((r) => r.status === "fail" || r.findings.some((f) => f.suppressed))
    .flatMap((r) => {
      const findings = r.findings.length
        ? r.findings
        : [
            {
              message: r.title,
              remediation: r.catalogueRemediation,
              evidence: null,
              severity: undefined,
              suppressed: undefined,
            },
          ];
      return findings.map((f) => ({
        check: r.checkId,
        status: f.suppressed ? ("suppressed" as const) : ("fail" as const),
        severity: f.severity ?? r.severity,
        file: f.evidence?.kind === "file" ? f.evidence.file : null,
        line: f.evidence?.kind === "file" ? f.evidence.line : null,
        setting: f.evidence?.kind === "api" ? f.evidence.field : null,
        message: f.message,
        remediation: f.remediation,
        firstSeenAt: null,
      }));
    });
}
