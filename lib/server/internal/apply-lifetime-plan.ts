import "server-only";
import type { Prisma } from "../../generated/prisma/client";
import type { FailingInstance } from "../../history/instances";
import type { LifetimePlan } from "../../history/lifetimes";

type Tx = Prisma.TransactionClient;

export interface PlanScope {
  organizationId: string;
  /** Repository of each new instance (null: an org-level setting). */
  repositoryOf: (instance: FailingInstance) => string | null;
  /** When each fixed fingerprint was last seen: the scope's previous scoring. */
  lastSeenOf: (fingerprint: string) => Date;
}

// Bulk writes only: one createMany, one updateMany for reopens, one updateMany per
// distinct "last seen" time for fixes (usually one: the previous run of the org). Moved
// lines are rare and written one by one.
export async function applyLifetimePlan(
  tx: Tx,
  plan: LifetimePlan,
  scope: PlanScope,
  now: Date,
): Promise<void> {
  if (plan.create.length > 0)
    await tx.findingLifetime.createMany({
      data: plan.create.map((i) => ({
        fingerprint: i.fingerprint,
        organizationId: scope.organizationId,
        repositoryId: scope.repositoryOf(i),
        checkId: i.checkId,
        severity: i.severity,
        location: i.location,
        line: i.line,
        firstSeenAt: now,
        lastSeenAt: now,
      })),
      skipDuplicates: true,
    });
  if (plan.reopen.length > 0)
    await tx.findingLifetime.updateMany({
      where: { fingerprint: { in: plan.reopen } },
      data: { fixedAt: null, reopenedAt: now, lastSeenAt: now, reopenCount: { increment: 1 } },
    });
  const fixesBySeen = new Map<number, string[]>();
  for (const fp of plan.fix) {
    const at = scope.lastSeenOf(fp).getTime();
    fixesBySeen.set(at, [...(fixesBySeen.get(at) ?? []), fp]);
  }
  for (const [at, fingerprints] of fixesBySeen)
    await tx.findingLifetime.updateMany({
      where: { fingerprint: { in: fingerprints }, fixedAt: null },
      data: { fixedAt: now, lastSeenAt: new Date(at) },
    });
  for (const m of plan.moved)
    await tx.findingLifetime.update({ where: { fingerprint: m.fingerprint }, data: { line: m.line } });
}
