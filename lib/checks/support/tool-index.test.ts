import { describe, expect, it } from "vitest";
import { workflowsOf } from "./workflows-of";
import { inlineFacts } from "../test-kit";
import { hitsOfKind, toolIndex } from "./tool-index";
import { publications, toolHits } from "./wf-steps";

const SHA = "a".repeat(40);

const release = `on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: github/codeql-action/init@${SHA}
      - run: |
          npm audit --audit-level=high
          docker push ghcr.io/acme/app:1
          cosign sign --yes ghcr.io/acme/app@sha256:1
  scan:
    uses: google/osv-scanner-action/.github/workflows/osv-scanner-reusable.yml@${SHA}
`;

const ci = `on: pull_request
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - run: trivy fs --exit-code 1 .
`;

function parsed() {
  const facts = inlineFacts({ ".github/workflows/release.yml": release, ".github/workflows/ci.yml": ci });
  const byPath = new Map(workflowsOf(facts).workflows.map((w) => [w.path, w]));
  return { rel: byPath.get(".github/workflows/release.yml")!, ci: byPath.get(".github/workflows/ci.yml")! };
}

describe("toolIndex", () => {
  it("is built once per parsed workflow and shared by every reader", () => {
    const { rel } = parsed();
    const idx = toolIndex(rel);
    expect(toolIndex(rel)).toBe(idx);
    expect(hitsOfKind([rel], "signing")[0]).toBe(idx.byKind.get("signing")?.[0]);
  });

  it("lists hits in job, step and script-line order with their file lines", () => {
    const { rel } = parsed();
    expect(toolHits([rel]).map((h) => [h.kind, h.tool, h.job.id, h.line])).toEqual([
      ["sast", "CodeQL", "build", 6],
      ["dependency-scan", "npm audit", "build", 8],
      ["signing", "cosign", "build", 10],
      ["dependency-scan", "OSV-Scanner", "scan", 12],
    ]);
    expect(publications([rel]).map((p) => [p.what, p.line])).toEqual([["docker push", 9]]);
  });

  it("keeps workflow order across workflows and returns fresh arrays", () => {
    const { rel, ci } = parsed();
    const deps = hitsOfKind([ci, rel], "dependency-scan");
    expect(deps.map((h) => [h.wf.path, h.tool])).toEqual([
      [".github/workflows/ci.yml", "Trivy"],
      [".github/workflows/release.yml", "npm audit"],
      [".github/workflows/release.yml", "OSV-Scanner"],
    ]);
    deps.length = 0;
    expect(hitsOfKind([ci, rel], "dependency-scan")).toHaveLength(3);
    expect(hitsOfKind([ci], "sbom")).toEqual([]);
  });
});
