import { describe, expect, it } from "vitest";
import { ctx } from "../wf/test-kit";
import { knownVulnerableAction } from "./known-vulnerable-action";
import { unpinnedAction } from "./unpinned-action";
import { unpinnedImage } from "./unpinned-image";
import { fixtureFacts, inlineFacts } from "./test-kit";

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

describe("known-vulnerable-action", () => {
  const adv = {
    ghsaId: "GHSA-mrrh-fwg8-r2c3",
    action: "tj-actions/changed-files",
    severity: "high" as const,
    vulnerableRange: "< 46.0.1",
    patchedVersion: "46.0.1",
    summary: "tag compromise",
    affectedShas: ["0e58ed8671d6b60d0890c21b07f8835ace038e67"],
  };

  it("fails on a vulnerable tag, a floating major (medium) and an affected SHA", () => {
    const facts = inlineFacts(
      {
        ".github/workflows/ci.yml": wf(
          `      - uses: tj-actions/changed-files@v45.0.7\n      - uses: tj-actions/changed-files@v35\n      - uses: tj-actions/changed-files@0e58ed8671d6b60d0890c21b07f8835ace038e67 # v45\n      - uses: tj-actions/changed-files@v46.0.1\n`,
        ),
      },
      { actionAdvisories: [adv] },
    );
    const o = knownVulnerableAction.run(facts, ctx);
    expect(o.status).toBe("fail");
    expect(o.findings.map((f) => [f.evidence.kind === "file" && f.evidence.line, f.confidence])).toEqual([
      [6, "high"],
      [7, "medium"],
      [8, "high"],
    ]);
    expect(o.findings[0]?.remediation).toContain("46.0.1");
  });

  it("passes on a patched version, is unknown without advisories", () => {
    const files = { ".github/workflows/ci.yml": wf("      - uses: tj-actions/changed-files@v46.0.1\n") };
    expect(knownVulnerableAction.run(inlineFacts(files, { actionAdvisories: [adv] }), ctx).status).toBe(
      "pass",
    );
    expect(knownVulnerableAction.run(inlineFacts(files, { actionAdvisories: null }), ctx).status).toBe(
      "unknown",
    );
  });
});

describe("unpinned-image", () => {
  it("flags unpinned workflow containers/services and Dockerfile FROM; skips scratch and stage refs", () => {
    const facts = inlineFacts({
      ".github/workflows/ci.yml": wf(
        `      - uses: docker://ghcr.io/acme/lint:1\n      - run: make\n`,
        `    container: node:20\n    services:\n      db:\n        image: postgres:16@sha256:${"b".repeat(64)}\n`,
      ),
      Dockerfile:
        "FROM golang:1.23 AS build\nRUN go build\nFROM build AS test\nFROM scratch\nCOPY --from=build /app /app\n",
    });
    const o = unpinnedImage.run(facts, ctx);
    expect(o.status).toBe("fail");
    expect(
      o.findings.map((f) => (f.evidence.kind === "file" ? `${f.evidence.file}:${f.evidence.line}` : "")),
    ).toEqual([".github/workflows/ci.yml:5", ".github/workflows/ci.yml:10", "Dockerfile:1"]);
    expect(o.findings[2]?.remediation).toContain("golang:1.23@sha256:<digest>");
  });

  it("passes scorecard's digest-pinned Dockerfile; goat's node:18 fails", () => {
    expect(unpinnedImage.run(fixtureFacts("ossf__scorecard"), ctx).status).toBe("pass");
    expect(
      unpinnedImage.run(fixtureFacts("step-security__github-actions-goat"), ctx).findings[0]?.message,
    ).toMatch(/node:18/);
  });

  it("is unknown for images it cannot resolve, not-applicable without images", () => {
    const unresolved = inlineFacts({ Dockerfile: "ARG BASE\nFROM ${BASE}\n" });
    expect(unpinnedImage.run(unresolved, ctx)).toMatchObject({
      status: "unknown",
      reason: expect.stringMatching(/build argument/),
    });
    expect(unpinnedImage.run(inlineFacts({ "README.md": "x" }), ctx).status).toBe("not-applicable");
  });
});

describe("unpinned-image with matrix containers", () => {
  it("expands ${{ matrix.container }} to its literal values", () => {
    const job = `    strategy:\n      matrix:\n        container: ["alpine:3@sha256:${"e".repeat(64)}"]\n        include:\n          - container: debian:12\n    container: \${{ matrix.container }}\n`;
    const o = unpinnedImage.run(
      inlineFacts({ ".github/workflows/ci.yml": wf("      - run: make\n", job) }),
      ctx,
    );
    expect(o).toMatchObject({
      status: "fail",
      findings: [{ message: expect.stringMatching(/debian:12/), evidence: { line: 10 } }],
    });
    const dynamic = `    container: \${{ fromJSON(needs.x.outputs.image) }}\n`;
    expect(
      unpinnedImage.run(inlineFacts({ ".github/workflows/ci.yml": wf("      - run: make\n", dynamic) }), ctx)
        .status,
    ).toBe("unknown");
  });
});
