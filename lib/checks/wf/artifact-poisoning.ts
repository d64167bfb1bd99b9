// A privileged workflow (workflow_run, pull_request_target) that downloads the artifacts of
// the run that triggered it is reading files a pull request built: unpacked over the
// workspace they replace scripts and configs, and executed they run the PR's code with the
// privileged token and secrets.
import type { Job, Step, Workflow } from "../../analyzers/workflow/model";
import type { Finding } from "../types";
import { defineCheck } from "../define";
import { at, finding } from "../evidence";
import { executingSteps } from "../support/untrusted-code";
import { usesAction } from "../support/util";

const ARTIFACT_TRIGGERS = new Set(["workflow_run", "pull_request_target"]);
const VERIFY =
  /\b(gh\s+attestation\s+verify|cosign\s+verify(-blob|-attestation)?|slsa-verifier|sha(256|512)sum\s+(-c|--check))\b/;

/** A step that downloads another run's artifacts, and where it unpacks them. */
function download(step: Step): { what: string; path: string | null } | null {
  const path = step.with["path"]?.value.trim() ?? null;
  if (usesAction(step, "actions/download-artifact") && (step.with["run-id"] || step.with["github-token"]))
    return { what: "actions/download-artifact with run-id", path };
  if (usesAction(step, "dawidd6/action-download-artifact"))
    return { what: "dawidd6/action-download-artifact", path };
  const run = step.run?.value ?? "";
  if (/\bgh\s+run\s+download\b/.test(run)) {
    const dir = /(?:-D|--dir)\s+(\S+)/.exec(run);
    return { what: "`gh run download`", path: dir?.[1] ?? null };
  }
  if (
    /actions\/runs\/[^\s]*\/artifacts|listWorkflowRunArtifacts|downloadArtifact/.test(
      run + (step.with["script"]?.value ?? ""),
    )
  )
    return { what: "the artifacts API", path: "?" };
  return null;
}

const overWorkspace = (path: string | null) =>
  path === null ||
  path === "" ||
  path === "." ||
  path === "./" ||
  /^\$\{\{\s*github\.workspace\s*\}\}\/?$/.test(path);

function verifiedAfter(job: Job, from: Step): boolean {
  return job.steps.some(
    (s) =>
      s.index > from.index &&
      (VERIFY.test(s.run?.value ?? "") || usesAction(s, "actions/attest-build-provenance/verify")),
  );
}

function jobFindings(wf: Workflow, job: Job, triggers: string[]): Finding[] {
  const out: Finding[] = [];
  for (const step of job.steps) {
    const d = download(step);
    if (!d || verifiedAfter(job, step)) continue;
    const unpacked = overWorkspace(d.path);
    const exec = executingSteps(job, step).find((e) => e.confidence === "high");
    if (!unpacked && !exec) continue;
    const how = [
      unpacked ? "unpacks them over the workspace" : "",
      exec ? `then runs step ${exec.step.index + 1}` : "",
    ]
      .filter(Boolean)
      .join(" and ");
    out.push(
      finding(
        `\`${triggers.join(", ")}\` job \`${job.id}\` downloads the triggering run's artifacts (${d.what}) and ${how} without verifying them.`,
        at(wf, (step.uses ?? step.run)?.pos ?? step.pos),
        "Download into a dedicated directory outside the workspace (e.g. `path: ${{ runner.temp }}/artifacts`), treat the files as data only (never execute or source them), and verify them (`gh attestation verify`, a checksum from a trusted job) before use.",
        unpacked && exec ? "high" : "medium",
      ),
    );
  }
  return out;
}

export const artifactPoisoning = defineCheck({
  id: "artifact-poisoning",
  title: "Privileged workflows do not trust pull-request artifacts",
  category: "integrity",
  severity: "high",
  from: ["wf"],
  rationale:
    "Artifacts uploaded by a pull_request run are built from the fork's code. A workflow_run or pull_request_target job that downloads them into its workspace, or executes them, hands that code the base repository's token and secrets.",
  remediation:
    "Download artifacts into an isolated directory (runner.temp), treat them as untrusted data, and verify them before any use; never execute or unpack them over the checked-out sources.",
  input: "workflows",
  run(workflows) {
    const findings: Finding[] = [];
    let privileged = 0;
    for (const wf of workflows) {
      const triggers = wf.triggers.map((t) => t.event).filter((e) => ARTIFACT_TRIGGERS.has(e));
      if (triggers.length === 0) continue;
      privileged++;
      for (const job of wf.jobs) findings.push(...jobFindings(wf, job, triggers));
    }
    if (privileged === 0)
      return { findings, notApplicable: "No workflow_run or pull_request_target workflow." };
    return { findings };
  },
});
