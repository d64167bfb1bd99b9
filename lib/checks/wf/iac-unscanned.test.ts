import { describe, expect, it } from "vitest";
import { ctx, inlineFacts } from "../test-kit";
import { iacUnscanned } from "./iac-unscanned";

const wf = (steps: string) =>
  `on: [push, pull_request]\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n${steps}`;

describe("iac-unscanned", () => {
  it("not-applicable without IaC; fails with Terraform and no scanner; passes with checkov", () => {
    expect(
      iacUnscanned.run(inlineFacts({ ".github/workflows/ci.yml": wf("      - run: make\n") }), ctx).status,
    ).toBe("not-applicable");
    const tf = {
      "infra/main.tf": 'resource "x" "y" {}',
      ".github/workflows/ci.yml": wf("      - run: terraform plan\n"),
    };
    expect(iacUnscanned.run(inlineFacts(tf), ctx).findings[0]?.message).toMatch(
      /Terraform files exist \(e\.g\. infra\/main\.tf\)/,
    );
    expect(
      iacUnscanned.run(
        inlineFacts({ ...tf, ".github/workflows/iac.yml": wf("      - run: checkov -d infra\n") }),
        ctx,
      ).status,
    ).toBe("pass");
  });
  it("detects Kubernetes manifests by content and fails without any workflow", () => {
    const o = iacUnscanned.run(
      inlineFacts({ "deploy/app.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n" }),
      ctx,
    );
    expect(o).toMatchObject({ status: "fail", findings: [{ message: expect.stringMatching(/Kubernetes/) }] });
  });
});
