import "server-only";
import { z } from "zod";
import { checkById } from "../../checks/catalogue";
import type { Finding } from "../../checks/types";
import { getDb } from "../../db";
import { AppError } from "../../errors";
import { isOrgLevel } from "../../history/instances";
import { authorize } from "../authz/authorize";
import { assertOrgScope } from "../internal/org-scope";
import { checkResultsColumn } from "../internal/json-columns";
import type { Actor } from "../authz/actor";

export const listCheckFailuresInput = z
  .object({
    organizationId: z.string().min(1),
    check: z.string().regex(/^[a-z0-9-]{1,60}$/),
    archived: z.boolean().default(false),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(25),
  })
  .strict();

export interface CheckFailure {
  fullName: string;
  overall: number | null;
  grade: string | null;
  archived: boolean;
  /** The repository-level findings of this check (org-level ones are shown once, elsewhere). */
  findings: Finding[];
  reason: string | null;
}

/**
 * The repositories failing one check at repository level, worst first, each with the
 * findings (evidence, fix) of that check only: the page a check in "checks across the org"
 * opens. Reads the facet's failing list (GIN-indexed), then one page of score rows.
 */
export async function listCheckFailures(actor: Actor | null, raw: unknown) {
  const who = await authorize(actor, "dashboard:read");
  const parsed = listCheckFailuresInput.safeParse(raw);
  if (!parsed.success) throw new AppError("invalid", parsed.error.issues[0]?.message ?? "Invalid input.");
  const { organizationId, check, archived, page, pageSize } = parsed.data;
  assertOrgScope(who, organizationId, "No such organisation.");
  const definition = checkById(check);
  if (!definition) throw new AppError("not_found", "No such check.");
  const where = {
    repository: {
      organizationId,
      missingSince: null,
      ...(archived ? {} : { archived: false }),
      facet: { is: { failingChecks: { has: check } } },
    },
  };
  const db = getDb();
  const [total, rows] = await Promise.all([
    db.repoScore.count({ where }),
    db.repoScore.findMany({
      where,
      orderBy: [{ overall: { sort: "asc", nulls: "last" } }, { repository: { name: "asc" } }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        overall: true,
        grade: true,
        results: true,
        repository: { select: { fullName: true, archived: true } },
      },
    }),
  ]);
  const items: CheckFailure[] = rows.map((r) => {
    const result = checkResultsColumn.read(r.results).find((x) => x.checkId === check);
    return {
      fullName: r.repository.fullName,
      archived: r.repository.archived,
      overall: r.overall,
      grade: r.grade,
      findings: (result?.findings ?? []).filter((f) => !f.suppressed && !isOrgLevel(f.evidence)),
      reason: result?.reason ?? null,
    };
  });
  return {
    check: {
      id: definition.id,
      title: definition.title,
      category: definition.category,
      severity: definition.severity,
      rationale: definition.rationale,
      remediation: definition.remediation,
    },
    items,
    total,
    page,
    pageSize,
  };
}
