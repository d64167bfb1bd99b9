import "server-only";
import type { CheckResult } from "../../checks/types";
import { getDb } from "../../db";
import { effectiveStatus } from "../../scoring";
import { liveThreats, type CheckStatus } from "../../threat-model/live-status";
import { authorize } from "../authz/authorize";
import type { Actor } from "../authz/actor";
import { findRepository, storedModel } from "../internal/threat-model-store";

/**
 * A repository's current threat model with every threat's live status: each check
 * control reads the repository's latest stored score (never recomputed here), so a sync
 * that fixes or breaks a check shows on the model as soon as it is scored.
 */
export async function getThreatModel(actor: Actor | null, raw: unknown) {
  const who = await authorize(actor, "dashboard:read");
  const repository = await findRepository(who, raw);
  const db = getDb();
  const [row, score] = await Promise.all([
    db.threatModel.findUnique({ where: { repositoryId: repository.id } }),
    db.repoScore.findUnique({
      where: { repositoryId: repository.id },
      select: { results: true, computedAt: true },
    }),
  ]);
  const checks: Record<string, CheckStatus> | null = score
    ? Object.fromEntries(
        (score.results as unknown as CheckResult[]).map((r) => [r.checkId, effectiveStatus(r)]),
      )
    : null;
  if (!row)
    return {
      repository,
      revision: 0,
      updatedAt: null,
      model: null,
      threats: [],
      checks,
      checksComputedAt: null,
    };
  const model = storedModel(row.model);
  return {
    repository,
    revision: row.revision,
    updatedAt: row.updatedAt,
    model,
    // Remediation tasks (issue 9) plug in here through liveThreats' `taskHref` option.
    threats: liveThreats(model, checks),
    /** Each check's latest status, so the editor can show live status for unsaved links too. */
    checks,
    checksComputedAt: score?.computedAt ?? null,
  };
}
