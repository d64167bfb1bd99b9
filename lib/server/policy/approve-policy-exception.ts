import "server-only";
import { AppError } from "../../errors";
import type { Actor } from "../authz/actor";
import { authorize } from "../authz/authorize";
import { exceptionTarget, openExceptionDecision } from "../internal/open-exception-decision";
import { savePolicyVersion, type SavedPolicy } from "./save-policy-version";

/**
 * A second security lead approves a pending exception: a new policy version in which it
 * waives its check (and the repositories are re-scored). The requester cannot approve
 * their own request (four eyes); an engineer is refused by exception:approve.
 */
export async function approvePolicyException(actor: Actor | null, raw: unknown): Promise<SavedPolicy> {
  const who = await authorize(actor, "exception:approve", exceptionTarget(raw));
  const { current, exception, expectedVersion, now } = await openExceptionDecision(who, raw);
  const exceptionId = exception.id;
  if (exception.approver)
    throw new AppError("conflict", `Exception ${exceptionId} is already approved by ${exception.approver}.`);
  const me = who.login ?? who.userId;
  if (exception.requestedBy === me)
    throw new AppError(
      "forbidden",
      `You requested exception ${exceptionId}; another security lead must approve it.`,
    );
  return savePolicyVersion(who, current.policy, {
    note: `Exception ${exceptionId} approved`,
    expectedVersion,
    now,
    approvals: new Map([[exceptionId, me]]),
  });
}
