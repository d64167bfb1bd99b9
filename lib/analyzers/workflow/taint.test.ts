import { describe, expect, it } from "vitest";
import type { Workflow } from "./model";
import { classifyContext, isAttackerControlled } from "./taint";
import { classifyTrigger, hasPullRequestTrigger, privilegedTriggers } from "./triggers";

describe("classifyContext", () => {
  it.each([
    "github.event.issue.title",
    "github.event.issue.body",
    "github.event.pull_request.head.ref",
    "github.event.pull_request.head.label",
    "github.event.pull_request.head.repo.default_branch",
    "github.event.comment.body",
    "github.event.review.body",
    "github.event.review_comment.body",
    "github.event.pages.0.page_name",
    "github.event.commits.*.message",
    "github.event.commits.3.author.email",
    "github.event.head_commit.author.name",
    "github.head_ref",
    "GitHub.Head_Ref",
    "github.event.workflow_run.head_branch",
    "github.event.workflow_run.head_commit.message",
    "github.event.discussion.title",
    "github.event",
    "github.event.pull_request",
    "github.event[computed]",
  ])("%s is attacker-controlled", (p) => expect(isAttackerControlled(p)).toBe(true));

  it.each([
    "github.event.pull_request.number",
    "github.sha",
    "github.repository_owner_id",
    "github.event.pull_request.head.sha",
    "github.event.issue.id",
    "github.run_id",
    "github.actor",
    "secrets.TOKEN",
    "runner.os",
    "github.event.pull_request.base.ref",
  ])("%s is safe", (p) => expect(classifyContext(p).taint).toBe("safe"));

  it("flags unlisted event text fields by name with medium confidence", () => {
    expect(classifyContext("github.event.release.body")).toEqual({ taint: "attacker", confidence: "medium" });
  });

  it("leaves indirections unknown", () => {
    for (const p of ["steps.x.outputs.y", "env.TITLE", "inputs.name", "matrix.os", "github.ref_name"])
      expect(classifyContext(p).taint).toBe("unknown");
  });
});

describe("trigger classification", () => {
  it("classifies privileged, untrusted and trusted triggers", () => {
    expect(classifyTrigger("pull_request_target")).toBe("privileged-untrusted");
    expect(classifyTrigger("workflow_run")).toBe("privileged-untrusted");
    expect(classifyTrigger("issue_comment")).toBe("privileged-untrusted");
    expect(classifyTrigger("pull_request_review_comment")).toBe("privileged-untrusted");
    expect(classifyTrigger("pull_request")).toBe("untrusted");
    expect(classifyTrigger("push")).toBe("trusted");
    expect(classifyTrigger("workflow_call")).toBe("inherited");
  });

  it("finds privileged and pull-request triggers of a workflow", () => {
    const pos = { line: 1, column: 1 };
    const wf = {
      triggers: [
        { event: "push", pos, config: {} },
        { event: "issues", pos, config: {} },
      ],
    } as unknown as Workflow;
    expect(privilegedTriggers(wf).map((t) => t.event)).toEqual(["issues"]);
    expect(hasPullRequestTrigger(wf)).toBe(false);
  });
});
