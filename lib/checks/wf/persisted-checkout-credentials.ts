import type { ScalarValue } from "../../analyzers/workflow/model";
import type { Finding } from "../types";
import { untrustedCode } from "../support/untrusted-code";
import { actionName, usesAction } from "../support/util";
import { finding, at } from "../evidence";
import { defineCheck } from "../define";

function keepsCredentials(v: ScalarValue | undefined): boolean {
  return v === undefined || v.value.trim().toLowerCase() !== "false";
}

export const persistedCheckoutCredentials = defineCheck({
  id: "persisted-checkout-credentials",
  title: "Checkout does not persist the token where it can leak",
  category: "secrets",
  severity: "medium",
  from: ["wf"],
  rationale:
    "actions/checkout writes the job token into .git/config unless `persist-credentials: false`. An uploaded artifact containing .git, or any untrusted code run later in the job, can read and reuse it.",
  remediation:
    "Set `persist-credentials: false` on actions/checkout (and pass a token explicitly to the one step that pushes, if any).",
  input: "workflows",
  run(workflows) {
    const findings: Finding[] = [];
    for (const wf of workflows) {
      for (const job of wf.jobs) {
        const checkouts = job.steps.filter(
          (s) => usesAction(s, "actions/checkout") && keepsCredentials(s.with["persist-credentials"]),
        );
        if (checkouts.length === 0) continue;
        const upload = job.steps.find((s) => usesAction(s, "actions/upload-artifact"));
        const untrusted = untrustedCode(wf, job).find((u) => u.exec !== null);
        for (const c of checkouts) {
          const fix = `Add \`persist-credentials: false\` under \`with:\` of this actions/checkout step in job \`${job.id}\`.`;
          if (untrusted) {
            findings.push(
              finding(
                `Job \`${job.id}\` keeps the checkout token in .git/config and then runs untrusted code (${untrusted.fetch.what}).`,
                at(wf, c.pos),
                fix,
              ),
            );
          } else if (upload) {
            const oldUpload = /@v[123](\.|$)/.test(upload.uses?.value ?? "");
            const hidden = (upload.with["include-hidden-files"]?.value ?? "").trim() === "true";
            const conf = oldUpload || hidden ? "high" : "medium";
            findings.push(
              finding(
                `Job \`${job.id}\` keeps the checkout token in .git/config and uploads an artifact (\`${actionName(upload.uses) ?? "upload-artifact"}\` at line ${upload.pos.line}), which can include .git.`,
                at(wf, c.pos),
                fix,
                conf,
              ),
            );
          }
        }
      }
    }
    return { findings };
  },
});
