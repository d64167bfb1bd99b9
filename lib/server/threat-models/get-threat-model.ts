import "server-only";
import { getDb } from "../../db";
import { liveThreats, type CheckStatus } from "../../threat-model/live-status";
import { authorize } from "../authz/authorize";
import type { Actor } from "../authz/actor";
import { findRepository, storedModel } from "../internal/threat-model-store";
import { readCheckStatuses } from "../internal/read-check-statuses";

/**
 * A repository's current threat model with every threat's live status: each check
 * control reads the repository's latest stored score (never recomputed here), so a sync
 * that fixes or breaks a check shows on the model as soon as it is scored.
 */
export async function getThreatModel(actor: Actor | null, raw: unknown) {
  const who = await authorize(actor, "dashboard:read");
  const repository = await findRepository(raw, who);
  const db = getDb();
  const [row, score, tasks] = await Promise.all([
    db.threatModel.findUnique({ where: { repositoryId: repository.id } }),
    // Statuses only: the findings are no business of this page.
    readCheckStatuses(db, repository.id),
    // The remediation task of each check (one per repository × check, opened by scoring).
    db.remediationTask.findMany({
      where: { repositoryId: repository.id },
      select: { id: true, checkId: true },
    }),
  ]);
  const taskOf = new Map(tasks.map((t) => [t.checkId, `/tasks/${t.id}`]));
  const checks: Record<string, CheckStatus> | null = score?.checks ?? null;
  if (!row)
    return {
      repository,
      revision: 0,
      updatedAt: null,
      model: null,
      threats: [],
      checks,
      taskHrefs: Object.fromEntries(taskOf),
      checksComputedAt: null,
    };
  const model = storedModel(row.model);
  return {
    repository,
    revision: row.revision,
    updatedAt: row.updatedAt,
    model,
    // A failing check control links to the check's remediation task.
    threats: liveThreats(model, checks, { taskHref: (check) => taskOf.get(check) ?? null }),
    /** Each check's latest status, so the editor can show live status for unsaved links too. */
    checks,
    /** check id → its remediation task's page, for the editor's live status of unsaved links. */
    taskHrefs: Object.fromEntries(taskOf),
    checksComputedAt: score?.computedAt ?? null,
  };
}
