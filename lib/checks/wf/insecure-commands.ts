import type { ScalarValue } from "../../analyzers/workflow/model";
import type { Finding } from "../types";
import { finding, at } from "../evidence";
import { defineCheck } from "../define";

export const insecureCommands = defineCheck({
  id: "insecure-commands",
  title: "Deprecated workflow commands stay disabled",
  category: "integrity",
  severity: "high",
  from: ["wf"],
  rationale:
    "`ACTIONS_ALLOW_UNSECURE_COMMANDS` re-enables `::set-env` and `::add-path` on stdout, so any tool that prints attacker-controlled text (a log line, a test name) can set environment variables for later steps.",
  remediation:
    "Remove `ACTIONS_ALLOW_UNSECURE_COMMANDS` and write to $GITHUB_ENV / $GITHUB_PATH files instead of `::set-env` / `::add-path`.",
  input: "workflows",
  run(workflows) {
    const findings: Finding[] = [];
    for (const wf of workflows) {
      const envs: Array<[string, ScalarValue]> = [
        ...Object.entries(wf.env),
        ...wf.jobs.flatMap((j) => [
          ...Object.entries(j.env),
          ...j.steps.flatMap((s) => Object.entries(s.env)),
        ]),
      ];
      for (const [name, v] of envs) {
        if (name.toUpperCase() !== "ACTIONS_ALLOW_UNSECURE_COMMANDS") continue;
        if (["false", "0", ""].includes(v.value.trim().toLowerCase())) continue;
        findings.push(
          finding(
            `\`${name}: ${v.value}\` re-enables the insecure \`::set-env\` / \`::add-path\` commands.`,
            at(wf, v.pos),
            `Delete \`${name}: ${v.value}\` and replace \`echo "::set-env name=X::v"\` with \`echo "X=v" >> "$GITHUB_ENV"\` (and \`::add-path::\` with \`>> "$GITHUB_PATH"\`).`,
          ),
        );
      }
    }
    return { findings };
  },
});
