import "server-only";
import { z } from "zod";
import { getDb } from "../../db";
import { getEnv } from "../../env";
import { AppError } from "../../errors";
import { getSenderBoss } from "../../sync/jobs/boss";
import { requestSync } from "../../sync/jobs/worker";
import { appendAuditEntry } from "../internal/append-audit-entry";
import { authorize } from "../authz/authorize";
import { assertOrgScope } from "../internal/org-scope";
import type { Actor } from "../authz/actor";

const input = z.object({
  organizationId: z.string().min(1),
  kind: z.enum(["full", "incremental"]).default("incremental"),
});

/** "Start sync": queues a run, or returns the organisation's active one (one at a time). */
export async function startSync(actor: Actor | null, raw: unknown) {
  const who = await authorize(actor, "sync:start");
  const { organizationId, kind } = input.parse(raw);
  assertOrgScope(who, organizationId, "No such organisation.");
  const db = getDb();
  const conn = await db.gitHubConnection.findUnique({ where: { organizationId }, select: { id: true } });
  if (!conn) throw new AppError("conflict", "Connect GitHub for this organisation first.");
  const boss = await getSenderBoss(getEnv().DATABASE_URL);
  const res = await requestSync(boss, db, {
    organizationId,
    kind,
    trigger: "manual",
    requestedById: who.userId,
  });
  if (res.created)
    await appendAuditEntry(who, {
      action: "sync.started",
      targetType: "organization",
      targetId: organizationId,
      details: { runId: res.runId, kind },
    });
  return res;
}
