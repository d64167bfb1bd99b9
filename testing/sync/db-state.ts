import type { SyncDb } from "../../lib/sync/persist/db";

/** The sync-owned state of an organisation, comparable across databases (no ids, no times). */
export async function syncedState(db: SyncDb, organizationId: string) {
  const repos = await db.repository.findMany({
    where: { organizationId },
    include: { snapshot: true },
    orderBy: { name: "asc" },
  });
  const org = await db.orgSnapshot.findUnique({ where: { organizationId } });
  return {
    repos: repos.map((r) => ({
      name: r.name,
      githubId: r.githubId?.toString() ?? null,
      archived: r.archived,
      missing: r.missingSince !== null,
      fingerprint: r.snapshot?.fingerprint ?? null,
      facts: r.snapshot?.facts ?? null,
      issues: r.snapshot?.issues ?? null,
    })),
    org: org?.facts ?? null,
  };
}
