import type { ScalarValue, Workflow } from "../../analyzers/workflow/model";
import { hasUnresolvedVariable, parseImageRef } from "../../analyzers/dockerfile/image-ref";
import type { CheckDefinition, Evidence, Finding } from "../types";
import { workflowsOf } from "../support/workflows-of";
import { snippet } from "../support/util";
import { dockerfilesOf, lineSnippet } from "../support/common";
import { fileEvidence } from "../evidence";
import { matrixValues } from "../support/matrix-values";
import { defineCheck } from "../define";

const fix = (image: string) =>
  `Pin by digest: \`${image}@sha256:<digest>\` (get it with \`docker buildx imagetools inspect ${image}\` or \`crane digest ${image}\`), keeping the tag for readability and letting Dependabot's docker ecosystem update it.`;

type WfImage = { where: string; value: ScalarValue; image: string; literal: boolean };

/** Images of a workflow; `${{ matrix.x }}` is expanded to the matrix's literal values. */
function workflowImages(wf: Workflow): WfImage[] {
  const out: WfImage[] = [];
  for (const job of wf.jobs) {
    const add = (where: string, value: ScalarValue) => {
      const values =
        value.expressions.length > 0 ? matrixValues(value.value, job.strategy?.matrix) : [value.value];
      if (!values) out.push({ where, value, image: value.value, literal: false });
      else for (const image of values) out.push({ where, value, image, literal: true });
    };
    if (job.container) add(`job \`${job.id}\` container`, job.container.image);
    for (const [name, svc] of Object.entries(job.services))
      add(`service \`${name}\` of job \`${job.id}\``, svc.image);
    for (const s of job.steps)
      if (s.uses?.value.startsWith("docker://"))
        out.push({
          where: `step uses`,
          value: s.uses,
          image: s.uses.value.slice("docker://".length),
          literal: s.uses.expressions.length === 0,
        });
  }
  // A docker action's `runs.image: docker://…` is pulled on every run of the action.
  if (wf.image?.value.startsWith("docker://"))
    out.push({
      where: "action runs.image",
      value: wf.image,
      image: wf.image.value.slice("docker://".length),
      literal: wf.image.expressions.length === 0,
    });
  return out;
}

export const unpinnedImage: CheckDefinition = defineCheck({
  id: "unpinned-image",
  title: "Container images are pinned by digest",
  category: "supply-chain",
  severity: "medium",
  from: ["wf", "files"],
  rationale:
    "An image tag is a movable pointer: whoever can push to the repository (or poison a mirror) changes what your build or job runs. A digest names exact content.",
  remediation:
    "Reference images as `name:tag@sha256:<digest>` in workflows (container, services, docker://) and Dockerfile FROM lines.",
  input: "repository",
  run(facts) {
    const findings: Finding[] = [];
    const undecidable: string[] = [];
    const evidence: Evidence[] = [];
    const wfs = workflowsOf(facts);
    for (const wf of wfs.workflows) {
      for (const img of workflowImages(wf)) {
        const pos = img.value.pos;
        if (!img.literal || img.image.trim() === "") {
          undecidable.push(`${wf.path}:${pos.line} image is an expression (${img.image})`);
          continue;
        }
        const ref = parseImageRef(img.image);
        const ev: Evidence = {
          kind: "file",
          file: wf.path,
          line: pos.line,
          column: pos.column,
          snippet: snippet(wf, pos.line),
        };
        if (ref.digest) evidence.push(ev);
        else
          findings.push({
            message: `${img.where} uses \`${img.image}\` without a digest.`,
            evidence: ev,
            remediation: fix(img.image.replace(/@.*$/, "")),
            confidence: "high",
          });
      }
    }
    const dfs = dockerfilesOf(facts);
    for (const df of dfs.parsed) {
      for (const st of df.stages) {
        const from = st.from;
        if (from.scratch || from.stageRef !== undefined) continue;
        const ev = fileEvidence(df.path, st.line, lineSnippet(df.lines, st.line));
        if (from.image.digest) {
          evidence.push(ev);
          continue;
        }
        if (from.unresolved || hasUnresolvedVariable(from.resolved)) {
          undecidable.push(
            `${df.path}:${st.line} FROM ${from.raw} depends on a build argument without a default`,
          );
          continue;
        }
        findings.push({
          message: `FROM \`${from.resolved}\` is not pinned by digest.`,
          evidence: ev,
          remediation: fix(from.resolved),
          confidence: "high",
        });
      }
    }
    const failures = [...wfs.failures, ...dfs.failures];
    const any = evidence.length + findings.length + undecidable.length > 0;
    return {
      findings,
      failures,
      unknown: findings.length === 0 ? undecidable : [],
      evidence,
      notApplicable: any ? undefined : "No container image is referenced by workflows or Dockerfiles.",
    };
  },
});
