import "server-only";
import { z } from "zod";
import { getDb } from "../../db";
import { authorize } from "../authz/authorize";
import { assertOrgScope } from "../internal/org-scope";
import type { Actor } from "../authz/actor";

const input = z.object({ organizationId: z.string().min(1) });

/** The active run's progress bar (null when none), and when facts were last written. */
export async function getSyncProgress(actor: Actor | null, raw: unknown) {
  const who = await authorize(actor, "sync:read");
  const { organizationId } = input.parse(raw);
  assertOrgScope(who, organizationId, "No such organisation.");
  const db = getDb();
  const [active, lastSucceeded] = await Promise.all([
    db.syncRun.findFirst({
      where: { organizationId, status: { in: ["queued", "running"] } },
      select: {
        id: true,
        kind: true,
        status: true,
        trigger: true,
        startedAt: true,
        listingComplete: true,
        reposSeen: true,
        reposChanged: true,
        reposDone: true,
        batchesTotal: true,
        batchesDone: true,
      },
    }),
    db.syncRun.findFirst({
      where: { organizationId, status: "succeeded" },
      orderBy: { finishedAt: "desc" },
      select: { id: true, finishedAt: true },
    }),
  ]);
  const percent = !active
    ? null
    : !active.listingComplete
      ? 0
      : active.reposChanged === 0
        ? 100
        : Math.floor((100 * active.reposDone) / active.reposChanged);
  return { active: active && { ...active, percent }, lastSucceededAt: lastSucceeded?.finishedAt ?? null };
}
