import "server-only";
import { cache } from "react";
import { getDb } from "../../db";

/**
 * The organisation's latest snapshot row. The overview reads it through two verbs (the
 * headline and the checks table): memoised per request, so that is one query, not two.
 * Callers authorise first; this only reads.
 */
export const readLatestOrgSnapshot = cache((organizationId: string) =>
  getDb().orgScoreSnapshot.findFirst({ where: { organizationId }, orderBy: { takenAt: "desc" } }),
);
