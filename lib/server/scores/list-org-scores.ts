import "server-only";
import { getDb } from "../../db";
import { gradeFor } from "../../scoring";
import { authorize } from "../authz/authorize";
import { organizationFilter } from "../internal/org-scope";
import type { Actor } from "../authz/actor";

const round = (value: number | null, decimals: number) =>
  value === null ? null : Math.round(value * 10 ** decimals) / 10 ** decimals;

/**
 * Every organisation with its current score: the mean of its current repositories'
 * stored scores per category (as the overview's headline), the grade of the mean, and
 * mean coverage. Repositories without a score do not pull the means down.
 */
export async function listOrgScores(actor: Actor | null) {
  const who = await authorize(actor, "dashboard:read");
  const db = getDb();
  const visible = (await organizationFilter(who)).organizationId;
  const orgs = await db.organization.findMany({
    ...(visible ? { where: { id: visible } } : {}),
    orderBy: { login: "asc" },
    select: { id: true, login: true, name: true },
  });
  return Promise.all(
    orgs.map(async (org) => {
      const agg = await db.repoScore.aggregate({
        where: { repository: { organizationId: org.id, missingSince: null } },
        _avg: {
          overall: true,
          identity: true,
          secrets: true,
          supplyChain: true,
          integrity: true,
          changeControl: true,
          coverage: true,
        },
        _count: { _all: true },
      });
      const a = agg._avg;
      const overall = round(a.overall, 1);
      return {
        login: org.login,
        name: org.name,
        scoredRepositories: agg._count._all,
        score: {
          overall,
          grade: gradeFor(overall),
          identity: round(a.identity, 1),
          secrets: round(a.secrets, 1),
          supplyChain: round(a.supplyChain, 1),
          integrity: round(a.integrity, 1),
          changeControl: round(a.changeControl, 1),
          coverage: round(a.coverage, 3),
        },
      };
    }),
  );
}
