import "server-only";
import type { Actor } from "../authz/actor";
import { authorize } from "../authz/authorize";
import { exceptionTarget, openExceptionDecision } from "../internal/open-exception-decision";
import { savePolicyVersion, type SavedPolicy } from "./save-policy-version";

/**
 * A security lead withdraws an exception (pending or approved) before it expires: a new
 * policy version without it, audited as "policy.updated" with the note "Exception … revoked".
 * The re-scoring that follows counts its findings as failing again, and the tasks it had
 * accepted reopen with the event "exception … revoked".
 */
export async function revokePolicyException(actor: Actor | null, raw: unknown): Promise<SavedPolicy> {
  const who = await authorize(actor, "exception:approve", exceptionTarget(raw));
  const { current, exception, expectedVersion, now } = await openExceptionDecision(who, raw);
  return savePolicyVersion(
    who,
    { ...current.policy, exceptions: current.policy.exceptions.filter((e) => e.id !== exception.id) },
    { note: `Exception ${exception.id} revoked`, expectedVersion, now },
  );
}
