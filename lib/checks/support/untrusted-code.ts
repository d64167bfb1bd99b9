// Does a job in a privileged workflow fetch the attacker's code (PR head, merge commit,
// or a PR build's artifacts) and then execute something? Shared by dangerous-trigger,
// secrets-in-untrusted-trigger, persisted-checkout-credentials and github-env-injection.
import type { Job, Step, Workflow } from "../../analyzers/workflow/model";
import { privilegedTriggers } from "../../analyzers/workflow/triggers";
import type { Confidence } from "../types";
import { usesAction } from "./util";

export const HEAD_CONTEXTS = [
  "github.event.pull_request.head.sha",
  "github.event.pull_request.head.ref",
  "github.event.pull_request.head.repo.full_name",
  "github.event.pull_request.merge_commit_sha",
  "github.head_ref",
  "github.event.workflow_run.head_sha",
  "github.event.workflow_run.head_branch",
  "github.event.workflow_run.head_repository.full_name",
  "github.event.workflow_run.pull_requests",
];

export const INDIRECT_ROOTS = ["steps.", "needs.", "env.", "inputs."];

export interface UntrustedFetch {
  step: Step;
  what: string;
  confidence: Confidence;
}

export function headContext(path: string): boolean {
  const p = path.toLowerCase();
  return HEAD_CONTEXTS.some((h) => p === h || p.startsWith(`${h}.`));
}

export function fetchOf(step: Step): UntrustedFetch | null {
  if (usesAction(step, "actions/checkout")) {
    for (const key of ["ref", "repository"]) {
      const v = step.with[key];
      if (!v) continue;
      const ctx = v.expressions.flatMap((e) => e.contexts);
      if (ctx.some(headContext) || v.value.includes("refs/pull/"))
        return { step, what: `actions/checkout with ${key}: ${v.value}`, confidence: "high" };
      if (ctx.some((c) => INDIRECT_ROOTS.some((r) => c.startsWith(r))))
        return {
          step,
          what: `actions/checkout with ${key}: ${v.value} (computed ref)`,
          confidence: "medium",
        };
    }
    return null;
  }
  if (usesAction(step, "actions/download-artifact") && (step.with["run-id"] || step.with["github-token"])) {
    return {
      step,
      what: "artifacts of another workflow run (actions/download-artifact with run-id)",
      confidence: "medium",
    };
  }
  if (usesAction(step, "dawidd6/action-download-artifact"))
    return {
      step,
      what: "artifacts of another workflow run (dawidd6/action-download-artifact)",
      confidence: "medium",
    };
  const run = step.run?.value;
  if (!run) return null;
  if (run.includes("gh pr checkout")) return { step, what: "`gh pr checkout`", confidence: "high" };
  const gitFetch = run.includes("git fetch") || run.includes("git checkout") || run.includes("git pull");
  const headInRun = step.run?.expressions.some((e) => e.contexts.some(headContext)) ?? false;
  if (gitFetch && (run.includes("pull/") || headInRun))
    return { step, what: "git fetch/checkout of the pull request head", confidence: "high" };
  return null;
}

// Commands that only read or print the checkout; running them on untrusted files is harmless.
export const INERT_COMMANDS = new Set([
  "echo",
  "printf",
  "cat",
  "ls",
  "sleep",
  "git",
  "pwd",
  "cd",
  "head",
  "tail",
  "wc",
  "diff",
  "test",
  "true",
  "exit",
  "set",
  "#",
]);

export function inert(script: string): boolean {
  return script.split("\n").every((line) => {
    const t = line.trim();
    return t === "" || t.startsWith("#") || INERT_COMMANDS.has(t.split(/\s+/)[0] ?? "");
  });
}

export const BUILD_WORDS = [
  "npm ",
  "npx ",
  "yarn",
  "pnpm",
  "make",
  "pip install",
  "python",
  "node ",
  "go ",
  "cargo",
  "./",
  "bash ",
  "sh ",
  "mvn",
  "gradle",
  "tox",
  "pytest",
  "docker build",
  "bundle",
  "rake",
  "composer",
  "bun ",
];

const FETCH_COMMAND = /\bgh\s+pr\s+checkout\b|\bgit\s+(?:fetch|checkout|pull)\b/;

/** The lines of a fetching script after its first fetch command: the fetched code may run there. */
export function afterFetch(script: string): string {
  const lines = script.split("\n");
  const at = lines.findIndex((l) => FETCH_COMMAND.test(l));
  return at === -1 ? "" : lines.slice(at + 1).join("\n");
}

/** Steps that execute repository content after `from` fetched it, `from` itself included when its own script goes on to run something. */
export function executingSteps(job: Job, from: Step): Array<{ step: Step; confidence: Confidence }> {
  const rest = from.run ? afterFetch(from.run.value) : "";
  const own =
    rest.trim() !== "" && !inert(rest)
      ? [
          {
            step: from,
            confidence: (BUILD_WORDS.some((w) => rest.includes(w)) ? "high" : "medium") as Confidence,
          },
        ]
      : [];
  return [
    ...own,
    ...job.steps
      .filter((s) => s.index > from.index)
      .flatMap((s) => {
        if (s.uses?.value.startsWith("./")) return [{ step: s, confidence: "high" as Confidence }];
        if (!s.run || inert(s.run.value)) return [];
        const v = s.run.value;
        return [
          { step: s, confidence: (BUILD_WORDS.some((w) => v.includes(w)) ? "high" : "medium") as Confidence },
        ];
      }),
  ];
}

export interface UntrustedExecution {
  fetch: UntrustedFetch;
  exec: { step: Step; confidence: Confidence } | null;
}

/** In privileged workflows: each untrusted fetch of a job and the first step executing after it. */
export function untrustedCode(wf: Workflow, job: Job): UntrustedExecution[] {
  if (privilegedTriggers(wf).length === 0) return [];
  return job.steps
    .map(fetchOf)
    .filter((f): f is UntrustedFetch => f !== null)
    .map((fetch) => {
      const execs = executingSteps(job, fetch.step);
      return { fetch, exec: execs.find((e) => e.confidence === "high") ?? execs[0] ?? null };
    });
}

export function minConfidence(...cs: Confidence[]): Confidence {
  return cs.includes("low") ? "low" : cs.includes("medium") ? "medium" : "high";
}

export const FORK_GUARDS = [
  "github.event.pull_request.head.repo.full_name",
  "github.event.pull_request.head.repo.fork",
  "github.event.workflow_run.head_repository.full_name",
  "github.event.workflow_run.head_repository.fork",
];

/** `if:` conditions that keep fork PRs out (same-repository branches only) make the risk low. */
export function forkGuarded(job: Job): boolean {
  return (
    job.if?.expressions.some((e) => e.contexts.some((c) => FORK_GUARDS.includes(c.toLowerCase()))) ?? false
  );
}
