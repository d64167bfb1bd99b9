import "server-only";
import type { PolicyException } from "../../checks/types";
import { getDb } from "../../db";
import { exceptionStatus, type ExceptionStatus } from "../../policy";
import { authorize } from "../authz/authorize";
import type { Actor } from "../authz/actor";
import { loadActivePolicy, type ActivePolicy } from "../internal/load-active-policy";

export interface ExceptionView extends PolicyException {
  /** False once `expiresAt` has passed: the exception no longer waives anything. */
  active: boolean;
  /** Requested but not yet approved by a second security lead: waives nothing. */
  pending: boolean;
  status: ExceptionStatus;
}

export interface ActivePolicyView extends Omit<ActivePolicy, "policy"> {
  policy: ActivePolicy["policy"];
  createdByLogin: string | null;
  exceptions: ExceptionView[];
}

/** The policy scores are computed under, readable by everyone on the dashboard. */
export async function getActivePolicy(
  actor: Actor | null,
  now: Date = new Date(),
): Promise<ActivePolicyView> {
  await authorize(actor, "dashboard:read");
  const active = await loadActivePolicy();
  const user = active.createdById
    ? await getDb().user.findUnique({ where: { id: active.createdById }, select: { githubLogin: true } })
    : null;
  const exceptions = active.policy.exceptions.map((e) => {
    const expiry = Date.parse(e.expiresAt);
    const live = Number.isFinite(expiry) && expiry > now.getTime();
    return { ...e, active: live && !!e.approver, pending: !e.approver, status: exceptionStatus(e, now) };
  });
  return { ...active, createdByLogin: user?.githubLogin ?? null, exceptions };
}
