import path from "node:path";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ctx, fixtureFacts, inlineFacts } from "../test-kit";
import { noDeployVerification } from "./no-deploy-verification";

const k8s = (name: string) => readFileSync(path.join(__dirname, "..", "__fixtures__", name), "utf8");

const wf = (jobs: string) => `on: push\njobs:\n${jobs}`;

describe("no-deploy-verification", () => {
  const deploy = wf(
    "  deploy:\n    runs-on: ubuntu-latest\n    environment: production\n    steps:\n      - run: kubectl apply -f k8s/\n",
  );
  it("fails a deploy job that verifies nothing", () => {
    const o = noDeployVerification.run(inlineFacts({ ".github/workflows/deploy.yml": deploy }), ctx);
    expect(o).toMatchObject({ status: "fail", findings: [{ evidence: { line: 7 } }] });
    expect(o.findings[0]?.remediation).toContain(
      "gh attestation verify oci://<image>@<digest> --repo acme/api",
    );
  });
  it("passes with cosign verify in the job, or with a Kyverno verifyImages policy in the repo", () => {
    const verified = deploy.replace(
      "      - run: kubectl",
      "      - run: cosign verify --certificate-identity-regexp x ghcr.io/acme/api@sha256:x\n      - run: kubectl",
    );
    expect(
      noDeployVerification.run(inlineFacts({ ".github/workflows/deploy.yml": verified }), ctx).status,
    ).toBe("pass");
    const withPolicy = noDeployVerification.run(
      inlineFacts({
        ".github/workflows/deploy.yml": deploy,
        "policies/verify.yaml": k8s("k8s-policies.yaml"),
      }),
      ctx,
    );
    expect(withPolicy).toMatchObject({
      status: "pass",
      evidence: [{ file: "policies/verify.yaml", line: 1 }, { file: "policies/verify.yaml" }],
    });
  });
  it("is not-applicable without deploy jobs", () => {
    expect(noDeployVerification.run(fixtureFacts("ossf__scorecard"), ctx).status).toBe("not-applicable");
  });
});
