// One repository's score from its stored facts: the org's share merged in exactly as
// sync assembles it, every check run (async, for secretlint), then scored. Pure apart
// from the async runner: no database, and the clock comes in as `now`, so the same
// facts, policy and clock always give the same row.
import { runChecksAsync } from "../checks/run-checks";
import type { CheckResult, Policy } from "../checks/types";
import type { RepoFacts } from "../facts/types";
import { makeCheckContext } from "../policy/index";
import { effectiveStatus, scoreResults, type Grade } from "./index";
import { assembleRepoFacts, type OrgPart } from "../facts/assemble";
import { isOrgLevel } from "../checks/org-level";

export interface RepoScoreRow {
  repositoryId: string;
  policyVersion: number;
  factsSyncedAt: Date;
  results: CheckResult[];
  identity: number | null;
  secrets: number | null;
  supplyChain: number | null;
  integrity: number | null;
  changeControl: number | null;
  overall: number | null;
  grade: Grade | null;
  coverage: number;
  checksTotal: number;
  checksPass: number;
  checksFail: number;
  checksNotApplicable: number;
  checksUnknown: number;
  checksSuppressed: number;
  failingCritical: number;
  failingHigh: number;
}

export interface StoredSnapshot {
  repositoryId: string;
  /** With it, findings are fingerprinted and instance-scoped exceptions apply. */
  organizationId?: string;
  facts: RepoFacts;
  syncedAt: Date;
}

export async function computeRepoScore(
  snapshot: StoredSnapshot,
  org: OrgPart | null,
  policy: { version: number; policy: Policy },
  now: Date,
): Promise<RepoScoreRow> {
  const facts = assembleRepoFacts(snapshot.facts, org);
  const scope = snapshot.organizationId
    ? { repositoryId: snapshot.repositoryId, organizationId: snapshot.organizationId }
    : undefined;
  const ctx = makeCheckContext(policy.policy, `${facts.owner}/${facts.name}`, now, scope);
  // A JSON round trip drops `undefined` members, so the row equals what Postgres returns.
  const results = JSON.parse(JSON.stringify(await runChecksAsync(facts, ctx))) as CheckResult[];
  const scores = scoreResults(results, policy.policy);
  // Org settings (org-2fa, base permission, the org's Actions policy) are the organisation's
  // findings, counted once on the overview: a check failing only through them is not a
  // failing check of this repository in these counts (the score still includes it).
  const repoLevel = (r: CheckResult) =>
    r.findings.length === 0 || r.findings.some((f) => !f.suppressed && !isOrgLevel(f.evidence));
  const failing = (severity: CheckResult["severity"]) =>
    results.filter((r) => r.severity === severity && effectiveStatus(r) === "fail" && repoLevel(r)).length;
  return {
    repositoryId: snapshot.repositoryId,
    policyVersion: policy.version,
    factsSyncedAt: snapshot.syncedAt,
    results,
    identity: scores.categories.identity,
    secrets: scores.categories.secrets,
    supplyChain: scores.categories["supply-chain"],
    integrity: scores.categories.integrity,
    changeControl: scores.categories["change-control"],
    overall: scores.overall,
    grade: scores.grade,
    coverage: scores.coverage,
    checksTotal: scores.counts.total,
    checksPass: scores.counts.pass,
    checksFail: scores.counts.fail,
    checksNotApplicable: scores.counts.notApplicable,
    checksUnknown: scores.counts.unknown,
    checksSuppressed: scores.counts.suppressed,
    failingCritical: failing("critical"),
    failingHigh: failing("high"),
  };
}
