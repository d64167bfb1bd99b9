import { describe, expect, it } from "vitest";
import { ctx, fixtureFacts, inlineFacts } from "../test-kit";
import { unpinnedImage } from "./unpinned-image";

const wf = (steps: string, extra = "") =>
  `on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n${extra}    steps:\n${steps}`;

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

describe("unpinned-image in docker actions", () => {
  const action = (image: string) =>
    `name: lint\nruns:\n  using: docker\n  image: ${image}\n  args: ["--strict"]\n`;
  it("flags an action.yml whose runs.image is an unpinned docker:// reference", () => {
    const o = unpinnedImage.run(inlineFacts({ "action.yml": action("docker://ghcr.io/acme/lint:2") }), ctx);
    expect(o.status).toBe("fail");
    expect(o.findings[0]?.evidence).toMatchObject({ file: "action.yml", line: 4 });
  });
  it("passes a digest-pinned image and a local Dockerfile build", () => {
    const pinned = `docker://ghcr.io/acme/lint:2@sha256:${"a".repeat(64)}`;
    expect(unpinnedImage.run(inlineFacts({ "action.yml": action(pinned) }), ctx).status).toBe("pass");
    expect(unpinnedImage.run(inlineFacts({ "action.yml": action("Dockerfile") }), ctx).status).not.toBe(
      "fail",
    );
  });
});
