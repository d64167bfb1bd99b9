import type { Job, Step, Workflow } from "../../analyzers/workflow/model";
import { isActionOrSubpath } from "../../analyzers/tools/kinds";
import { privilegedTriggers } from "../../analyzers/workflow/triggers";
import type { Finding } from "../types";
import { finding, at } from "../evidence";
import { actionName } from "../support/util";
import { anyLiteral } from "../support/any-literal";
import { cacheUse } from "../support/cache-actions";
import { defineCheck } from "../define";

/**
 * Triggers that mean "this workflow releases": a release event, tag pushes, release-branch
 * pushes, and a workflow that only a person can start (`workflow_dispatch` alone) and that
 * publishes — the "release" button many projects keep.
 */
export function releaseTriggers(wf: Workflow): string[] {
  const out: string[] = [];
  for (const t of wf.triggers) {
    if (t.event === "release") out.push("release");
    if (t.event !== "push") continue;
    const list = (k: string): string[] => {
      const v = t.config[k];
      return Array.isArray(v) ? v.map(String) : typeof v === "string" ? [v] : [];
    };
    const branches = list("branches");
    if (list("tags").length > 0 && branches.length === 0) out.push("push of tags");
    else if (branches.length > 0 && branches.every((b) => /release/i.test(b)))
      out.push("push to release branches");
  }
  const dispatchOnly = wf.triggers.length > 0 && wf.triggers.every((t) => t.event === "workflow_dispatch");
  if (dispatchOnly && wf.jobs.some(publishes)) out.push("manual dispatch of a publishing workflow");
  return out;
}

// Commands that publish what the job built.
const PUBLISH_RUN = [
  "npm publish",
  "yarn publish",
  "yarn npm publish",
  "pnpm publish",
  "docker push",
  "cargo publish",
  "twine upload",
  "gh release create",
  "gh release upload",
  "mvn deploy",
  "gradle publish",
  "gradlew publish",
  "dotnet nuget push",
  "gem push",
  "goreleaser release",
  "uv publish",
  "poetry publish",
  "hatch publish",
  "flit publish",
  "vsce publish",
];

// Actions that publish packages, releases or images. Source: zizmor's
// KNOWN_PUBLISHER_ACTIONS (crates/zizmor/src/audit/cache_poisoning.rs) for the package,
// release and registry ones; release-drafter and release-please only write release notes
// and are left out.
const PUBLISH_ACTIONS = [
  "pypa/gh-action-pypi-publish",
  "rubygems/release-gem",
  "jreleaser/release-action",
  "softprops/action-gh-release",
  "ncipollo/release-action",
  "actions/create-release",
  "redhat-actions/push-to-registry",
  // Lowercase: actionName lowercases what it compares.
  "js-devtools/npm-publish",
];
// Most scripts publish nothing: one scan says so, instead of one search per command.
const ANY_PUBLISH_RUN = anyLiteral(PUBLISH_RUN);

function publishes(job: Job): boolean {
  return job.steps.some(stepPublishes);
}

function stepPublishes(s: Step): boolean {
  // The action name is worked out once per step, not once per list of names asked about.
  const action = actionName(s.uses);
  if (action !== null) {
    if (isActionOrSubpath(action, "goreleaser/goreleaser-action"))
      return !(s.with["args"]?.value.includes("--snapshot") ?? false);
    if (PUBLISH_ACTIONS.some((a) => isActionOrSubpath(action, a))) return true;
    if (isActionOrSubpath(action, "docker/build-push-action")) return s.with["push"]?.value.trim() === "true";
  }
  const run = s.run?.value;
  return run !== undefined && ANY_PUBLISH_RUN.test(run);
}

/** Jobs that publish, plus every job they (transitively) `need`: all feed the released artifact. */
function releaseJobs(wf: Workflow): Job[] {
  const byId = new Map(wf.jobs.map((j) => [j.id, j]));
  const out = new Set<Job>();
  // Under a release trigger every job feeds the release; otherwise the publishing jobs do.
  const stack = releaseTriggers(wf).length > 0 ? [...wf.jobs] : wf.jobs.filter(publishes);
  while (stack.length) {
    const j = stack.pop()!;
    if (out.has(j)) continue;
    out.add(j);
    for (const n of j.needs) {
      const dep = byId.get(n);
      if (dep) stack.push(dep);
    }
  }
  return [...out];
}

export const cachePoisoning = defineCheck({
  id: "cache-poisoning",
  title: "Release builds do not restore writable caches",
  category: "integrity",
  severity: "medium",
  from: ["wf"],
  rationale:
    "GitHub Actions caches are shared across workflows of a branch scope. A cache written by a workflow that runs attacker-influenced code can be restored by the release build, smuggling tampered dependencies or build outputs into published artifacts.",
  remediation:
    "Disable caching in release/publish workflows (build from a clean state), or key release caches so that only trusted default-branch workflows can write them.",
  input: "workflows",
  run(workflows) {
    const releases = workflows
      .filter((wf) => wf.kind === "workflow")
      .map((wf) => ({ wf, jobs: releaseJobs(wf) }))
      .filter((r) => r.jobs.length > 0);
    if (releases.length === 0) return { findings: [], notApplicable: "No release or publish workflow." };
    const privilegedWriter = workflows.some(
      (wf) =>
        privilegedTriggers(wf).length > 0 &&
        wf.jobs.some((j) => j.steps.some((s) => cacheUse(s, wf.lines) !== null)),
    );
    const findings: Finding[] = [];
    for (const { wf, jobs } of releases) {
      for (const job of jobs) {
        for (const step of job.steps) {
          const use = cacheUse(step, wf.lines);
          if (!use) continue;
          const fix = use.input
            ? use.offValue
              ? `Set \`${use.input}: ${use.offValue}\` under \`with:\` of this step (build releases from a clean state).`
              : `Remove \`${use.input}\` from this step's \`with:\` (build releases from a clean state).`
            : `Remove this ${use.what} step from the release job (build from a clean state).`;
          const triggers = releaseTriggers(wf);
          const why = triggers.length ? ` (released on ${triggers.join(", ")})` : "";
          findings.push(
            finding(
              `Release workflow job \`${job.id}\`${why} restores a cache (${use.what}${use.conditional ? ", enabled by an expression" : ""}) that other workflows can write${privilegedWriter ? ", including one on a privileged pull-request trigger" : ""}.`,
              at(wf, (step.uses ?? step.run)?.pos ?? step.pos),
              fix,
              privilegedWriter ? "high" : "medium",
            ),
          );
        }
      }
    }
    return { findings };
  },
});
