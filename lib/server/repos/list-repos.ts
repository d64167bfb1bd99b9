import "server-only";
import { getDb } from "../../db";
import type { Prisma } from "../../generated/prisma/client";
import { authorize } from "../authz/authorize";
import { assertOrgScope } from "../internal/org-scope";
import { shareInFlight } from "../internal/share-in-flight";
import type { Actor } from "../authz/actor";
import { listReposInput, type ListReposQuery, type RepoListItem } from "../internal/list-repos-input";

const SEVERITIES_AT_LEAST: Record<string, string[]> = {
  critical: ["critical"],
  high: ["critical", "high"],
  medium: ["critical", "high", "medium"],
  low: ["critical", "high", "medium", "low"],
};

function whereOf(q: ListReposQuery): Prisma.RepoScoreWhereInput {
  const facet: Prisma.RepoFacetWhereInput = {
    ...(q.empty ? {} : { empty: false }),
    ...(q.failing ? { failingChecks: { has: q.failing } } : {}),
    ...(q.severity ? { worstSeverity: { in: SEVERITIES_AT_LEAST[q.severity] } } : {}),
    ...(q.owner ? { owners: { has: q.owner.startsWith("@") ? q.owner : `@${q.owner}` } } : {}),
    ...(q.critical !== undefined ? { critical: q.critical } : {}),
    ...(q.production !== undefined ? { hasProductionEnvironment: q.production } : {}),
  };
  const range =
    q.category && (q.min !== undefined || q.max !== undefined)
      ? {
          [q.category]: {
            ...(q.min !== undefined ? { gte: q.min } : {}),
            ...(q.max !== undefined ? { lte: q.max } : {}),
          },
        }
      : {};
  return {
    ...range,
    ...(q.grade?.length ? { grade: { in: q.grade } } : {}),
    repository: {
      organizationId: q.organizationId,
      missingSince: null,
      ...(q.archived ? {} : { archived: false }),
      ...(q.visibility ? { visibility: q.visibility } : {}),
      ...(q.q ? { name: { contains: q.q, mode: "insensitive" as const } } : {}),
      ...(Object.keys(facet).length > 0 ? { facet: { is: facet } } : {}),
    },
  };
}

/**
 * The organisation's repository table: filtered, sorted and paged in Postgres (never in
 * memory), so it behaves the same at 10,000 rows. Default: worst overall first, archived
 * and empty repositories left out. Unscorable repositories sort last in either direction.
 */
export async function listRepos(
  actor: Actor | null,
  raw: unknown,
): Promise<{ items: RepoListItem[]; total: number; page: number; pageSize: number }> {
  const who = await authorize(actor, "dashboard:read");
  const q = listReposInput.parse(raw);
  assertOrgScope(who, q.organizationId, "No such organisation.");
  const dir =
    q.dir ??
    (q.sort === "name" || q.sort === "failingCritical" ? (q.sort === "name" ? "asc" : "desc") : "asc");
  const orderBy: Prisma.RepoScoreOrderByWithRelationInput[] =
    q.sort === "name"
      ? [{ repository: { name: dir } }]
      : q.sort === "failingCritical" || q.sort === "coverage"
        ? [{ [q.sort]: dir }, { repository: { name: "asc" } }]
        : [{ [q.sort]: { sort: dir, nulls: "last" } }, { repository: { name: "asc" } }];
  const where = whereOf(q);
  const page = { where, orderBy, skip: (q.page - 1) * q.pageSize, take: q.pageSize };
  const db = getDb();
  // The count reads every matching repository (7,000–10,000 rows at 10,000 repositories,
  // most of each overview's and API call's database time): people loading the same
  // organisation, filters and page at the same moment share one count and one page read.
  // The keys hold the whole query, organisation included, so nothing else ever shares them.
  const [total, rows] = await Promise.all([
    shareInFlight(`list-repos-count:${JSON.stringify(where)}`, () => db.repoScore.count({ where })),
    shareInFlight(`list-repos-page:${JSON.stringify(page)}`, () =>
      db.repoScore.findMany({
        ...page,
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
          repository: {
            select: {
              fullName: true,
              name: true,
              archived: true,
              visibility: true,
              facet: { select: { empty: true, critical: true, hasProductionEnvironment: true } },
            },
          },
        },
      }),
    ),
  ]);
  const items = rows.map(({ repository: { facet, ...repo }, ...score }) => ({
    ...score,
    ...repo,
    empty: facet?.empty ?? false,
    critical: facet?.critical ?? false,
    hasProductionEnvironment: facet?.hasProductionEnvironment ?? false,
  }));
  return { items, total, page: q.page, pageSize: q.pageSize };
}
