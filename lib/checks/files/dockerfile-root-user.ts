import { effectiveUser, finalStage } from "../../analyzers/dockerfile/parse-dockerfile";
import { hasUnresolvedVariable } from "../../analyzers/dockerfile/image-ref";
import type { CheckDefinition, Evidence, Finding } from "../types";
import { dockerfilesOf, lineSnippet } from "../support/common";
import { fileEvidence } from "../evidence";
import { defineCheck } from "../define";

const ROOT = /^(root|0)(:.*)?$/i;

/** Base images that run as a non-root user by default. */
const NONROOT_BASE = (image: string, tag: string | undefined) =>
  /nonroot/i.test(tag ?? "") || /^cgr\.dev\/chainguard\//.test(image);

export const dockerfileRootUser: CheckDefinition = defineCheck({
  id: "dockerfile-root-user",
  title: "Images do not run as root",
  category: "supply-chain",
  severity: "medium",
  from: ["files"],
  rationale:
    "A process running as root inside a container turns any code execution into root on the container, one kernel bug or mis-mounted socket away from the host.",
  remediation:
    "End the final stage with `USER <non-root uid>` (create the user if needed), or build FROM a non-root base image.",
  input: "repository",
  run(facts) {
    const dfs = dockerfilesOf(facts);
    const findings: Finding[] = [];
    const evidence: Evidence[] = [];
    const unknown: string[] = [];
    for (const df of dfs.parsed) {
      const st = finalStage(df);
      if (!st) continue;
      const user = effectiveUser(df, st.index);
      const fix = `Add \`USER 10001:10001\` (after creating the user, e.g. \`RUN useradd --uid 10001 --no-create-home app\`) as the last instruction of the final stage starting at line ${st.line} of ${df.path}.`;
      if (user) {
        const ev = fileEvidence(df.path, user.line, lineSnippet(df.lines, user.line));
        if (hasUnresolvedVariable(user.value))
          unknown.push(`${df.path}:${user.line} USER ${user.value} depends on a build argument`);
        else if (ROOT.test(user.value.trim()))
          findings.push({
            message: `The final stage runs as \`${user.value}\`.`,
            evidence: ev,
            remediation: fix.replace("Add", "Replace it with"),
            confidence: "high",
          });
        else evidence.push(ev);
        continue;
      }
      const from = fileEvidence(df.path, st.line, lineSnippet(df.lines, st.line));
      if (st.from.stageRef === undefined && NONROOT_BASE(st.from.image.name, st.from.image.tag)) {
        evidence.push(from);
        continue;
      }
      findings.push({
        message: `The final stage (FROM ${st.from.resolved}) sets no USER, so it runs as the base image's user${st.from.scratch ? " (root for scratch)" : ", usually root"}.`,
        evidence: from,
        remediation: fix,
        confidence: st.from.scratch ? "high" : "medium",
      });
    }
    return {
      findings,
      failures: dfs.failures,
      unknown: findings.length ? [] : unknown,
      evidence,
      notApplicable: dfs.parsed.length + dfs.failures.length === 0 ? "No Dockerfile found." : undefined,
    };
  },
});
