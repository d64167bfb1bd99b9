import { createHash } from "node:crypto";
import type { ListedRepo } from "@/lib/github/queries/list-repos";
import type { RawRepoFacts } from "@/lib/github/queries/repo-facts-types";

// The change detector. Both the cheap listing and the facts query return these fields,
// so the fingerprint stored with a snapshot (computed from the facts it was built from)
// is comparable with the one the next listing computes. Anything that changes a
// repository's files moves the head oid; the default branch's protection rule rides
// along for free. Settings that change without a push (Actions settings, environments,
// rulesets, secrets) are caught by webhooks and the periodic full refresh instead.

/** Bump when normalisation changes: every snapshot is then refetched once. */
export const FACTS_VERSION = 1;

interface FingerprintFields {
  archived: boolean;
  visibility: string;
  pushedAt: string | null;
  defaultBranch: string | null;
  headOid: string | null;
  protection: unknown;
}

function protectionKey(rule: Record<string, unknown> | null | undefined): unknown {
  if (!rule) return null;
  const keys = ["id", "pattern", "requiredApprovingReviewCount", "dismissesStaleReviews", "requireLastPushApproval", "requiresCodeOwnerReviews", "isAdminEnforced", "allowsForcePushes", "allowsDeletions", "requiresCommitSignatures", "requiredStatusCheckContexts"];
  return keys.map((k) => rule[k] ?? null);
}

function hash(f: FingerprintFields): string {
  return createHash("sha256").update(JSON.stringify([f.archived, f.visibility, f.pushedAt, f.defaultBranch, f.headOid, f.protection])).digest("base64url");
}

export function fingerprintFromListing(r: ListedRepo): string {
  return hash({
    archived: r.isArchived,
    visibility: r.visibility,
    pushedAt: r.pushedAt,
    defaultBranch: r.defaultBranchRef?.name ?? null,
    headOid: r.defaultBranchRef?.target?.oid ?? null,
    protection: protectionKey(r.defaultBranchRef?.branchProtectionRule as Record<string, unknown> | null | undefined),
  });
}

export function fingerprintFromFacts(r: RawRepoFacts): string {
  return hash({
    archived: r.isArchived,
    visibility: r.visibility,
    pushedAt: r.pushedAt,
    defaultBranch: r.defaultBranchRef?.name ?? null,
    headOid: r.defaultBranchRef?.target?.oid ?? null,
    protection: protectionKey(r.defaultBranchRef?.branchProtectionRule as Record<string, unknown> | null | undefined),
  });
}
