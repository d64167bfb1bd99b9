import "server-only";
import { z } from "zod";
import { Prisma } from "../../generated/prisma/client";
import type { Grade } from "../../scoring";
import { checkById } from "../../checks/catalogue";
import { getDb } from "../../db";
import { AppError } from "../../errors";
import { authorize } from "../authz/authorize";
import { assertOrganizationVisible } from "../internal/org-scope";
import type { Actor } from "../authz/actor";
import { effectivelyFailing } from "../internal/failing-result-sql";

export const REPO_SORTS = ["overall", "-overall", "name", "-name"] as const;

const input = z.object({
  org: z.string().min(1),
  failing: z
    .string()
    .refine((id) => checkById(id) !== undefined, "no such check")
    .optional(),
  grade: z.enum(["A", "B", "C", "D", "F"]).optional(),
  q: z.string().trim().min(1).max(100).optional(),
  sort: z.enum(REPO_SORTS).default("overall"),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(200).default(50),
});

const ORDER: Record<(typeof REPO_SORTS)[number], Prisma.Sql> = {
  overall: Prisma.sql`s.overall ASC NULLS LAST, repo."fullName" ASC`,
  "-overall": Prisma.sql`s.overall DESC NULLS LAST, repo."fullName" ASC`,
  name: Prisma.sql`repo."fullName" ASC`,
  "-name": Prisma.sql`repo."fullName" DESC`,
};

/**
 * An organisation's current, scored repositories filtered by failing check (suppressions
 * honoured), grade and name, sorted (worst first by default) and paged.
 */
export async function searchRepoScores(actor: Actor | null, raw: unknown) {
  const who = await authorize(actor, "dashboard:read");
  const { org, failing, grade, q, sort, page, pageSize } = input.parse(raw);
  const db = getDb();
  const organization = await db.organization.findUnique({ where: { login: org }, select: { id: true } });
  if (!organization) throw new AppError("not_found", "No such organisation.");
  await assertOrganizationVisible(who, organization.id, "such organisation");
  const conditions = [
    Prisma.sql`repo."organizationId" = ${organization.id}`,
    Prisma.sql`repo."missingSince" IS NULL`,
    ...(grade ? [Prisma.sql`s.grade = ${grade}`] : []),
    ...(q ? [Prisma.sql`repo.name ILIKE ${`%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`] : []),
    ...(failing
      ? [
          Prisma.sql`EXISTS (SELECT 1 FROM jsonb_array_elements(s.results) r
            WHERE r->>'checkId' = ${failing} AND ${effectivelyFailing(Prisma.sql`r`)})`,
        ]
      : []),
  ];
  const where = Prisma.join(conditions, " AND ");
  const from = Prisma.sql`FROM "RepoScore" s JOIN "Repository" repo ON repo.id = s."repositoryId"`;
  const [[count], rows] = await Promise.all([
    db.$queryRaw<Array<{ total: bigint }>>`SELECT count(*) AS total ${from} WHERE ${where}`,
    db.$queryRaw<
      Array<{ fullName: string; overall: number | null; grade: Grade | null; failingCritical: number }>
    >`
      SELECT repo."fullName", s.overall, s.grade, s."failingCritical" ${from}
      WHERE ${where} ORDER BY ${ORDER[sort]} LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
  ]);
  return { total: Number(count?.total ?? 0), page, pageSize, rows };
}
