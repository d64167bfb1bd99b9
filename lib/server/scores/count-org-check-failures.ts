import "server-only";
import { z } from "zod";
import { Prisma } from "../../generated/prisma/client";
import { catalogue } from "../../checks/catalogue";
import { getDb } from "../../db";
import { AppError } from "../../errors";
import { authorize } from "../authz/authorize";
import { assertOrganizationVisible } from "../internal/org-scope";
import type { Actor } from "../authz/actor";
import { effectivelyFailing } from "../internal/failing-result-sql";

const input = z.object({ org: z.string().min(1) });

/**
 * Per check in the catalogue: how many of the organisation's current, scored
 * repositories fail it (suppressions honoured) out of those where it had a pass or fail
 * result; not-applicable and unknown results count in neither. Computed from the stored
 * current results (no history needed). Most failing first.
 */
export async function countOrgCheckFailures(actor: Actor | null, raw: unknown) {
  const who = await authorize(actor, "dashboard:read");
  const { org } = input.parse(raw);
  const db = getDb();
  const organization = await db.organization.findUnique({ where: { login: org }, select: { id: true } });
  if (!organization) throw new AppError("not_found", "No such organisation.");
  await assertOrganizationVisible(who, organization.id, "such organisation");
  const rows = await db.$queryRaw<Array<{ check: string; failing: bigint; total: bigint; unknown: bigint }>>`
    SELECT r->>'checkId' AS "check",
           count(*) FILTER (WHERE ${effectivelyFailing(Prisma.sql`r`)}) AS failing,
           count(*) FILTER (WHERE r->>'status' IN ('pass', 'fail')) AS total,
           count(*) FILTER (WHERE r->>'status' = 'unknown') AS unknown
    FROM "RepoScore" s
    JOIN "Repository" repo ON repo.id = s."repositoryId"
    CROSS JOIN LATERAL jsonb_array_elements(s.results) r
    WHERE repo."organizationId" = ${organization.id} AND repo."missingSince" IS NULL
    GROUP BY 1`;
  const byId = new Map(rows.map((r) => [r.check, r]));
  return catalogue
    .map((c) => {
      const row = byId.get(c.id);
      return {
        check: c.id,
        title: c.title,
        category: c.category,
        severity: c.severity,
        failing: Number(row?.failing ?? 0),
        total: Number(row?.total ?? 0),
        unknown: Number(row?.unknown ?? 0),
      };
    })
    .sort((a, b) => b.failing - a.failing || a.check.localeCompare(b.check));
}
