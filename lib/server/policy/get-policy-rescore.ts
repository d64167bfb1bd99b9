import "server-only";
import { getDb } from "../../db";
import { authorize } from "../authz/authorize";
import type { Actor } from "../authz/actor";

export interface PolicyRescoreView {
  id: string;
  policyVersion: number;
  status: string;
  reposDone: number;
  reposTotal: number;
  /** 0–100; 0 while queued (the total is counted when the job starts). */
  percent: number;
  errorMessage: string | null;
  finishedAt: Date | null;
}

/** The latest re-scoring after a policy save (running or finished), for the policy page's progress bar. */
export async function getPolicyRescore(actor: Actor | null): Promise<PolicyRescoreView | null> {
  await authorize(actor, "dashboard:read");
  const run = await getDb().policyRescore.findFirst({
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      policyVersion: true,
      status: true,
      reposDone: true,
      reposTotal: true,
      errorMessage: true,
      finishedAt: true,
    },
  });
  if (!run) return null;
  const percent =
    run.status === "succeeded"
      ? 100
      : run.reposTotal === 0
        ? 0
        : Math.min(100, Math.floor((100 * run.reposDone) / run.reposTotal));
  return { ...run, percent };
}
