import type { Finding } from "../types";
import { finding, at } from "../evidence";
import { secretRefs, workflowValues } from "../support/util";
import { defineCheck } from "../define";

export const overprovisionedSecrets = defineCheck({
  id: "overprovisioned-secrets",
  title: "The whole secrets context is never exposed",
  category: "secrets",
  severity: "medium",
  from: ["wf"],
  rationale:
    "`toJSON(secrets)` or `secrets[<computed>]` makes every secret of the repository available to the step, so the runner receives credentials it does not need and a single leak exposes them all.",
  remediation: "Reference each needed secret by name (`secrets.NAME`).",
  input: "workflows",
  run(workflows) {
    const findings: Finding[] = [];
    for (const wf of workflows) {
      for (const ref of secretRefs(workflowValues(wf)).filter((r) => r.name === "")) {
        const computed = ref.expr.contexts.some((c) => c.toLowerCase().startsWith("secrets["));
        const msg = computed
          ? `\`\${{ ${ref.expr.expr} }}\` indexes secrets with a computed key, so every secret is fetched for the job.`
          : `\`\${{ ${ref.expr.expr} }}\` exposes the whole secrets context.`;
        const fix = computed
          ? `Replace \`${ref.expr.expr}\` with explicit names, e.g. \`matrix.env == 'prod' && secrets.PROD_KEY || secrets.STAGING_KEY\`.`
          : `Replace \`${ref.expr.expr}\` with the individual secrets the step needs, e.g. \`\${{ secrets.NPM_TOKEN }}\`.`;
        findings.push(finding(msg, at(wf, ref.expr.pos), fix));
      }
    }
    return { findings };
  },
});
