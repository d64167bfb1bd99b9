import { describe, expect, it } from "vitest";
import { ctx, fixtureFacts, inlineFacts } from "../test-kit";
import { unpinnedAction } from "./unpinned-action";

const wf = (steps: string, extra = "") =>
  `on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n${extra}    steps:\n${steps}`;

describe("unpinned-action", () => {
  it("passes scorecard's SHA-pinned workflows", () => {
    const o = unpinnedAction.run(fixtureFacts("ossf__scorecard"), ctx);
    expect(o.status).toBe("pass");
  });

  it("fails goat's tag refs; GitHub-owned actions are medium; rewrites the line when the SHA is known", () => {
    const facts = fixtureFacts("step-security__github-actions-goat", {
      actionRefShas: { "actions/checkout@v3": "f43a0e5ff2bd294095638e18286ca9a3d1956744" },
    });
    const o = unpinnedAction.run(facts, ctx);
    expect(o.status).toBe("fail");
    const byLine = Object.fromEntries(
      o.findings.map((f) => [f.evidence.kind === "file" ? f.evidence.line : 0, f]),
    );
    expect(Object.keys(byLine)).toEqual(["9", "12", "18"]);
    expect(byLine[12]?.severity).toBe("medium");
    expect(byLine[12]?.remediation).toContain(
      "      - uses: actions/checkout@f43a0e5ff2bd294095638e18286ca9a3d1956744 # v3",
    );
    expect(byLine[18]?.severity).toBeUndefined();
    expect(byLine[18]?.remediation).toMatch(
      /git ls-remote https:\/\/github.com\/elgohr\/Publish-Docker-Github-Action refs\/tags\/v5/,
    );
  });

  it("flags the job-level reusable workflow ref in flask's publish workflow", () => {
    const o = unpinnedAction.run(fixtureFacts("pallets__flask"), ctx);
    expect(o.findings.map((f) => f.message)).toEqual([
      expect.stringContaining(
        "slsa-framework/slsa-github-generator/.github/workflows/generator_generic_slsa3.yml@v1.9.0",
      ),
    ]);
  });

  it("local and docker refs are fine, short SHAs are not", () => {
    const facts = inlineFacts({
      ".github/workflows/ci.yml": wf(
        `      - uses: ./.github/actions/setup\n      - uses: docker://alpine@sha256:${"a".repeat(64)}\n      - uses: acme/tool@abc1234\n`,
      ),
    });
    const o = unpinnedAction.run(facts, ctx);
    expect(o.findings).toHaveLength(1);
    expect(o.findings[0]?.message).toMatch(/short SHA/);
  });
});
