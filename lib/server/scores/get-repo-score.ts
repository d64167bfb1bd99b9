import "server-only";
import { z } from "zod";
import { checkById } from "../../checks/catalogue";
import type { CheckResult } from "../../checks/types";
import { getDb } from "../../db";
import { AppError } from "../../errors";
import { authorize } from "../authz/authorize";
import { assertOrgScope } from "../internal/org-scope";
import type { Actor } from "../authz/actor";
import { loadActivePolicy } from "../internal/load-active-policy";
import { checkResultsColumn } from "../internal/json-columns";
import { topFixes } from "../../scoring/top-fixes";
import { findingFingerprints } from "../../checks/fingerprint";
import { readRepoHistory } from "../internal/read-repo-history";
import { exceptionStatus, matchesRepoPattern, type ExceptionStatus } from "../../policy";

const segment = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9._-]+$/);
// `history`: also the 90-day history the repository page shows, read with the rest instead
// of through getRepoHistory, which would look the repository and its score up again.
const input = z.object({ owner: segment, name: segment, history: z.literal(true).optional() });
const HISTORY_DAYS = 90;

export interface ResultView extends CheckResult {
  title: string;
  rationale: string;
  /** The catalogue's generic fix, for a failure that carries no finding of its own. */
  catalogueRemediation: string;
  /** Each finding's stable fingerprint (same order as `findings`), to accept just that one. */
  fingerprints: string[];
}

/** An exception of the active policy that concerns this repository, as its page shows it. */
export interface RepoExceptionView {
  id: string;
  checkId: string;
  repo: string;
  /** Set when it covers one finding only. */
  fingerprint: string | null;
  justification: string;
  requestedBy: string | null;
  /** null: pending approval by a second security lead. */
  approver: string | null;
  expiresAt: string;
  status: ExceptionStatus;
}

/**
 * One repository's stored score with every check result (findings, evidence, remediation,
 * suppressions), and what has changed since it was computed: exceptions it relied on that
 * have expired or been removed, or a newer policy version (the next scoring applies them);
 * the fixes that would raise the score most, and where the synced files live on GitHub;
 * with `history: true`, its history over the last 90 days as getRepoHistory returns it.
 */
export async function getRepoScore(actor: Actor | null, raw: unknown, now: Date = new Date()) {
  const who = await authorize(actor, "dashboard:read");
  const parsed = input.safeParse(raw);
  if (!parsed.success) throw new AppError("not_found", "No such repository.");
  const { owner, name } = parsed.data;
  const fullName = `${owner}/${name}`;
  const select = {
    id: true,
    organizationId: true,
    fullName: true,
    visibility: true,
    archived: true,
    defaultBranch: true,
    missingSince: true,
    score: true,
    snapshot: { select: { syncedAt: true, headOid: true } },
  } as const;
  const db = getDb();
  // The exact name (what links carry) is found through the unique index; GitHub names are
  // case-insensitive, so only a differently-cased URL pays for the case-insensitive scan,
  // which reads every repository row (10,000 at a large organisation) on each page view.
  const repo =
    (await db.repository.findUnique({ where: { fullName }, select })) ??
    (await db.repository.findFirst({
      where: { fullName: { equals: fullName, mode: "insensitive" } },
      select,
    }));
  if (!repo) throw new AppError("not_found", "No such repository.");
  assertOrgScope(who, repo.organizationId, "No such repository.");
  const { score, snapshot, ...repository } = repo;
  // Side by side, and the connection by its organisation id (not through the organisation
  // row): one query and one round trip fewer on every repository page view.
  const [connection, active, history] = await Promise.all([
    db.gitHubConnection.findUnique({
      where: { organizationId: repository.organizationId },
      select: { baseUrl: true },
    }),
    score ? loadActivePolicy() : null,
    parsed.data.history
      ? readRepoHistory(db, {
          repositoryId: repository.id,
          since: new Date(now.getTime() - HISTORY_DAYS * 86_400_000),
          now,
          computedAt: score?.computedAt ?? null,
        })
      : null,
  ]);
  const source = {
    apiBaseUrl: connection?.baseUrl ?? "https://api.github.com",
    headOid: snapshot?.headOid ?? null,
  };
  if (!score || !active)
    return {
      repository,
      snapshotSyncedAt: snapshot?.syncedAt ?? null,
      activePolicyVersion: null,
      lapsedExceptions: [] as string[],
      source,
      topFixes: [] as ReturnType<typeof topFixes>,
      exceptions: [] as RepoExceptionView[],
      history,
      score: null,
    };
  const scope = { repositoryId: repository.id, organizationId: repository.organizationId };
  const results = checkResultsColumn.read(score.results).map((r): ResultView => {
    const def = checkById(r.checkId);
    return {
      ...r,
      title: def?.title ?? r.checkId,
      rationale: def?.rationale ?? "",
      catalogueRemediation: def?.remediation ?? "",
      fingerprints: findingFingerprints(r.checkId, r.findings, scope),
    };
  });
  // Pending, active and expired alike: the page says who asked, who approved, and until when.
  const exceptions = active.policy.exceptions
    .filter((e) => matchesRepoPattern(e.repo, repository.fullName))
    .map((e): RepoExceptionView => ({
      id: e.id,
      checkId: e.checkId,
      repo: e.repo,
      fingerprint: e.fingerprint ?? null,
      justification: e.justification,
      requestedBy: e.requestedBy ?? null,
      approver: e.approver ?? null,
      expiresAt: e.expiresAt,
      status: exceptionStatus(e, now),
    }));
  const byId = new Map(active.policy.exceptions.map((e) => [e.id, e]));
  const lapsed = new Set<string>();
  for (const r of results) {
    for (const f of r.findings) {
      const id = f.suppressed?.by === "exception" ? f.suppressed.exceptionId : undefined;
      if (!id) continue;
      const exception = byId.get(id);
      if (!exception || !(Date.parse(exception.expiresAt) > now.getTime())) lapsed.add(id);
    }
  }
  return {
    repository,
    snapshotSyncedAt: snapshot?.syncedAt ?? null,
    activePolicyVersion: active.version,
    lapsedExceptions: [...lapsed].sort(),
    source,
    topFixes: topFixes(results, active.policy),
    exceptions,
    history,
    score: { ...score, results },
  };
}
