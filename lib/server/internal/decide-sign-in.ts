import "server-only";
import type { RequestMeta } from "./request-context";
import { appendAuditEntry } from "./append-audit-entry";
import { checkMembershipLive, isAllowlisted, type AccessPolicy } from "./org-membership";

export type SignInRefusal = "disabled" | "not_member";

export interface SignInAttempt {
  /** The GitHub login the OAuth dance proved. */
  login: string | null;
  /** The Gatehouse user, when this GitHub account has signed in before. */
  userId: string | null;
  disabled: boolean;
}

/**
 * Runs in next-auth's signIn callback, before any user or session row exists: a refusal
 * here means no user is created, no session is issued, and the refusal is audited with
 * who tried and from where [ASVS 7.4.2, 8.2.1, 16.3.1].
 */
export async function decideSignIn(
  policy: AccessPolicy,
  attempt: SignInAttempt,
  meta: RequestMeta,
  key: Buffer,
): Promise<{ ok: true } | { ok: false; reason: SignInRefusal }> {
  const reason = await refusalOf(policy, attempt, key);
  if (!reason) return { ok: true };
  await appendAuditEntry(
    { userId: attempt.userId, login: attempt.login, ...meta },
    {
      action: "auth.sign_in_refused",
      targetType: "github_login",
      targetId: attempt.login ?? undefined,
      details: { reason },
    },
  );
  return { ok: false, reason };
}

async function refusalOf(
  policy: AccessPolicy,
  attempt: SignInAttempt,
  key: Buffer,
): Promise<SignInRefusal | null> {
  if (attempt.disabled) return "disabled";
  if (!attempt.login) return "not_member";
  if (isAllowlisted(policy, attempt.login)) return null;
  const orgs = await checkMembershipLive(policy, attempt.login, key);
  return orgs.length > 0 ? null : "not_member";
}
