import "server-only";
import type { Policy, PolicyException } from "../../checks/types";
import { getDb } from "../../db";
import { openAuditExtract } from "./evidence-audit-extract";
import { readLatestResults, readLatestStatuses, type LatestScore } from "./read-latest-scores";
import type { FrameworkId } from "../../evidence/frameworks";
import type {
  AuditExtract,
  EvidenceInput,
  EvidenceRepo,
  EvidenceResult,
  PackInput,
  ResultStatusOnly,
  Scope,
} from "../../evidence/input";
import type { Prisma } from "../../generated/prisma/client";
import { defaultPolicy, parsePolicy } from "../../policy/index";
import { compileRepoPattern } from "../../policy/repo-pattern";
import { catalogue } from "../../checks/catalogue";
import { resultsAsOf, type CheckMeta, type SnapshotAsOf } from "../../evidence/as-of";
import { keepStatusWalk } from "../../evidence/status-cache";
import { unpackFingerprints } from "../../history/instances";

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

/** Repositories per page when a pack walks them: a page's results, never the estate's. */
export const EVIDENCE_PAGE_SIZE = 100;
/** An export reads several pages per repository walk inside one snapshot; a big estate takes minutes. */
const PACK_TRANSACTION_MS = 30 * 60_000;

/** The database or a transaction on it (a pack reads inside one snapshot). */
type Db = Prisma.TransactionClient;

/** The checks a reconstructed date reports on: the catalogue, in its order. */
const CHECKS: CheckMeta[] = catalogue.map((c) => ({
  id: c.id,
  severity: c.severity,
  remediation: c.remediation,
}));

/** A repository's CODEOWNERS teams ("@org/team", lowercased): what a team scope matches. */
const teamsOf = (owners: readonly string[] | undefined) => (owners ?? []).filter((o) => o.includes("/"));

/** A page's repository: results of a latest scoring are R, those rebuilt from history whole. */
type PageRepo<R> = Omit<EvidenceRepo, "results"> & { results: (R | EvidenceResult)[] };

/** A repository in scope, before its results are read: from its latest scoring or rebuilt from history. */
interface Planned {
  id: string;
  fullName: string;
  teams: string[];
  fromHistory: boolean;
}

/**
 * Internal (no authorisation): the evidence input as of `asOf`, its repositories as a
 * paged source. A first light query picks the repositories in scope (no results); then
 * each walk reads `pageSize` repositories at a time. A repository whose latest scoring is
 * on or before `asOf` is shown from it, whole. One scored since is rebuilt from its
 * history: the latest snapshot on or before `asOf` (failing instances, passing checks; see
 * lib/evidence/as-of.ts); one with no snapshot by then is listed under `excluded`.
 */
async function openEvidenceInput(db: Db, req: EvidenceRequest, pageSize: number): Promise<PackInput> {
  const { policy, version: policyVersion } = await policyAt(db, req.asOf);
  const exceptions = new Map(policy.exceptions.map((e) => [e.id, e]));
  const critical = policy.criticalRepos.map(compileRepoPattern);
  const isCritical = (fullName: string) => critical.some((m) => m(fullName));
  const rows = await db.repoScore.findMany({
    where: {
      repository: {
        missingSince: null,
        ...(req.organizationIds.length ? { organizationId: { in: [...req.organizationIds] } } : {}),
      },
    },
    orderBy: { repository: { fullName: "asc" } },
    select: {
      computedAt: true,
      repository: { select: { id: true, fullName: true, facet: { select: { owners: true } } } },
    },
  });
  const inScope = scopeMatcher(req.scope);
  const scoped: Planned[] = [];
  for (const r of rows) {
    const { id, fullName } = r.repository;
    const teams = teamsOf(r.repository.facet?.owners);
    if (!inScope(fullName, teams) || (req.scope.criticalOnly && !isCritical(fullName))) continue;
    scoped.push({ id, fullName, teams, fromHistory: r.computedAt > req.asOf });
  }
  const withSnapshot = await reposWithSnapshot(
    db,
    scoped.filter((p) => p.fromHistory).map((p) => p.id),
    req.asOf,
  );
  const planned: Planned[] = [];
  const excluded: { repo: string; reason: string }[] = [];
  for (const p of scoped) {
    if (!p.fromHistory || withSnapshot.has(p.id)) planned.push(p);
    else excluded.push({ repo: p.fullName, reason: "no scoring on or before the as-of date" });
  }

  /**
   * One page: latest scorings through `readLatest` (whole results, or statuses only), the
   * rest rebuilt from history (whole: those are few, and whole results are statuses too).
   */
  async function readPage<R extends ResultStatusOnly>(
    page: Planned[],
    readLatest: (ids: string[]) => Promise<Map<string, LatestScore<R>>>,
  ): Promise<PageRepo<R>[]> {
    const latest = await readLatest(page.filter((p) => !p.fromHistory).map((p) => p.id));
    const past = await snapshotsAsOf(
      db,
      page.filter((p) => p.fromHistory).map((p) => p.id),
      req.asOf,
    );
    return page.flatMap((p): PageRepo<R>[] => {
      const common = {
        fullName: p.fullName,
        team: p.teams.length ? p.teams.join(" ") : null,
        critical: isCritical(p.fullName),
      };
      const row = latest.get(p.id);
      if (row) return [{ ...common, ...row }];
      const snap = past.get(p.id);
      if (!snap) return [];
      return [
        {
          ...common,
          score: { overall: snap.overall, grade: snap.grade?.trim() || null, coverage: snap.coverage },
          policyVersion,
          scoredAt: snap.takenAt.toISOString(),
          // History keeps no facts date: the facts scored then were synced by this time.
          factsSyncedAt: snap.takenAt.toISOString(),
          results: resultsAsOf(CHECKS, snap, (checkId) => exceptionAt(policy, checkId, p.fullName)),
        },
      ];
    });
  }

  /**
   * The pages of `planned`, the next one read while the caller works on this one: Postgres
   * and this process then run side by side instead of taking turns.
   */
  async function* walk<T>(read: (page: Planned[]) => Promise<T>): AsyncGenerator<T> {
    const pageAt = (i: number) => (i < planned.length ? read(planned.slice(i, i + pageSize)) : undefined);
    let next = pageAt(0);
    try {
      for (let i = 0; next; i += pageSize) {
        const current = await next;
        next = pageAt(i + pageSize);
        yield current;
      }
    } finally {
      // A caller that stops early (the report) leaves a read in flight; nobody awaits it.
      next?.catch(() => {});
    }
  }

  const live = (e: PolicyException) => Date.parse(e.expiresAt) > req.asOf.getTime();
  // One compiled pattern per exception, not one per repository it is tried against.
  const coversScope = (e: PolicyException) => {
    const matches = compileRepoPattern(e.repo);
    return planned.some((p) => matches(p.fullName));
  };
  return {
    framework: req.framework,
    asOf: req.asOf.toISOString(),
    generatedAt: req.now.toISOString(),
    instance: req.instance,
    scope: req.scope,
    repos: {
      count: planned.length,
      pages: () => walk((page) => readPage(page, (ids) => readLatestResults(db, ids, exceptions))),
      statusPages: keepStatusWalk(() => walk((page) => readPage(page, (ids) => readLatestStatuses(db, ids)))),
    },
    excluded,
    // Pending exceptions (no approver yet) waive nothing, so the evidence leaves them out.
    exceptions: policy.exceptions.filter(
      (e): e is PolicyException & { approver: string } => !!e.approver && live(e) && coversScope(e),
    ),
    auditExtract: req.withoutAuditExtract
      ? {
          head: { from: null, to: req.asOf.toISOString(), chainVerified: true, checkpoints: [] },
          async *entries() {},
        }
      : await openAuditExtract(db, req.asOf, req.organizationIds),
  };
}

/**
 * The evidence input with its repositories in memory: for the control view page, which
 * shows them all. Packs use withEvidencePackInput instead.
 */
export async function loadEvidenceInput(req: EvidenceRequest): Promise<EvidenceInput> {
  const input = await openEvidenceInput(getDb(), req, EVIDENCE_PAGE_SIZE);
  const repos: EvidenceRepo[] = [];
  for await (const page of input.repos.pages()) repos.push(...page);
  const entries: AuditExtract["entries"] = [];
  for await (const page of input.auditExtract.entries()) entries.push(...page);
  return { ...input, repos, auditExtract: { ...input.auditExtract.head, entries } };
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

/** Which of these repositories have a history snapshot on or before `asOf`. */
async function reposWithSnapshot(db: Db, repositoryIds: string[], asOf: Date): Promise<Set<string>> {
  if (repositoryIds.length === 0) return new Set();
  const rows = await db.$queryRaw<Array<{ repositoryId: string }>>`SELECT DISTINCT "repositoryId"
    FROM "RepoScoreSnapshot" WHERE "repositoryId" = ANY(${repositoryIds}) AND "takenAt" <= ${asOf}`;
  return new Set(rows.map((r) => r.repositoryId));
}

/** Each repository's latest history snapshot on or before `asOf`, its failing instances resolved. */
async function snapshotsAsOf(db: Db, repositoryIds: string[], asOf: Date) {
  const out = new Map<
    string,
    SnapshotAsOf & { overall: number | null; grade: string | null; coverage: number }
  >();
  if (repositoryIds.length === 0) return out;
  const snaps = await db.$queryRaw<
    Array<{
      repositoryId: string;
      takenAt: Date;
      overall: number | null;
      grade: string | null;
      coverage: number;
      failing: Uint8Array;
      passing: string[] | null;
      waived: string[] | null;
    }>
  >`SELECT DISTINCT ON ("repositoryId") "repositoryId", "takenAt", "overall", "grade", "coverage",
      "failing", "passing", "waived"
    FROM "RepoScoreSnapshot"
    WHERE "repositoryId" = ANY(${repositoryIds}) AND "takenAt" <= ${asOf}
    ORDER BY "repositoryId", "takenAt" DESC`;
  const fingerprints = snaps.flatMap((s) => unpackFingerprints(new Uint8Array(s.failing)));
  const lifetimes = new Map(
    (
      await db.findingLifetime.findMany({
        where: { fingerprint: { in: fingerprints } },
        select: { fingerprint: true, checkId: true, severity: true, location: true, line: true },
      })
    ).map((l) => [l.fingerprint, l]),
  );
  for (const s of snaps) {
    const failing = unpackFingerprints(new Uint8Array(s.failing)).flatMap((fp) => {
      const l = lifetimes.get(fp);
      return l ? [{ ...l, severity: l.severity as SnapshotAsOf["failing"][number]["severity"] }] : [];
    });
    out.set(s.repositoryId, {
      takenAt: s.takenAt,
      overall: s.overall === null ? null : Number(s.overall),
      grade: s.grade,
      coverage: Number(s.coverage),
      failing,
      passing: s.passing ?? [],
      waived: s.waived ?? [],
    });
  }
  return out;
}

/** The exception of the policy in force then that covers this check on this repository. */
function exceptionAt(policy: Policy, checkId: string, fullName: string) {
  const e = policy.exceptions.find((x) => x.checkId === checkId && compileRepoPattern(x.repo)(fullName));
  return e
    ? {
        id: e.id,
        by: "exception" as const,
        justification: e.justification,
        ...(e.approver ? { approver: e.approver } : {}),
        expiresAt: e.expiresAt,
      }
    : undefined;
}

/** The policy in force at `asOf`: policy versions are kept forever, so this is exact. */
async function policyAt(db: Db, asOf: Date): Promise<{ policy: Policy; version: number }> {
  const row = await db.policyVersion.findFirst({
    where: { createdAt: { lte: asOf } },
    orderBy: { version: "desc" },
  });
  return row
    ? { policy: parsePolicy(row.policy), version: row.version }
    : { policy: defaultPolicy, version: 0 };
}

/**
 * Whether a repository is in scope. A team is one of the repository's CODEOWNERS owners
 * (Gatehouse syncs no team membership or repository team permissions), so "@acme/web",
 * "acme/web" and "ACME/Web" all name the team owning lines of its CODEOWNERS.
 */
function scopeMatcher(scope: Scope): (fullName: string, teams: readonly string[]) => boolean {
  switch (scope.kind) {
    case "all":
      return () => true;
    case "repos": {
      const set = new Set(scope.repos.map((r) => r.toLowerCase()));
      return (n) => set.has(n.toLowerCase());
    }
    case "pattern":
      return compileRepoPattern(scope.pattern);
    case "team": {
      const team = `@${scope.team.replace(/^@/, "").toLowerCase()}`;
      return (_, teams) => teams.includes(team);
    }
  }
}
