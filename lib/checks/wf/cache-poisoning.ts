import type { Job, Step, Workflow } from "../../analyzers/workflow/model";
import { privilegedTriggers } from "../../analyzers/workflow/triggers";
import type { Finding } from "../types";
import { finding, at } from "../evidence";
import { usesAction } from "../support/util";
import { defineCheck } from "../define";

/** Cache-restoring steps: actions/cache and the setup-* actions' built-in caching. */
export function cacheRestore(step: Step): string | null {
  const w = (k: string) => step.with[k]?.value.trim().toLowerCase();
  if (
    usesAction(step, "actions/cache") &&
    !(step.uses?.value.toLowerCase().includes("actions/cache/save") ?? false)
  )
    return "actions/cache";
  if (usesAction(step, "swatinem/rust-cache", "mozilla-actions/sccache-action"))
    return step.uses?.value.split("@")[0] ?? "cache";
  for (const a of [
    "actions/setup-node",
    "actions/setup-python",
    "actions/setup-java",
    "actions/setup-dotnet",
  ]) {
    if (usesAction(step, a) && (w("cache") ?? "") !== "" && w("cache") !== "false")
      return `${a} cache: ${w("cache")}`;
  }
  if (usesAction(step, "actions/setup-go") && w("cache") !== "false")
    return "actions/setup-go (caches by default)";
  if (usesAction(step, "astral-sh/setup-uv") && w("enable-cache") === "true")
    return "astral-sh/setup-uv enable-cache";
  if (usesAction(step, "ruby/setup-ruby") && w("bundler-cache") === "true")
    return "ruby/setup-ruby bundler-cache";
  if (usesAction(step, "docker/build-push-action") && (w("cache-from") ?? "").includes("type=gha"))
    return "docker/build-push-action cache-from: type=gha";
  return null;
}

const PUBLISH_RUN = [
  "npm publish",
  "yarn publish",
  "pnpm publish",
  "docker push",
  "cargo publish",
  "twine upload",
  "gh release create",
  "mvn deploy",
  "gradle publish",
  "gradlew publish",
  "dotnet nuget push",
  "gem push",
  "goreleaser release",
  "uv publish",
  "poetry publish",
];

const PUBLISH_ACTIONS = [
  "pypa/gh-action-pypi-publish",
  "softprops/action-gh-release",
  "goreleaser/goreleaser-action",
  "ncipollo/release-action",
  "actions/create-release",
];

function publishes(job: Job): boolean {
  return job.steps.some((s) => {
    if (usesAction(s, "goreleaser/goreleaser-action"))
      return !(s.with["args"]?.value.includes("--snapshot") ?? false);
    if (usesAction(s, ...PUBLISH_ACTIONS)) return true;
    if (usesAction(s, "docker/build-push-action")) return s.with["push"]?.value.trim() === "true";
    return PUBLISH_RUN.some((p) => s.run?.value.includes(p) ?? false);
  });
}

/** Jobs that publish, plus every job they (transitively) `need`: all feed the released artifact. */
function releaseJobs(wf: Workflow): Job[] {
  const byId = new Map(wf.jobs.map((j) => [j.id, j]));
  const out = new Set<Job>();
  const stack = wf.jobs.filter(publishes);
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
        wf.jobs.some((j) => j.steps.some((s) => cacheRestore(s) !== null)),
    );
    const findings: Finding[] = [];
    for (const { wf, jobs } of releases) {
      for (const job of jobs) {
        for (const step of job.steps) {
          const what = cacheRestore(step);
          if (!what) continue;
          const fix = what.startsWith("actions/setup-go")
            ? "Add `cache: false` under `with:` of this step."
            : what.startsWith("actions/cache")
              ? "Remove this actions/cache step from the release job (build from a clean state)."
              : `Disable the cache in this step (remove \`${what.split(" ").slice(1).join(" ")}\` / set it to false).`;
          findings.push(
            finding(
              `Release workflow job \`${job.id}\` restores a cache (${what}) that other workflows can write${privilegedWriter ? ", including one on a privileged pull-request trigger" : ""}.`,
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
