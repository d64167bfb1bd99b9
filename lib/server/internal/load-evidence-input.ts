import "server-only";
import { verifyChain } from "../../audit/chain";
import type { Policy, PolicyException } from "../../checks/types";
import { getDb } from "../../db";
import { getAuditKey } from "../../env";
import { listAuditCheckpoints } from "./write-audit-checkpoint";
import { checkResultsColumn } from "./json-columns";
import type { FrameworkId } from "../../evidence/frameworks";
import { toEvidenceResult } from "../../evidence/from-check-results";
import type { AuditExtract, EvidenceInput, EvidenceRepo, PackInput, Scope } from "../../evidence/input";
import type { Prisma, PrismaClient } from "../../generated/prisma/client";
import { defaultPolicy, parsePolicy } from "../../policy/index";
import { compileRepoPattern } from "../../policy/repo-pattern";

export interface EvidenceRequest {
  framework: FrameworkId;
  asOf: Date;
  scope: Scope;
  now: Date;
  instance: { name: string; version: string };
  /** The page's control view needs no audit extract; packs always carry one. */
  withoutAuditExtract?: boolean;
}

const AUDIT_PERIOD_DAYS = 366;
/** Repositories per page when a pack walks them: a page's results, never the estate's. */
export const EVIDENCE_PAGE_SIZE = 100;
/** An export reads several pages per repository walk inside one snapshot; a big estate takes minutes. */
const PACK_TRANSACTION_MS = 30 * 60_000;

type Db = Pick<PrismaClient, "repoScore" | "policyVersion" | "auditLogEntry">;

const repoSelect = {
  results: true,
  overall: true,
  grade: true,
  coverage: true,
  policyVersion: true,
  computedAt: true,
  factsSyncedAt: true,
  repository: { select: { fullName: true } },
} as const;

/**
 * Internal (no authorisation): the evidence input from what is stored TODAY, i.e. each
 * repository's latest score. A repository whose latest scoring is after `asOf` cannot be
 * shown as of that date and is listed under `excluded` instead of being misdated. When
 * the posture history lands, this is the one function to switch to "the latest scoring
 * on or before asOf" (the pack builder does not change).
 *
 * The repositories come as a paged source: a first light query picks the names in scope
 * (no results), then each walk reads `pageSize` repositories' results at a time.
 */
async function openEvidenceInput(db: Db, req: EvidenceRequest, pageSize: number): Promise<PackInput> {
  const policy = await policyAt(db, req.asOf);
  const exceptions = new Map(policy.exceptions.map((e) => [e.id, e]));
  const inScope = scopeMatcher(req.scope);
  const critical = policy.criticalRepos.map(compileRepoPattern);
  const rows = await db.repoScore.findMany({
    where: { repository: { missingSince: null } },
    orderBy: { repository: { fullName: "asc" } },
    select: { computedAt: true, repository: { select: { fullName: true } } },
  });
  const names: string[] = [];
  const excluded: { repo: string; reason: string }[] = [];
  for (const row of rows) {
    const fullName = row.repository.fullName;
    if (!inScope(fullName)) continue;
    if (row.computedAt > req.asOf)
      excluded.push({
        repo: fullName,
        reason: `scored ${row.computedAt.toISOString()}, after the as-of date`,
      });
    else names.push(fullName);
  }
  const toRepo = (row: Prisma.RepoScoreGetPayload<{ select: typeof repoSelect }>): EvidenceRepo => ({
    fullName: row.repository.fullName,
    team: null,
    critical: critical.some((m) => m(row.repository.fullName)),
    score: { overall: row.overall, grade: row.grade, coverage: row.coverage },
    policyVersion: row.policyVersion,
    scoredAt: row.computedAt.toISOString(),
    factsSyncedAt: row.factsSyncedAt.toISOString(),
    results: checkResultsColumn.read(row.results).map((r) => toEvidenceResult(r, exceptions)),
  });
  const live = (e: PolicyException) => Date.parse(e.expiresAt) > req.asOf.getTime();
  const coversScope = (e: PolicyException) => names.some((n) => compileRepoPattern(e.repo)(n));
  return {
    framework: req.framework,
    asOf: req.asOf.toISOString(),
    generatedAt: req.now.toISOString(),
    instance: req.instance,
    scope: req.scope,
    repos: {
      count: names.length,
      async *pages() {
        for (let i = 0; i < names.length; i += pageSize) {
          const page = await db.repoScore.findMany({
            where: { repository: { fullName: { in: names.slice(i, i + pageSize) } } },
            orderBy: { repository: { fullName: "asc" } },
            select: repoSelect,
          });
          yield page.map(toRepo);
        }
      },
    },
    excluded,
    // Pending exceptions (no approver yet) waive nothing, so the evidence leaves them out.
    exceptions: policy.exceptions.filter(
      (e): e is PolicyException & { approver: string } => !!e.approver && live(e) && coversScope(e),
    ),
    auditExtract: req.withoutAuditExtract
      ? { from: null, to: req.asOf.toISOString(), chainVerified: true, checkpoints: [], entries: [] }
      : await auditExtract(db, req.asOf),
  };
}

/**
 * The evidence input with its repositories in memory: for the control view page, which
 * shows them all. Packs use withEvidencePackInput instead.
 */
export async function loadEvidenceInputFromLatestScores(req: EvidenceRequest): Promise<EvidenceInput> {
  const input = await openEvidenceInput(getDb(), req, EVIDENCE_PAGE_SIZE);
  const repos: EvidenceRepo[] = [];
  for await (const page of input.repos.pages()) repos.push(...page);
  return { ...input, repos };
}

/**
 * Runs `use` with a paged pack input, inside one REPEATABLE READ transaction: a pack walks
 * the repositories once per file, and every walk must see the same scores even if a
 * scoring lands mid-export (the files of one pack never disagree).
 */
export async function withEvidencePackInput<T>(
  req: EvidenceRequest,
  use: (input: PackInput) => Promise<T>,
  pageSize = EVIDENCE_PAGE_SIZE,
): Promise<T> {
  return getDb().$transaction(async (tx) => use(await openEvidenceInput(tx, req, pageSize)), {
    isolationLevel: "RepeatableRead",
    timeout: PACK_TRANSACTION_MS,
  });
}

/** The policy in force at `asOf`: policy versions are kept forever, so this is exact. */
async function policyAt(db: Db, asOf: Date): Promise<Policy> {
  const row = await db.policyVersion.findFirst({
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

/** The year of audit log before `asOf`, with checkpoints and whether it chains. */
async function auditExtract(db: Db, asOf: Date): Promise<AuditExtract> {
  const from = new Date(asOf.getTime() - AUDIT_PERIOD_DAYS * 86_400_000);
  const rows = await db.auditLogEntry.findMany({
    where: { occurredAt: { gt: from, lte: asOf } },
    orderBy: { seq: "asc" },
  });
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
    entries,
  };
}
