import type { Finding } from "../types";
import { cloudLogin } from "../support/cloud";
import { finding, at } from "../evidence";
import { defineCheck } from "../define";

export const oidcMissing = defineCheck({
  id: "oidc-missing",
  title: "Cloud logins use OIDC, not static keys",
  category: "secrets",
  severity: "medium",
  from: ["wf"],
  rationale:
    "configure-aws-credentials, google-github-actions/auth and azure/login all support OIDC federation. Feeding them stored keys keeps a long-lived credential in the repository for no benefit.",
  remediation:
    "Switch the login step to OIDC (role-to-assume / workload_identity_provider / client-id+tenant-id) with `permissions: id-token: write`.",
  input: "workflows",
  run(workflows) {
    const findings: Finding[] = [];
    let logins = 0;
    for (const wf of workflows) {
      for (const step of wf.jobs.flatMap((j) => j.steps)) {
        const login = cloudLogin(step);
        if (!login) continue;
        logins++;
        if (!login.staticInput) continue;
        const v = step.with[login.staticInput]!;
        findings.push(
          finding(
            `${login.cloud} login uses a static key (\`${login.staticInput}\`) although OIDC is supported.`,
            at(wf, v.pos),
            `In this step, ${login.oidc}.`,
          ),
        );
      }
    }
    return logins === 0
      ? {
          findings,
          notApplicable:
            "No cloud login steps (configure-aws-credentials, google-github-actions/auth, azure/login).",
        }
      : { findings };
  },
});
