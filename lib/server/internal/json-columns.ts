import "server-only";
import type { CheckResult } from "../../checks/types";
import type { OrgPart } from "../../facts/assemble";
import type { RepoFacts } from "../../facts/types";
import type { ErrorSample } from "../../github/stats";
import type { Prisma } from "../../generated/prisma/client";
import type { Policy } from "../../policy";
import type { TaskEvidence } from "../../tasks/observe";
import type { ThreatModel } from "../../threat-model/model";

// Every JSON column's TypeScript type, declared once. Prisma types JSON as JsonValue;
// these codecs are the one place that says what each column holds, so reads and writes
// elsewhere are typed without casts. Documents are written only by our own code through
// these codecs (facts by sync, results by scoring, policies after PolicySchema parsed
// them), which is why a read trusts the shape; policies are re-parsed on load anyway.
interface JsonColumn<T> {
  read(value: Prisma.JsonValue): T;
  write(value: T): Prisma.InputJsonValue;
}

function jsonColumn<T>(): JsonColumn<T> {
  return {
    read: (value) => value as unknown as T,
    write: (value) => value as unknown as Prisma.InputJsonValue,
  };
}

/** RepoScore.results */
export const checkResultsColumn = jsonColumn<CheckResult[]>();
/** RepoSnapshot.facts */
export const repoFactsColumn = jsonColumn<RepoFacts>();
/** OrgSnapshot.facts */
export const orgPartColumn = jsonColumn<OrgPart>();
/** PolicyVersion.policy */
export const policyColumn = jsonColumn<Policy>();
/** RemediationTask.evidence */
export const taskEvidenceColumn = jsonColumn<TaskEvidence[]>();
/** SyncRun.errorDetails (written by lib/sync's addRunStats in SQL) */
export const syncErrorDetailsColumn = jsonColumn<ErrorSample[]>();
/** ThreatModel.model and ThreatModelRevision.model (re-validated on read by storedModel) */
export const threatModelColumn = jsonColumn<ThreatModel>();
