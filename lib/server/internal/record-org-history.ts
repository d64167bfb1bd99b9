import "server-only";
import type { PrismaClient } from "../../generated/prisma/client";
import type { FailingInstance } from "../../history/instances";
import { planLifetimes } from "../../history/lifetimes";
import type { OrgSnapshotData } from "../../history/org-tally";
import { applyLifetimePlan } from "./apply-lifetime-plan";

/**
 * The organisation's row for this scoring (always written: the trend needs one point per
 * run) and the lifetimes of its org-level settings findings, which belong to no repository.
 */
export async function recordOrgHistory(
  db: PrismaClient,
  organizationId: string,
  policyVersion: number,
  data: OrgSnapshotData,
  now: Date,
): Promise<void> {
  const instances: FailingInstance[] = data.orgFindings.map((f) => ({
    fingerprint: f.fingerprint,
    checkId: f.checkId,
    severity: f.severity,
    location: `api:${f.field}`,
    line: null,
    orgLevel: true,
    message: f.message,
  }));
  await db.$transaction(async (tx) => {
    const [previous, stored] = await Promise.all([
      tx.orgScoreSnapshot.findFirst({
        where: { organizationId },
        orderBy: { takenAt: "desc" },
        select: { takenAt: true },
      }),
      tx.findingLifetime.findMany({
        where: { organizationId, repositoryId: null },
        select: { fingerprint: true, fixedAt: true, line: true },
      }),
    ]);
    const { distribution, counts, checks, orgFindings, ...scores } = data;
    await tx.orgScoreSnapshot.upsert({
      where: { organizationId_takenAt: { organizationId, takenAt: now } },
      create: {
        organizationId,
        takenAt: now,
        policyVersion,
        ...scores,
        distribution,
        counts,
        checks,
        orgFindings,
      },
      update: { policyVersion, ...scores, distribution, counts, checks, orgFindings },
    });
    await applyLifetimePlan(
      tx,
      planLifetimes(instances, stored),
      { organizationId, repositoryOf: () => null, lastSeenOf: () => previous?.takenAt ?? now },
      now,
    );
  });
}
