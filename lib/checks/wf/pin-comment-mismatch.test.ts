import { describe, expect, it } from "vitest";
import { runOn } from "../test-kit";
import { pinCommentMismatch } from "./pin-comment-mismatch";

const SHA = "a".repeat(40);
const OTHER = "b".repeat(40);
const wf = (comment: string) => `on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: acme/setup@${SHA}${comment}
`;
const tags = (t: Record<string, string | null>) => ({
  actionRepos: { "acme/setup": { archived: false, commits: {}, tags: t } },
});

describe("pin-comment-mismatch", () => {
  it("fails when the commented tag points to another commit, with the corrected line", () => {
    const o = runOn(pinCommentMismatch, wf(" # v1.2.0"), tags({ "v1.2.0": OTHER }));
    expect(o.status).toBe("fail");
    expect(o.findings[0]?.message).toContain(`v1.2.0 points to ${OTHER.slice(0, 12)}`);
    expect(o.findings[0]?.remediation).toContain(`- uses: acme/setup@${OTHER} # v1.2.0`);
  });

  it("fails when the commented tag does not exist", () => {
    const o = runOn(pinCommentMismatch, wf(" # v9.9.9"), tags({ "v9.9.9": null }));
    expect(o.findings[0]?.message).toContain("has no tag v9.9.9");
  });

  it("passes when the tag points to the pinned commit (also as `tag=` comments)", () => {
    expect(runOn(pinCommentMismatch, wf(" # v1.2.0"), tags({ "v1.2.0": SHA })).status).toBe("pass");
    expect(runOn(pinCommentMismatch, wf(" # tag=v1.2.0"), tags({ "v1.2.0": SHA })).status).toBe("pass");
  });

  it("is not applicable without a version comment and unknown offline", () => {
    expect(runOn(pinCommentMismatch, wf(""), tags({})).status).toBe("not-applicable");
    expect(runOn(pinCommentMismatch, wf(" # pinned by hand"), tags({})).status).toBe("not-applicable");
    expect(runOn(pinCommentMismatch, wf(" # v1.2.0")).status).toBe("unknown");
    expect(runOn(pinCommentMismatch, wf(" # v1.2.0"), tags({})).reason).toContain("acme/setup@v1.2.0");
  });
});
