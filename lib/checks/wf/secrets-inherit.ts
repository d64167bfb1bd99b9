import type { Finding } from "../types";
import { finding, at } from "../evidence";
import { defineCheck } from "../define";

export const secretsInherit = defineCheck({
  id: "secrets-inherit",
  title: "Reusable workflows get only the secrets they need",
  category: "secrets",
  severity: "medium",
  from: ["wf"],
  rationale:
    "`secrets: inherit` hands every repository, organisation and environment secret to the called workflow, including ones it never uses, so one compromised or careless reusable workflow exposes all of them.",
  remediation:
    "Replace `secrets: inherit` with an explicit `secrets:` map of the secrets the called workflow declares.",
  input: "workflows",
  run(workflows) {
    const findings: Finding[] = [];
    for (const wf of workflows) {
      for (const job of wf.jobs) {
        if (job.secrets?.inherit) {
          findings.push(
            finding(
              `Job \`${job.id}\` calls \`${job.uses?.value ?? "a reusable workflow"}\` with \`secrets: inherit\`.`,
              at(wf, job.secrets.pos),
              `Replace \`secrets: inherit\` with the secrets \`${job.uses?.value ?? "the called workflow"}\` declares under \`on.workflow_call.secrets\`, e.g. \`secrets:\\n  NPM_TOKEN: \${{ secrets.NPM_TOKEN }}\`.`,
            ),
          );
        }
      }
    }
    return { findings };
  },
});
