import { hasIac, iacPresence } from "../../analyzers/k8s/iac-presence";
import type { CheckDefinition } from "../types";
import { allPaths, k8sOf } from "../support/common";
import { presenceCheck } from "../support/scanners";
import { defineCheck, verdictOf } from "../define";

export const iacUnscanned: CheckDefinition = defineCheck({
  id: "iac-unscanned",
  title: "Infrastructure code is scanned",
  category: "supply-chain",
  severity: "low",
  from: ["wf", "files"],
  rationale:
    "Terraform, Kubernetes and Helm files define production: a misconfiguration scanner catches public buckets, privileged pods and open security groups before apply.",
  remediation: "Run Checkov, tfsec, Trivy config, kube-score or Conftest over the IaC directories in CI.",
  input: "repository",
  run(facts, ctx) {
    const k8s = k8sOf(facts).files.map((f) => f.path);
    const iac = iacPresence(allPaths(facts), k8s);
    if (!hasIac(iac)) return { findings: [], notApplicable: "No Terraform, Kubernetes or Helm files found." };
    const inner = iacScan.run(facts, ctx);
    const kinds = [
      iac.terraform.length && "Terraform",
      iac.kubernetes.length && "Kubernetes",
      iac.helm.length && "Helm",
    ]
      .filter(Boolean)
      .join(", ");
    const example = [...iac.terraform, ...iac.helm, ...iac.kubernetes][0] ?? "";
    if (inner.status === "not-applicable") {
      return {
        findings: [
          {
            message: `${kinds} files exist (e.g. ${example}) but there is no CI workflow to scan them.`,
            evidence: { kind: "file", file: example, line: 1, snippet: "" },
            remediation:
              "Add a workflow that runs `checkov -d .` (or `trivy config --exit-code 1 .`) on pull requests.",
            confidence: "high",
          },
        ],
      };
    }
    if (inner.status === "fail")
      return verdictOf({
        ...inner,
        findings: inner.findings.map((f) => ({
          ...f,
          message: `${kinds} files exist (e.g. ${example}) but no IaC scanner runs in CI.`,
        })),
      });
    return verdictOf(inner);
  },
});

const iacScan = presenceCheck("iac-scan", {
  id: "iac-unscanned",
  title: "",
  severity: "low",
  rationale: "",
  remediation: "",
  message: "No IaC scanner runs in CI.",
  block: `  iac-scan:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@<sha> # v4
      - uses: bridgecrewio/checkov-action@<sha> # v12
        with: { directory: . }`,
});
