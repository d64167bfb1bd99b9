// self-hosted-runner and cache-poisoning.
import type { Job, ScalarValue, Step, Workflow } from "../../analyzers/workflow/model";
import { findExpressions } from "../../analyzers/expressions/find-expressions";
import { hasPullRequestTrigger, privilegedTriggers } from "../../analyzers/workflow/triggers";
import type { Confidence, Finding } from "../types";
import { finding, usesAction, wfCheck } from "./util";

const HOSTED_PREFIXES = ["ubuntu-", "windows-", "macos-"];

/** Labels a job may run on, with a `${{ matrix.x }}` template expanded from the job's matrix. */
function runnerLabels(job: Job): Array<{ label: string; at: ScalarValue }> {
  const out: Array<{ label: string; at: ScalarValue }> = [];
  const matrix = (job.strategy?.matrix ?? null) as Record<string, unknown> | null;
  for (const sv of job.runsOn) {
    const spans = findExpressions(sv.value);
    if (spans.length === 0) {
      out.push({ label: sv.value, at: sv });
      continue;
    }
    // Only `…${{ matrix.k }}…` is expanded; computed choices between literals are left alone.
    const span = spans[0]!;
    const paths = sv.expressions[0]?.valueContexts ?? [];
    const key = paths.length === 1 && paths[0]!.startsWith("matrix.") ? paths[0]!.slice(7) : null;
    if (spans.length !== 1 || !key || !matrix || typeof matrix !== "object") continue;
    const include = Array.isArray(matrix["include"])
      ? (matrix["include"] as Array<Record<string, unknown> | null>).map((i) => i?.[key])
      : [];
    for (const v of [matrix[key], ...include].flat(2)) {
      if (typeof v === "string")
        out.push({ label: sv.value.slice(0, span.start) + v + sv.value.slice(span.end), at: sv });
    }
  }
  return out;
}

function selfHosted(job: Job): { label: string; at: ScalarValue; confidence: Confidence } | null {
  const labels = runnerLabels(job);
  const explicit = labels.find((l) => l.label.toLowerCase() === "self-hosted");
  if (explicit) return { ...explicit, confidence: "high" };
  // Unknown labels are self-hosted or larger GitHub runners; only the former is risky.
  const custom = labels.find((l) => !HOSTED_PREFIXES.some((p) => l.label.toLowerCase().startsWith(p)));
  return custom ? { ...custom, confidence: "medium" } : null;
}

export const selfHostedRunner = wfCheck({
  id: "self-hosted-runner",
  title: "Self-hosted runners never run untrusted code",
  category: "integrity",
  severity: "medium",
  from: ["wf"],
  rationale:
    "Self-hosted runners are not wiped between jobs. In a public repository or on pull-request triggers, anyone who can open a PR can run code on them, persist a backdoor and read later jobs' secrets and network.",
  remediation:
    "Use GitHub-hosted runners for public repositories and pull-request workflows, or ephemeral (just-in-time) self-hosted runners in an isolated runner group.",
  evaluate(workflows, facts) {
    const findings: Finding[] = [];
    let undecided = 0;
    for (const wf of workflows) {
      const prTriggers = hasPullRequestTrigger(wf) || privilegedTriggers(wf).length > 0;
      for (const job of wf.jobs) {
        const sh = selfHosted(job);
        if (!sh) continue;
        const why =
          facts.visibility === "public"
            ? "the repository is public"
            : prTriggers
              ? `the workflow runs on ${wf.triggers.map((t) => t.event).join(", ")}`
              : null;
        if (!why) {
          if (facts.visibility === null) undecided++;
          continue;
        }
        findings.push(
          finding(
            wf,
            sh.at.pos,
            `Job \`${job.id}\` runs on \`${sh.label}\` (self-hosted) while ${why}.`,
            `Change \`runs-on\` of job \`${job.id}\` to a GitHub-hosted label (e.g. \`ubuntu-latest\`), or restrict the workflow to trusted triggers and use ephemeral runners.`,
            sh.confidence,
          ),
        );
      }
    }
    if (undecided > 0)
      return {
        findings,
        unknown: `${undecided} job(s) use self-hosted runners and the repository's visibility is not known.`,
      };
    return { findings };
  },
});

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

export const cachePoisoning = wfCheck({
  id: "cache-poisoning",
  title: "Release builds do not restore writable caches",
  category: "integrity",
  severity: "medium",
  from: ["wf"],
  rationale:
    "GitHub Actions caches are shared across workflows of a branch scope. A cache written by a workflow that runs attacker-influenced code can be restored by the release build, smuggling tampered dependencies or build outputs into published artifacts.",
  remediation:
    "Disable caching in release/publish workflows (build from a clean state), or key release caches so that only trusted default-branch workflows can write them.",
  evaluate(workflows) {
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
              wf,
              (step.uses ?? step.run)?.pos ?? step.pos,
              `Release workflow job \`${job.id}\` restores a cache (${what}) that other workflows can write${privilegedWriter ? ", including one on a privileged pull-request trigger" : ""}.`,
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
