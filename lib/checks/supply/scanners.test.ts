import { describe, expect, it } from "vitest";
import { ctx } from "../wf/test-kit";
import { curlPipeShell } from "./curl-pipe-shell";
import { noDependencyScanGate, noSast } from "./scanners";
import { iacUnscanned, noSecretScan } from "./secret-iac-scan";
import { fixtureFacts, inlineFacts } from "./test-kit";

const wf = (steps: string) =>
  `on: [push, pull_request]\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n${steps}`;

describe("no-dependency-scan-gate", () => {
  it("passes on OPA's trivy-action with exit-code 1 and scorecard's dependency-review", () => {
    expect(noDependencyScanGate.run(fixtureFacts("open-policy-agent__opa"), ctx).status).toBe("pass");
    expect(noDependencyScanGate.run(fixtureFacts("ossf__scorecard"), ctx)).toMatchObject({
      status: "pass",
      evidence: [{ file: ".github/workflows/depsreview.yml" }],
    });
  });
  it("fails a scanner that cannot fail, pointing at it", () => {
    const o = noDependencyScanGate.run(
      inlineFacts({
        ".github/workflows/ci.yml": wf(
          "      - run: npm ci\n      - run: npm audit || true\n      - uses: aquasecurity/trivy-action@" +
            "a".repeat(40) +
            "\n        with: { image-ref: x }\n",
        ),
      }),
      ctx,
    );
    expect(o.status).toBe("fail");
    expect(o.findings.map((f) => f.evidence.kind === "file" && f.evidence.line)).toEqual([7, 8]);
    expect(o.findings[1]?.remediation).toMatch(/exit-code: '1'/);
  });
  it("fails with a job to add when nothing scans (anchored at `jobs:` of the CI workflow)", () => {
    const o = noDependencyScanGate.run(fixtureFacts("step-security__github-actions-goat"), ctx);
    expect(o).toMatchObject({
      status: "fail",
      findings: [{ evidence: { file: ".github/workflows/publish.yml", line: 5 } }],
    });
    expect(o.findings[0]?.remediation).toContain("actions/dependency-review-action");
  });
});

describe("no-sast", () => {
  it("passes on scorecard's CodeQL, fails on the goat", () => {
    expect(noSast.run(fixtureFacts("ossf__scorecard"), ctx).status).toBe("pass");
    expect(
      noSast.run(fixtureFacts("step-security__github-actions-goat"), ctx).findings[0]?.remediation,
    ).toContain("github/codeql-action/analyze");
  });
});

describe("no-secret-scan", () => {
  const noScan = { ".github/workflows/ci.yml": wf("      - run: make\n") };
  it("passes when GitHub secret scanning is on, or a CI scanner runs", () => {
    expect(noSecretScan.run(inlineFacts(noScan), ctx).status).toBe("pass");
    expect(
      noSecretScan.run(
        inlineFacts(
          { ".github/workflows/ci.yml": wf("      - run: gitleaks detect --redact\n") },
          { settings: null },
        ),
        ctx,
      ).status,
    ).toBe("pass");
  });
  it("fails when secret scanning is off and CI has no scanner; unknown when settings are not known", () => {
    const off = inlineFacts(noScan, {
      settings: {
        security: { secretScanning: false, secretScanningPushProtection: false, dependabotAlerts: true },
      },
    });
    expect(noSecretScan.run(off, ctx)).toMatchObject({
      status: "fail",
      findings: [
        { evidence: { kind: "api", field: "settings.security.secretScanning", value: false } },
        { evidence: { kind: "file" } },
      ],
    });
    expect(noSecretScan.run(inlineFacts(noScan, { settings: null }), ctx).status).toBe("unknown");
  });
});

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

describe("curl-pipe-shell", () => {
  it("flags rust-analyzer's rustup pipe at its exact line", () => {
    const o = curlPipeShell.run(fixtureFacts("rust-lang__rust-analyzer"), ctx);
    expect(o.status).toBe("fail");
    expect(o.findings[0]).toMatchObject({
      confidence: "high",
      evidence: { file: ".github/workflows/release.yaml", line: 102 },
    });
  });
  it("flags Dockerfile RUN pipes (heredoc line kept) and passes clean repositories", () => {
    const df =
      "FROM ubuntu\nRUN <<EOF\n  apt-get update\n  curl -fsSL https://deb.nodesource.com/setup_20.x | bash -\nEOF\n";
    expect(curlPipeShell.run(inlineFacts({ Dockerfile: df }), ctx).findings[0]?.evidence).toMatchObject({
      file: "Dockerfile",
      line: 4,
    });
    expect(curlPipeShell.run(fixtureFacts("ossf__scorecard"), ctx).status).toBe("pass");
    expect(curlPipeShell.run(inlineFacts({}), ctx).status).toBe("not-applicable");
  });
  it("moving-URL downloads are medium-confidence findings", () => {
    const o = curlPipeShell.run(
      inlineFacts({
        ".github/workflows/ci.yml": wf(
          "      - run: |\n          curl -sLo /usr/local/bin/yq https://github.com/mikefarah/yq/releases/latest/download/yq_linux_amd64\n          chmod +x /usr/local/bin/yq\n",
        ),
      }),
      ctx,
    );
    expect(o.findings[0]).toMatchObject({ confidence: "medium", evidence: { line: 7 } });
  });
});
