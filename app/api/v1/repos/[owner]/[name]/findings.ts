import type { ResultView } from "@/lib/server/scores/get-repo-score";

/** An open finding's lifetime, as the repository's history lists it. */
export interface OpenLifetime {
  checkId: string;
  location: string;
  line: number | null;
  firstSeenAt: Date;
}

const key = (checkId: string, location: string, line: number | null) =>
  `${checkId}\u0000${location}\u0000${line ?? ""}`;

/**
 * Findings as the API lists them: every finding of a failing check, and suppressed
 * findings of any check (a fail whose findings are all suppressed is stored as a pass,
 * but the accepted risk stays visible). A failure without findings becomes one row with
 * the catalogue's fix. firstSeenAt comes from the finding's lifetime (matched by check,
 * file or setting, and line as of the latest scoring); null for an accepted (suppressed)
 * finding and for an organisation setting, whose lifetime is the organisation's.
 */
export function repoFindings(results: ResultView[], open: OpenLifetime[] = []) {
  const firstSeen = new Map(open.map((o) => [key(o.checkId, o.location, o.line), o.firstSeenAt]));
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
      return findings.map((f) => {
        const location = !f.evidence
          ? "check"
          : f.evidence.kind === "file"
            ? `file:${f.evidence.file}`
            : `api:${f.evidence.field}`;
        const line = f.evidence?.kind === "file" ? f.evidence.line : null;
        const seen = f.suppressed ? undefined : firstSeen.get(key(r.checkId, location, line));
        return {
          check: r.checkId,
          status: f.suppressed ? ("suppressed" as const) : ("fail" as const),
          severity: f.severity ?? r.severity,
          file: f.evidence?.kind === "file" ? f.evidence.file : null,
          line: f.evidence?.kind === "file" ? f.evidence.line : null,
          setting: f.evidence?.kind === "api" ? f.evidence.field : null,
          message: f.message,
          remediation: f.remediation,
          firstSeenAt: seen?.toISOString() ?? null,
        };
      });
    });
}
