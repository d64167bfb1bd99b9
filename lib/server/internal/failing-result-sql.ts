import "server-only";
import { Prisma } from "../../generated/prisma/client";

/**
 * SQL that is true for a RepoScore.results element `r` (a CheckResult as jsonb) that
 * counts as failing: status "fail" with at least one finding not suppressed, or none at
 * all (lib/scoring's effectiveStatus: a fail whose findings are all suppressed is a pass).
 */
export function effectivelyFailing(r: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(${r}->>'status' = 'fail' AND (
    jsonb_array_length(COALESCE(${r}->'findings', '[]'::jsonb)) = 0
    OR EXISTS (SELECT 1 FROM jsonb_array_elements(${r}->'findings') f WHERE NOT (f ? 'suppressed'))))`;
}
