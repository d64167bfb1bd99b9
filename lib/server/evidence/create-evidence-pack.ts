import "server-only";
import type { Prisma } from "../../generated/prisma/client";
import { getDb } from "../../db";
import { getEnv } from "../../env";
import { AppError } from "../../errors";
import { getSenderBoss } from "../../sync/jobs/boss";
import { authorize } from "../authz/authorize";
import { packOrganizationsFor } from "../internal/org-scope-records";
import type { Actor } from "../authz/actor";
import { appendAuditEntry } from "../internal/append-audit-entry";
import { enqueueEvidenceExport } from "../internal/evidence-queue";
import { exportRequestSchema } from "../internal/evidence-request-schema";

/**
 * Auditors and security leads queue a pack; the worker builds it (progress on the row).
 * The pack covers the requester's organisations, fixed now: the worker has no actor.
 */
export async function createEvidencePack(actor: Actor | null, raw: unknown, now: Date = new Date()) {
  const who = await authorize(actor, "evidence:export");
  const parsed = exportRequestSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("invalid", parsed.error.issues[0]?.message ?? "invalid request");
  const { framework, scope } = parsed.data;
  const asOf = parsed.data.asOf && parsed.data.asOf < now ? parsed.data.asOf : now;
  const pack = await getDb().evidencePack.create({
    data: {
      framework,
      asOf,
      scope: scope as Prisma.InputJsonValue,
      requestedById: who.userId,
      organizationIds: packOrganizationsFor(who),
    },
    select: { id: true, status: true },
  });
  await appendAuditEntry(who, {
    action: "evidence.export_requested",
    targetType: "evidence_pack",
    targetId: pack.id,
    details: { framework, asOf: asOf.toISOString(), scope },
  });
  await enqueueEvidenceExport(await getSenderBoss(getEnv().DATABASE_URL), pack.id);
  return pack;
}
