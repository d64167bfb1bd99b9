import "server-only";
import type { PrismaClient } from "../../generated/prisma/client";
import { effectiveStatusOf } from "../../scoring";
import type { CheckStatus } from "../../threat-model/live-status";

// Internal (no authorisation: callers have authorised and checked the organisation scope).
// The threat-model page needs each check's status, not its findings: Postgres reduces the
// stored results (about 40 KB of JSON per repository) to one short string per check, so
// the web process neither receives nor parses the rest on every view.

const STATUSES: ReadonlySet<string> = new Set<CheckStatus>(["pass", "fail", "not-applicable", "unknown"]);
const isCheckStatus = (s: string): s is CheckStatus => STATUSES.has(s);

/**
 * A repository's latest scoring: each check's status as scoring counts it (effectiveStatusOf,
 * from the finding counts Postgres returns), and when it was computed; null when the
 * repository has not been scored.
 */
export async function readCheckStatuses(
  db: PrismaClient,
  repositoryId: string,
): Promise<{ checks: Record<string, CheckStatus>; computedAt: Date } | null> {
  // One "checkId status findings suppressed" string per check.
  const [row] = await db.$queryRaw<Array<{ computedAt: Date; statuses: string[] }>>`
    SELECT "computedAt",
      ARRAY(SELECT concat_ws(' ', r->>'checkId', r->>'status', jsonb_array_length(r->'findings'),
          (SELECT count(*) FROM jsonb_array_elements(r->'findings') AS f(x) WHERE x ? 'suppressed'))
        FROM jsonb_array_elements("results") AS e(r)) AS "statuses"
    FROM "RepoScore" WHERE "repositoryId" = ${repositoryId}`;
  if (!row) return null;
  const checks: Record<string, CheckStatus> = {};
  for (const entry of row.statuses) {
    const [checkId, status, findings, suppressed] = entry.split(" ");
    if (checkId && status && isCheckStatus(status))
      checks[checkId] = effectiveStatusOf(status, Number(findings), Number(suppressed));
  }
  return { checks, computedAt: row.computedAt };
}
