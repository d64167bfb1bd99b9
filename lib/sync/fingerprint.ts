import { createHash } from "node:crypto";

// The change detector. Both the cheap listing and the facts query return these fields,
// so the fingerprint stored with a snapshot (computed from the facts it was built from)
// is comparable with the one the next listing computes. Anything that changes a
// repository's files moves the head oid; the default branch's protection rule rides
// along for free. Settings that change without a push (Actions settings, environments,
// rulesets, secrets) are caught by webhooks and the periodic full refresh instead.

/** Bump when normalisation changes: every snapshot is then refetched once. */
export const FACTS_VERSION = 2;

/** The fields both the listing (ListedRepo) and the facts query (RawRepoFacts) return. */
interface FingerprintSource {
  isArchived: boolean;
  visibility: string;
  pushedAt: string | null;
  defaultBranchRef?: {
    name?: string | null;
    target?: { oid?: string | null } | null;
    branchProtectionRule?: unknown;
  } | null;
}

function protectionKey(rule: Record<string, unknown> | null | undefined): unknown {
  if (!rule) return null;
  const keys = [
    "id",
    "pattern",
    "requiredApprovingReviewCount",
    "dismissesStaleReviews",
    "requireLastPushApproval",
    "requiresCodeOwnerReviews",
    "isAdminEnforced",
    "allowsForcePushes",
    "allowsDeletions",
    "requiresCommitSignatures",
    "requiredStatusCheckContexts",
  ];
  return keys.map((k) => rule[k] ?? null);
}

/** One hash for a listed repository and for the facts a snapshot was built from, so they compare. */
export function repoFingerprint(r: FingerprintSource): string {
  const ref = r.defaultBranchRef;
  const fields = [
    r.isArchived,
    r.visibility,
    r.pushedAt,
    ref?.name ?? null,
    ref?.target?.oid ?? null,
    protectionKey(ref?.branchProtectionRule as Record<string, unknown> | null | undefined),
  ];
  return createHash("sha256").update(JSON.stringify(fields)).digest("base64url");
}
