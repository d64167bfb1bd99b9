import { describe, expect, it } from "vitest";
import type { ListedRepo } from "@/lib/github/queries/list-repos";
import { repoFingerprint } from "./fingerprint";
import { rawRepo } from "./normalise/fixtures.test-helpers";

const listed = (over: Partial<ListedRepo> = {}): ListedRepo => ({
  id: "R_1",
  databaseId: 1,
  name: "api",
  isArchived: false,
  isFork: false,
  isEmpty: false,
  visibility: "PRIVATE",
  pushedAt: "2024-06-01T00:00:00Z",
  defaultBranchRef: { name: "main", target: { oid: "a".repeat(40) }, branchProtectionRule: null },
  ...over,
});

describe("fingerprint", () => {
  it("agrees between the listing and the facts query for the same state", () => {
    expect(repoFingerprint(listed())).toBe(repoFingerprint(rawRepo()));
  });

  it("moves when the head commit, archive flag or protection rule changes", () => {
    const base = repoFingerprint(listed());
    expect(
      repoFingerprint(
        listed({
          defaultBranchRef: { name: "main", target: { oid: "b".repeat(40) }, branchProtectionRule: null },
        }),
      ),
    ).not.toBe(base);
    expect(repoFingerprint(listed({ isArchived: true }))).not.toBe(base);
    const rule = {
      id: "B",
      pattern: "main",
      requiredApprovingReviewCount: 1,
      dismissesStaleReviews: false,
      requireLastPushApproval: false,
      requiresCodeOwnerReviews: false,
      isAdminEnforced: false,
      allowsForcePushes: false,
      allowsDeletions: false,
      requiresCommitSignatures: false,
      requiredStatusCheckContexts: [],
    };
    const withRule = repoFingerprint(
      listed({
        defaultBranchRef: { name: "main", target: { oid: "a".repeat(40) }, branchProtectionRule: rule },
      }),
    );
    expect(withRule).not.toBe(base);
    const stricter = repoFingerprint(
      listed({
        defaultBranchRef: {
          name: "main",
          target: { oid: "a".repeat(40) },
          branchProtectionRule: { ...rule, requiredApprovingReviewCount: 2 },
        },
      }),
    );
    expect(stricter).not.toBe(withRule);
  });
});
