import "server-only";
import { z } from "zod";
import { getDb } from "../../db";
import { authorize } from "../authz/authorize";
import { assertOrgScope } from "../internal/org-scope";
import type { Actor } from "../authz/actor";
import { syncErrorDetailsColumn } from "../internal/json-columns";

const input = z.object({
  organizationId: z.string().min(1),
  limit: z.number().int().min(1).max(100).default(20),
});

/** Run history for the Sync page, newest first, with each run's cost counters. */
export async function listSyncRuns(actor: Actor | null, raw: unknown) {
  const who = await authorize(actor, "sync:read");
  const { organizationId, limit } = input.parse(raw);
  assertOrgScope(who, organizationId, "No such organisation.");
  const runs = await getDb().syncRun.findMany({
    where: { organizationId },
    orderBy: { createdAt: "desc" },
    take: limit,
    select: {
      id: true,
      kind: true,
      status: true,
      trigger: true,
      createdAt: true,
      startedAt: true,
      finishedAt: true,
      durationMs: true,
      reposSeen: true,
      reposChanged: true,
      restRequests: true,
      restNotModified: true,
      graphqlQueries: true,
      graphqlPoints: true,
      rateLimitRemaining: true,
      errors: true,
      errorDetails: true,
      errorMessage: true,
    },
  });
  return runs.map((r) => ({ ...r, errorDetails: syncErrorDetailsColumn.read(r.errorDetails) }));
}
