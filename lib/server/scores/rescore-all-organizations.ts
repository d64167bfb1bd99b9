import "server-only";
import { getDb } from "../../db";
import { authorize } from "../authz/authorize";
import type { Actor } from "../authz/actor";
import { scoreOrganization, type ScoreRunSummary } from "./score-organization";

/** After a policy change: every organisation with synced facts, one after the other (no re-sync). */
export async function rescoreAllOrganizations(actor: Actor | null, now?: Date): Promise<ScoreRunSummary[]> {
  await authorize(actor, "sync:start");
  const orgs = await getDb().organization.findMany({
    where: { repositories: { some: { snapshot: { isNot: null } } } },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  const out: ScoreRunSummary[] = [];
  for (const { id } of orgs)
    out.push(await scoreOrganization(actor, { organizationId: id, ...(now ? { now } : {}) }));
  return out;
}
