import "server-only";
import { z } from "zod";
import type { OrgSnapshotData } from "../../history/org-tally";
import { authorize } from "../authz/authorize";
import { assertOrgScope } from "../internal/org-scope";
import { readLatestOrgSnapshot } from "../internal/read-latest-org-snapshot";
import type { Actor } from "../authz/actor";

const input = z.object({ organizationId: z.string().min(1) }).strict();
const r1 = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);

export type OrgSnapshotView = OrgSnapshotData & { takenAt: Date; policyVersion: number };

/**
 * The organisation's latest scoring as a cached summary (one row): what the overview's
 * headline shows without aggregating every repository's score. Null before the first scoring.
 */
export async function getOrgSnapshot(actor: Actor | null, raw: unknown): Promise<OrgSnapshotView | null> {
  const who = await authorize(actor, "dashboard:read");
  const { organizationId } = input.parse(raw);
  assertOrgScope(who, organizationId, "No such organisation.");
  const row = await readLatestOrgSnapshot(organizationId);
  if (!row) return null;
  return {
    takenAt: row.takenAt,
    policyVersion: row.policyVersion,
    overall: r1(row.overall),
    identity: r1(row.identity),
    secrets: r1(row.secrets),
    supplyChain: r1(row.supplyChain),
    integrity: r1(row.integrity),
    changeControl: r1(row.changeControl),
    grade: (row.grade?.trim() ?? null) as OrgSnapshotData["grade"],
    coverage: row.coverage === null ? null : Math.round(row.coverage * 1000) / 1000,
    repositories: row.repositories,
    distribution: row.distribution as OrgSnapshotData["distribution"],
    counts: row.counts as OrgSnapshotData["counts"],
    checks: row.checks as OrgSnapshotData["checks"],
    orgFindings: row.orgFindings as OrgSnapshotData["orgFindings"],
  };
}
