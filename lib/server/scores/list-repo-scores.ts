import "server-only";
import { z } from "zod";
import { getDb } from "../../db";
import { authorize } from "../authz/authorize";
import { assertOrganizationVisible, organizationFilter } from "../internal/org-scope";
import type { Actor } from "../authz/actor";
import { MAX_PAGE } from "../../http/limits";

const input = z.object({
  organizationId: z.string().min(1).optional(),
  page: z.coerce.number().int().min(1).max(MAX_PAGE).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

/** Scored, current repositories, worst first (unscorable ones last), paginated. */
export async function listRepoScores(actor: Actor | null, raw: unknown = {}) {
  const who = await authorize(actor, "dashboard:read");
  const { organizationId, page, pageSize } = input.parse(raw);
  const visible = await organizationFilter(who);
  if (organizationId) await assertOrganizationVisible(who, organizationId, "such organisation");
  const where = {
    repository: { missingSince: null, ...visible, ...(organizationId ? { organizationId } : {}) },
  };
  const db = getDb();
  const [total, rows] = await Promise.all([
    db.repoScore.count({ where }),
    db.repoScore.findMany({
      where,
      orderBy: [{ overall: { sort: "asc", nulls: "last" } }, { repository: { fullName: "asc" } }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        overall: true,
        grade: true,
        identity: true,
        secrets: true,
        supplyChain: true,
        integrity: true,
        changeControl: true,
        coverage: true,
        failingCritical: true,
        failingHigh: true,
        policyVersion: true,
        computedAt: true,
        repository: {
          select: { fullName: true, name: true, archived: true, organization: { select: { login: true } } },
        },
      },
    }),
  ]);
  return {
    total,
    page,
    pageSize,
    pages: Math.max(1, Math.ceil(total / pageSize)),
    rows: rows.map(({ repository, ...score }) => ({
      ...score,
      fullName: repository.fullName,
      owner: repository.organization.login,
      name: repository.name,
      archived: repository.archived,
    })),
  };
}
