// The tabular evidence files: findings (one row per repository and mapped check) and
// scores (one row per repository), each as JSON and CSV. Async generators over pages of
// repositories, so a pack for 10,000 repositories streams instead of building one string
// or holding every repository.
import type { Framework } from "./frameworks/schema";
import { csvRow } from "./csv";
import type { EvidenceRepo, RepoStatuses } from "./input";

type Pages = AsyncIterable<readonly EvidenceRepo[]>;
type StatusPages = AsyncIterable<readonly RepoStatuses[]>;

/** check id → ids of the framework's controls it evidences */
export function controlsByCheck(framework: Framework): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const c of framework.controls)
    for (const check of c.checks) out.set(check, [...(out.get(check) ?? []), c.id]);
  return out;
}

const FINDING_COLUMNS = [
  "repository",
  "team",
  "critical",
  "check",
  "controls",
  "severity",
  "status",
  "reason",
  "findings",
  "evidence",
  "exception_id",
  "exception_justification",
  "exception_approver",
  "exception_expires",
] as const;

function findingRows(repo: EvidenceRepo, byCheck: Map<string, string[]>) {
  return repo.results
    .filter((r) => byCheck.has(r.check))
    .map((r) => ({
      repository: repo.fullName,
      team: repo.team ?? null,
      critical: repo.critical,
      check: r.check,
      controls: byCheck.get(r.check)!,
      severity: r.severity,
      status: r.status,
      reason: r.reason ?? null,
      findings: r.findings,
      evidence: r.evidence,
      exception: r.exception ?? null,
    }));
}

export async function* findingsJson(pages: Pages, framework: Framework): AsyncGenerator<string> {
  const byCheck = controlsByCheck(framework);
  yield "[";
  let first = true;
  for await (const page of pages)
    for (const repo of page)
      for (const row of findingRows(repo, byCheck)) {
        yield `${first ? "\n" : ",\n"}${JSON.stringify(row)}`;
        first = false;
      }
  yield "\n]\n";
}

export async function* findingsCsv(pages: Pages, framework: Framework): AsyncGenerator<string> {
  const csv = findingsCsvLines(framework);
  yield csv.header;
  for await (const page of pages) for (const repo of page) yield* csv.rows(repo);
}

/**
 * findingsCsv in parts: its header, then each repository's rows. The pack builder writes
 * findings.csv from the same pages it reads for findings.json, so it needs the rows as
 * the pages go past rather than as a walk of their own.
 */
export function findingsCsvLines(framework: Framework) {
  const byCheck = controlsByCheck(framework);
  return {
    header: csvRow(FINDING_COLUMNS),
    *rows(repo: EvidenceRepo): Generator<string> {
      for (const r of findingRows(repo, byCheck))
        yield csvRow([
          r.repository,
          r.team,
          r.critical,
          r.check,
          r.controls.join(" "),
          r.severity,
          r.status,
          r.reason,
          r.findings
            .map((f) => `${f.suppressed ? "[suppressed] " : ""}${f.message} @ ${f.location}`)
            .join(" | "),
          r.evidence.join(" | "),
          r.exception?.id,
          r.exception?.justification,
          r.exception?.approver,
          r.exception?.expiresAt,
        ]);
    },
  };
}

function scoreRow(repo: RepoStatuses) {
  const count = (s: string) => repo.results.filter((r) => r.status === s).length;
  return {
    repository: repo.fullName,
    team: repo.team ?? null,
    critical: repo.critical,
    overall: repo.score.overall,
    grade: repo.score.grade,
    coverage: repo.score.coverage,
    pass: count("pass"),
    fail: count("fail"),
    unknown: count("unknown"),
    exception: count("exception"),
    notApplicable: count("not-applicable"),
    policyVersion: repo.policyVersion,
    scoredAt: repo.scoredAt,
    factsSyncedAt: repo.factsSyncedAt,
  };
}

export async function* scoresJson(pages: StatusPages): AsyncGenerator<string> {
  yield "[";
  let first = true;
  for await (const page of pages)
    for (const repo of page) {
      yield `${first ? "\n" : ",\n"}${JSON.stringify(scoreRow(repo))}`;
      first = false;
    }
  yield "\n]\n";
}

const SCORE_COLUMNS = [
  "repository",
  "team",
  "critical",
  "overall",
  "grade",
  "coverage",
  "pass",
  "fail",
  "unknown",
  "exception",
  "notApplicable",
  "policyVersion",
  "scoredAt",
  "factsSyncedAt",
] as const satisfies ReadonlyArray<keyof ReturnType<typeof scoreRow>>;

export async function* scoresCsv(pages: StatusPages): AsyncGenerator<string> {
  yield csvRow(SCORE_COLUMNS);
  for await (const page of pages)
    for (const repo of page) {
      const row = scoreRow(repo);
      yield csvRow(SCORE_COLUMNS.map((c) => row[c]));
    }
}
