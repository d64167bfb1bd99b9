// Trigger classification. "Privileged" triggers run in the base repository's context (its
// secrets, a token that can be write) while the event is caused by someone outside it.
import type { Trigger, Workflow } from "./model";

/** Run with base-repo secrets and token, started by untrusted actors (forks, commenters, issue authors). */
const PRIVILEGED_UNTRUSTED_TRIGGERS: ReadonlySet<string> = new Set([
  "pull_request_target",
  "workflow_run",
  "issue_comment",
  "issues",
  "discussion",
  "discussion_comment",
  "pull_request_review",
  "pull_request_review_comment",
  "fork",
  "watch",
  "check_run",
  "check_suite",
]);
/** Triggers that start on pull-request activity (fork PRs included). */
const PULL_REQUEST_TRIGGERS: ReadonlySet<string> = new Set([
  "pull_request",
  "pull_request_target",
  "pull_request_review",
  "pull_request_review_comment",
]);

export type TriggerClass = "privileged-untrusted" | "untrusted" | "trusted" | "inherited";

export function classifyTrigger(event: string): TriggerClass {
  if (PRIVILEGED_UNTRUSTED_TRIGGERS.has(event)) return "privileged-untrusted";
  if (event === "pull_request") return "untrusted";
  // A reusable workflow runs under whatever triggered its caller.
  if (event === "workflow_call") return "inherited";
  return "trusted";
}

export function privilegedTriggers(wf: Workflow): Trigger[] {
  return wf.triggers.filter((t) => PRIVILEGED_UNTRUSTED_TRIGGERS.has(t.event));
}

export function hasPullRequestTrigger(wf: Workflow): boolean {
  return wf.triggers.some((t) => PULL_REQUEST_TRIGGERS.has(t.event));
}
