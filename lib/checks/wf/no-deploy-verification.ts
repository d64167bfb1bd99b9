import type { CheckDefinition, Evidence, Finding } from "../types";
import { workflowsOf } from "../support/workflows-of";
import { deploySignals } from "../support/deploy";
import { finding, fileEvidence, at } from "../evidence";
import { snippet } from "../support/util";
import { k8sOf } from "../support/common";
import { hitsOfKind } from "../support/wf-steps";
import { defineCheck } from "../define";

export const noDeployVerification: CheckDefinition = defineCheck({
  id: "no-deploy-verification",
  title: "Deployments verify what they deploy",
  category: "integrity",
  severity: "high",
  from: ["wf", "files"],
  rationale:
    "Signing only helps if something checks the signature: without verification at deploy time or admission, a tampered or foreign image deploys like any other.",
  remediation:
    "Verify before deploying (`cosign verify` / `gh attestation verify` on the digest) or enforce it in the cluster (Kyverno verifyImages, sigstore policy-controller).",
  input: "repository",
  run(facts) {
    const k8s = k8sOf(facts);
    const policies = k8s.files.flatMap((f) =>
      f.policies.filter((p) => p.verifiesImages).map((p) => ({ f, p })),
    );
    if (policies.length > 0) {
      const evidence: Evidence[] = policies.map(({ f, p }) =>
        fileEvidence(f.path, p.line, `${p.kind} ${p.name} (${p.engine})`),
      );
      return { findings: [], evidence };
    }
    const wfs = workflowsOf(facts);
    const findings: Finding[] = [];
    const evidence: Evidence[] = [];
    let deployJobs = 0;
    for (const wf of wfs.workflows) {
      const verifies = hitsOfKind([wf], "verify");
      for (const job of wf.jobs) {
        const signals = deploySignals(job).filter((s) => s.confidence !== "low");
        if (signals.length === 0) continue;
        deployJobs++;
        // The verifying step must run in the deploy job itself or in a job it needs.
        const v = verifies.find((h) => h.job === job || job.needs.includes(h.job.id));
        if (v) {
          evidence.push({ kind: "file", file: wf.path, line: v.line, snippet: snippet(wf, v.line) });
          continue;
        }
        const s = signals[0]!;
        findings.push(
          finding(
            `Deploy job \`${job.id}\` (${s.what}) deploys without verifying a signature or attestation, and no admission policy verifies images.`,
            at(wf, s.pos),
            `Before the deploy step in job \`${job.id}\`, add:\n- run: gh attestation verify oci://<image>@<digest> --repo ${facts.owner}/${facts.name}\n  env: { GH_TOKEN: \${{ github.token }} }\n(or \`cosign verify --certificate-identity-regexp '^https://github.com/${facts.owner}/' --certificate-oidc-issuer https://token.actions.githubusercontent.com <image>@<digest>\`), or enforce a Kyverno verifyImages / policy-controller ClusterImagePolicy in the cluster.`,
            s.confidence,
          ),
        );
      }
    }
    const admissionOther = k8s.files.flatMap((f) => f.policies).length;
    const failures = [...wfs.failures, ...k8s.failures];
    return {
      findings,
      failures,
      evidence,
      notApplicable:
        deployJobs === 0
          ? `No deploy job found${admissionOther ? " (admission policies present, none verifies images)" : ""}.`
          : undefined,
    };
  },
});
