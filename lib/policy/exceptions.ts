import type { Policy, PolicyException } from "./schema";
import { compileRepoPattern } from "./repo-pattern";

/**
 * The exception that currently waives `checkId` for this repository, or null. An
 * exception applies up to (not including) its `expiresAt`, so it lapses by itself
 * without anyone editing the policy; an unparsable date never applies. When several
 * apply, the one that lasts longest wins (ties: first listed), so the reported
 * exception is the one the waiver really rests on. A pending exception (no approver
 * yet) never applies: it changes no score until a second security lead approves it.
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
    if (exception.checkId !== checkId || !exception.approver) continue;
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
