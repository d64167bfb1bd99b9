// Can pull-request code actually reach a privileged job? Two facts narrow it:
// - actions/checkout v7 (18 June 2026; backported on 16 July 2026 to the floating tags of
//   supported majors) refuses fork PR code under pull_request_target and PR-triggered
//   workflow_run unless `allow-unsafe-pr-checkout: true` (CHECKS.md, dangerous-trigger).
//   SHA, minor and patch pins of older majors are not protected, nor is issue_comment.
// - a workflow_run whose `workflows:` are all in this repository and none of which runs on
//   pull-request events never carries PR code.
import type { Step, Workflow } from "../../analyzers/workflow/model";
import { PULL_REQUEST_TRIGGERS } from "../../analyzers/workflow/triggers";
import { usesAction } from "./util";

/** Floating major tags that received the backport (supported majors in July 2026). */
const BACKPORTED_MAJORS = new Set([4, 5, 6]);
const PROTECTED_TRIGGERS = new Set(["pull_request_target", "workflow_run"]);

/** Whether this actions/checkout step itself refuses fork PR code under these triggers. */
export function checkoutRefusesForkCode(step: Step, triggers: readonly string[]): boolean {
  if (!usesAction(step, "actions/checkout")) return false;
  if (triggers.length === 0 || !triggers.every((t) => PROTECTED_TRIGGERS.has(t))) return false;
  if ((step.with["allow-unsafe-pr-checkout"]?.value.trim().toLowerCase() ?? "") === "true") return false;
  const ref = step.uses?.value.split("@")[1]?.trim() ?? "";
  const m = /^v(\d+)(\.\d+)?(\.\d+)?$/.exec(ref);
  if (!m) return false;
  const major = Number(m[1]);
  if (major >= 7) return true;
  return m[2] === undefined && BACKPORTED_MAJORS.has(major);
}

function names(v: unknown): string[] {
  return Array.isArray(v) ? v.map(String) : typeof v === "string" ? [v] : [];
}

/**
 * For a workflow_run trigger: the upstream workflows when every one of them is in this
 * repository and none runs on pull-request events (so no PR code arrives); else null.
 */
export function workflowRunWithoutPrs(wf: Workflow, all: readonly Workflow[]): string[] | null {
  const t = wf.triggers.find((x) => x.event === "workflow_run");
  const wanted = t ? names(t.config["workflows"]) : [];
  if (wanted.length === 0) return null;
  const upstream: Workflow[] = [];
  for (const name of wanted) {
    if (/[*?]/.test(name)) return null;
    const hit = all.find(
      (w) =>
        w.kind === "workflow" &&
        (w.name === name ||
          w.path
            .split("/")
            .pop()
            ?.replace(/\.ya?ml$/, "") === name),
    );
    if (!hit) return null;
    upstream.push(hit);
  }
  if (
    upstream.some((u) =>
      u.triggers.some((x) => PULL_REQUEST_TRIGGERS.has(x.event) || x.event === "workflow_run"),
    )
  )
    return null;
  return upstream.map((u) => u.name ?? u.path);
}
