// GitHub masks a secret's exact value in logs. A value derived from it in an expression
// (a field of fromJSON(secret), a format()/toJSON() of it) is a new string the runner does
// not know to mask, so it prints in clear.
import type { Finding } from "../types";
import { defineCheck } from "../define";
import { at, finding } from "../evidence";
import { workflowValues } from "../support/util";

const RESHAPE = /\b(fromjson|tojson|format|join)\s*\(\s*[^()]*\bsecrets\s*\.\s*([A-Za-z_][\w-]*)/i;

export const unredactedSecret = defineCheck({
  id: "unredacted-secret",
  title: "Secrets are not reshaped in expressions",
  category: "secrets",
  severity: "medium",
  from: ["wf"],
  rationale:
    "Log masking only knows each secret's exact value. `fromJSON(secrets.X).password`, `format('{0}', secrets.X)` or `toJSON(secrets.X)` produce other strings, which appear unmasked wherever they are printed.",
  remediation:
    "Store each part as its own secret (e.g. `DB_PASSWORD` rather than a JSON blob), or parse the secret inside the step and call `::add-mask::` on every derived value before using it.",
  input: "workflows",
  run(workflows) {
    const findings: Finding[] = [];
    for (const wf of workflows) {
      for (const loc of workflowValues(wf)) {
        for (const e of loc.value.expressions) {
          const m = RESHAPE.exec(e.expr);
          if (!m) continue;
          findings.push(
            finding(
              `\`${m[1]}()\` reshapes \`secrets.${m[2]}\` in \`${loc.where}\`: the result is not masked in logs.`,
              at(wf, e.pos),
              `Split \`${m[2]}\` into separate secrets for the parts you need, or mask each derived value with \`echo "::add-mask::$VALUE"\` before it can be printed.`,
              m[1]!.toLowerCase() === "fromjson" ? "high" : "medium",
            ),
          );
        }
      }
    }
    return { findings };
  },
});
