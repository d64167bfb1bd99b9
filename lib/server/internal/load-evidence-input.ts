import "server-only";
import { verifyChain } from "../../audit/chain";
import type { Policy, PolicyException } from "../../checks/types";
import { getDb } from "../../db";
import { getAuditKey } from "../../env";
import { listAuditCheckpoints } from "./write-audit-checkpoint";
import { auditEntriesOf } from "./org-scope-records";
import { checkResultsColumn } from "./json-columns";
import type { FrameworkId } from "../../evidence/frameworks";
import { toEvidenceResult } from "../../evidence/from-check-results";
import type { AuditExtract, EvidenceInput, EvidenceRepo, Scope } from "../../evidence/input";
import { defaultPolicy, parsePolicy } from "../../policy/index";
import { compileRepoPattern } from "../../policy/repo-pattern";

export interface EvidenceRequest {
  framework: FrameworkId;
  asOf: Date;
  scope: Scope;
  /** The organisations (ids) the evidence may show, [] for all: the requester's scope. */
  organizationIds: readonly string[];
  now: Date;
  instance: { name: string; version: string };
  /** The page's control view needs no audit extract; packs always carry one. */
  withoutAuditExtract?: boolean;
}

const AUDIT_PERIOD_DAYS = 366;

/**
 * Internal (no authorisation): the evidence input from what is stored TODAY, i.e. each
 * repository's latest score. A repository whose latest scoring is after `asOf` cannot be
 * shown as of that date and is listed under `excluded` instead of being misdated. When
 * the posture history lands, this is the one function to switch to "the latest scoring
 * on or before asOf" (the pack builder does not change).
 */
export async function loadEvidenceInputFromLatestScores(req: EvidenceRequest): Promise<EvidenceInput> {
  const db = getDb();
  const policy = await policyAt(req.asOf);
  const exceptions = new Map(policy.exceptions.map((e) => [e.id, e]));
  const inScope = scopeMatcher(req.scope);
  const critical = policy.criticalRepos.map(compileRepoPattern);
  const rows = await db.repoScore.findMany({
    where: {
      repository: {
        missingSince: null,
        ...(req.organizationIds.length ? { organizationId: { in: [...req.organizationIds] } } : {}),
      },
    },
    orderBy: { repository: { fullName: "asc" } },
    select: {
      results: true,
      overall: true,
      grade: true,
      coverage: true,
      policyVersion: true,
      computedAt: true,
      factsSyncedAt: true,
      repository: { select: { fullName: true } },
    },
  });
  const repos: EvidenceRepo[] = [];
  const excluded: { repo: string; reason: string }[] = [];
  for (const row of rows) {
    const fullName = row.repository.fullName;
    if (!inScope(fullName)) continue;
    if (row.computedAt > req.asOf) {
      excluded.push({
        repo: fullName,
        reason: `scored ${row.computedAt.toISOString()}, after the as-of date`,
      });
      continue;
    }
    repos.push({
      fullName,
      team: null,
      critical: critical.some((m) => m(fullName)),
      score: { overall: row.overall, grade: row.grade, coverage: row.coverage },
      policyVersion: row.policyVersion,
      scoredAt: row.computedAt.toISOString(),
      factsSyncedAt: row.factsSyncedAt.toISOString(),
      results: checkResultsColumn.read(row.results).map((r) => toEvidenceResult(r, exceptions)),
    });
  }
  const live = (e: PolicyException) => Date.parse(e.expiresAt) > req.asOf.getTime();
  const coversScope = (e: PolicyException) => repos.some((r) => compileRepoPattern(e.repo)(r.fullName));
  return {
    framework: req.framework,
    asOf: req.asOf.toISOString(),
    generatedAt: req.now.toISOString(),
    instance: req.instance,
    scope: req.scope,
    repos,
    excluded,
    // Pending exceptions (no approver yet) waive nothing, so the evidence leaves them out.
    exceptions: policy.exceptions.filter(
      (e): e is PolicyException & { approver: string } => !!e.approver && live(e) && coversScope(e),
    ),
    auditExtract: req.withoutAuditExtract
      ? { from: null, to: req.asOf.toISOString(), chainVerified: true, checkpoints: [], entries: [] }
      : await auditExtract(req.asOf, req.organizationIds),
  };
}

/** The policy in force at `asOf`: policy versions are kept forever, so this is exact. */
async function policyAt(asOf: Date): Promise<Policy> {
  const row = await getDb().policyVersion.findFirst({
    where: { createdAt: { lte: asOf } },
    orderBy: { version: "desc" },
  });
  return row ? parsePolicy(row.policy) : defaultPolicy;
}

function scopeMatcher(scope: Scope): (fullName: string) => boolean {
  switch (scope.kind) {
    case "all":
      return () => true;
    case "repos": {
      const set = new Set(scope.repos.map((r) => r.toLowerCase()));
      return (n) => set.has(n.toLowerCase());
    }
    case "pattern":
      return compileRepoPattern(scope.pattern);
    case "team":
      // Teams are not recorded yet: a team scope matches nothing rather than everything.
      return () => false;
  }
}

/**
 * The year of audit log before `asOf`, with checkpoints and whether it chains. A pack
 * for some organisations carries only their entries (the audit page's rule); the chain
 * is still verified over every entry of the period, which is what `chainVerified` states.
 */
async function auditExtract(asOf: Date, organizationIds: readonly string[]): Promise<AuditExtract> {
  const from = new Date(asOf.getTime() - AUDIT_PERIOD_DAYS * 86_400_000);
  const rows = await getDb().auditLogEntry.findMany({
    where: { occurredAt: { gt: from, lte: asOf } },
    orderBy: { seq: "asc" },
  });
  const shown = organizationIds.length
    ? new Set(
        (
          await getDb().auditLogEntry.findMany({
            where: {
              AND: [{ occurredAt: { gt: from, lte: asOf } }, await auditEntriesOf(getDb(), organizationIds)],
            },
            select: { seq: true },
          })
        ).map((r) => r.seq),
      )
    : null;
  const entries = rows.map((r) => ({
    seq: r.seq.toString(),
    occurredAt: r.occurredAt.toISOString(),
    actorId: r.actorId,
    actorLogin: r.actorLogin,
    action: r.action,
    targetType: r.targetType,
    targetId: r.targetId,
    ip: r.ip,
    userAgent: r.userAgent,
    details: r.details as Record<string, unknown>,
    prevHash: r.prevHash,
    hash: r.hash,
    chainVersion: r.chainVersion,
  }));
  // The extract starts mid-chain: continue from the entry before it.
  const first = rows[0];
  const verdict = verifyChain(entries, {
    key: getAuditKey(),
    ...(first && {
      from: {
        ok: true as const,
        checked: 0,
        lastHash: first.prevHash,
        lastSeq: first.seq > BigInt(1) ? String(first.seq - BigInt(1)) : null,
        keyedFrom: null,
      },
    }),
  });
  // The chain's signed checkpoints for the period (also written to the log output when
  // taken), so a verifier can compare the extract against heads recorded at the time.
  const signed = (await listAuditCheckpoints(getDb())).filter((c) => {
    const at = Date.parse(c.at);
    return at > from.getTime() && at <= asOf.getTime();
  });
  return {
    from: from.toISOString(),
    to: asOf.toISOString(),
    chainVerified: verdict.ok,
    checkpoints: signed.map((c) => ({
      seq: String(c.seq),
      hash: c.hash,
      occurredAt: c.at,
      signature: c.signature,
    })),
    entries: shown ? entries.filter((e) => shown.has(BigInt(e.seq))) : entries,
  };
}
