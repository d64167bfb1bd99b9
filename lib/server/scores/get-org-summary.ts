import "server-only";
import { z } from "zod";
import { getDb } from "../../db";
import { gradeFor, type Grade } from "../../scoring";
import { authorize } from "../authz/authorize";
import { assertOrganizationVisible } from "../internal/org-scope";
import type { Actor } from "../authz/actor";

const input = z.object({
  organizationId: z.string().min(1),
  worst: z.number().int().min(0).max(50).default(5),
});

const GRADES: Grade[] = ["A", "B", "C", "D", "F"];
const round = (value: number | null, decimals: number) =>
  value === null ? null : Math.round(value * 10 ** decimals) / 10 ** decimals;

/** One organisation at a glance: mean score and its grade, grade distribution, failing critical checks, coverage, worst repositories. */
export async function getOrgSummary(actor: Actor | null, raw: unknown) {
  const who = await authorize(actor, "dashboard:read");
  const { organizationId, worst } = input.parse(raw);
  await assertOrganizationVisible(who, organizationId, "such organisation");
  const db = getDb();
  const where = { repository: { organizationId, missingSince: null } };
  const [agg, byGrade, worstRows, repositories] = await Promise.all([
    db.repoScore.aggregate({
      where,
      _avg: { overall: true, coverage: true },
      _sum: { failingCritical: true, failingHigh: true },
      _count: { _all: true },
    }),
    db.repoScore.groupBy({ by: ["grade"], where, _count: { _all: true } }),
    db.repoScore.findMany({
      where: { ...where, overall: { not: null } },
      orderBy: [{ overall: "asc" }, { repository: { fullName: "asc" } }],
      take: worst,
      select: {
        overall: true,
        grade: true,
        failingCritical: true,
        repository: { select: { fullName: true } },
      },
    }),
    db.repository.count({ where: { organizationId, missingSince: null } }),
  ]);
  const meanOverall = round(agg._avg.overall, 1);
  const distribution = Object.fromEntries(GRADES.map((g) => [g, 0])) as Record<Grade, number>;
  let ungraded = 0;
  for (const row of byGrade) {
    if (row.grade && (GRADES as string[]).includes(row.grade))
      distribution[row.grade as Grade] = row._count._all;
    else ungraded += row._count._all;
  }
  return {
    repositories,
    scored: agg._count._all,
    meanOverall,
    meanGrade: gradeFor(meanOverall),
    distribution,
    ungraded,
    failingCritical: agg._sum.failingCritical ?? 0,
    failingHigh: agg._sum.failingHigh ?? 0,
    coverage: round(agg._avg.coverage, 3),
    worst: worstRows.map((r) => ({
      fullName: r.repository.fullName,
      overall: r.overall,
      grade: r.grade,
      failingCritical: r.failingCritical,
    })),
  };
}
