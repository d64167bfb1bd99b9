import type { Policy, PolicyException } from "./schema";
import { compileRepoPattern } from "./repo-pattern";

/**
 * The exception that currently waives `checkId` for this repository, or null. An
 * exception applies up to (not including) its `expiresAt`, so it lapses by itself
 * without anyone editing the policy; an unparsable date never applies. When several
 * apply, the one that lasts longest wins (ties: first listed), so the reported
 * exception is the one the waiver really rests on. A pending exception (no approver
 * yet) never applies: it changes no score until a second security lead approves it.
 * Instance-scoped exceptions (with a `fingerprint`) are not whole-check waivers: see
 * `instanceException`.
 */
export function activeException(
  policy: Policy,
  checkId: string,
  repoFullName: string,
  now: Date,
): PolicyException | null {
  const at = now.getTime();
  let best: PolicyException | null = null;
  let bestExpiry = -Infinity;
  for (const exception of policy.exceptions) {
    if (exception.checkId !== checkId || !exception.approver || exception.fingerprint) continue;
    const expiry = Date.parse(exception.expiresAt);
    if (!Number.isFinite(expiry) || expiry <= at) continue;
    if (!compileRepoPattern(exception.repo)(repoFullName)) continue;
    if (expiry > bestExpiry) {
      best = exception;
      bestExpiry = expiry;
    }
  }
  return best;
}

/**
 * The approved, unexpired exception scoped to this one finding instance (its fingerprint)
 * of `checkId` in this repository, or null. Same rules as `activeException` otherwise.
 */
export function instanceException(
  policy: Policy,
  checkId: string,
  repoFullName: string,
  fingerprint: string,
  now: Date,
): PolicyException | null {
  const repo = repoFullName.toLowerCase();
  let best: PolicyException | null = null;
  for (const exception of policy.exceptions) {
    if (exception.fingerprint !== fingerprint || exception.checkId !== checkId) continue;
    if (exceptionStatus(exception, now) !== "active" || exception.repo.toLowerCase() !== repo) continue;
    if (!best || Date.parse(exception.expiresAt) > Date.parse(best.expiresAt)) best = exception;
  }
  return best;
}

export type ExceptionStatus = "pending" | "active" | "expired";

/** Pending until a second lead approves; active until (not including) `expiresAt`; then expired. */
export function exceptionStatus(
  exception: Pick<PolicyException, "approver" | "expiresAt">,
  now: Date,
): ExceptionStatus {
  const expiry = Date.parse(exception.expiresAt);
  if (!Number.isFinite(expiry) || expiry <= now.getTime()) return "expired";
  return exception.approver ? "active" : "pending";
}

export interface ExceptionLapse {
  reason: "expired" | "revoked";
  /** The task event's note, e.g. "exception EX-3-1 expired". */
  note: string;
}

/**
 * Why a task accepted under `exceptionId` is open again: the exception expired, or it is
 * no longer in the policy (revoked) or no longer approved. Null while it still applies.
 */
export function exceptionLapse(policy: Policy, exceptionId: string, now: Date): ExceptionLapse | null {
  const exception = policy.exceptions.find((e) => e.id === exceptionId);
  if (!exception) return { reason: "revoked", note: `exception ${exceptionId} revoked` };
  const status = exceptionStatus(exception, now);
  if (status === "expired") return { reason: "expired", note: `exception ${exceptionId} expired` };
  return status === "pending"
    ? { reason: "revoked", note: `exception ${exceptionId} is no longer approved` }
    : null;
}
