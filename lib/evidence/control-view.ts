// Per-control status of every repository: the auditor's view and the pack's summary.
// A repository's status for a control is the worst of its mapped checks' statuses:
// one failing check fails the control; an unknown is never counted as pass or fail.
import type { Control, Framework } from "./frameworks/schema";
import type { EvidenceRepo, EvidenceResult, RepoStatuses, ResultStatus, ResultStatusOnly } from "./input";

const RANK: Record<ResultStatus, number> = {
  fail: 4,
  unknown: 3,
  exception: 2,
  pass: 1,
  "not-applicable": 0,
};

export interface RepoControlStatus<R extends ResultStatusOnly = EvidenceResult> {
  repo: string;
  team: string | null;
  critical: boolean;
  status: ResultStatus;
  /** The mapped checks' results that decided it (all mapped checks the repo has). */
  checks: R[];
}

export interface ControlSummary {
  id: string;
  title: string;
  checks: string[];
  /** Finer ids inside the control the checks speak to (CIS recommendations), if mapped. */
  recommendations: string[];
  /** Where the control's ids were checked, if they were. */
  verifiedAgainst: string | null;
  counts: Record<ResultStatus, number>;
  /** Overall verdict: fail if any repo fails, unknown if any unknown, else pass (or n/a). */
  status: ResultStatus;
}

export function emptyCounts(): Record<ResultStatus, number> {
  return { pass: 0, fail: 0, unknown: 0, "not-applicable": 0, exception: 0 };
}

export function worst(statuses: Iterable<ResultStatus>): ResultStatus {
  let out: ResultStatus = "not-applicable";
  for (const s of statuses) if (RANK[s] > RANK[out]) out = s;
  return out;
}

/** Takes a full repository (the control view) or one of statuses only (the pack's report). */
export function repoStatusFor<R extends ResultStatusOnly>(
  control: Control,
  repo: Omit<RepoStatuses, "results"> & { results: readonly R[] },
): RepoControlStatus<R> {
  const wanted = new Set(control.checks);
  const checks = repo.results.filter((r) => wanted.has(r.check));
  return {
    repo: repo.fullName,
    team: repo.team ?? null,
    critical: repo.critical,
    status: worst(checks.map((c) => c.status)),
    checks,
  };
}

function summaryOf(control: Control, counts: Record<ResultStatus, number>): ControlSummary {
  const status: ResultStatus =
    counts.fail > 0
      ? "fail"
      : counts.unknown > 0
        ? "unknown"
        : counts.exception > 0
          ? "exception"
          : counts.pass > 0
            ? "pass"
            : "not-applicable";
  return {
    id: control.id,
    title: control.title,
    checks: control.checks,
    recommendations: control.recommendations ?? [],
    verifiedAgainst: control.verifiedAgainst ?? null,
    counts,
    status,
  };
}

export function summariseControl(control: Control, repos: readonly EvidenceRepo[]): ControlSummary {
  const counts = emptyCounts();
  for (const repo of repos) counts[repoStatusFor(control, repo).status] += 1;
  return summaryOf(control, counts);
}

/** Per-control counts added page by page: a pack summarises without holding every repository. */
export function createFrameworkTally(framework: Framework) {
  const counts = framework.controls.map(() => emptyCounts());
  return {
    add(repos: readonly RepoStatuses[]) {
      for (const repo of repos)
        framework.controls.forEach((c, i) => (counts[i]![repoStatusFor(c, repo).status] += 1));
    },
    summaries: (): ControlSummary[] => framework.controls.map((c, i) => summaryOf(c, { ...counts[i]! })),
  };
}

export function summariseFramework(framework: Framework, repos: readonly EvidenceRepo[]): ControlSummary[] {
  const tally = createFrameworkTally(framework);
  tally.add(repos);
  return tally.summaries();
}
