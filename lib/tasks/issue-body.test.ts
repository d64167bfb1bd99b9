import { describe, expect, it } from "vitest";
import { issueBody, issueTitle } from "./issue-body";

const task = {
  repo: "acme/api",
  check: "unpinned-action",
  checkTitle: "Actions pinned to a full commit SHA",
  severity: "high",
  dueAt: new Date("2026-07-01T00:00:00Z"),
  owners: ["@acme/platform"],
  taskUrl: "https://gatehouse.example/tasks/t1",
  evidence: [
    {
      message: "actions/checkout@v4 is not pinned",
      file: ".github/workflows/ci.yml",
      line: 7,
      remediation: "- uses: actions/checkout@11bd719 # v4 ``` odd",
    },
  ],
};

describe("the GitHub issue of a task", () => {
  it("carries the evidence location, the exact fix verbatim, the due date and a link back", () => {
    const body = issueBody(task);
    expect(body).toContain("`.github/workflows/ci.yml:7`");
    expect(body).toContain("actions/checkout@v4 is not pinned");
    // The fix contains three backticks, so the fence uses four.
    expect(body).toContain("````\n- uses: actions/checkout@11bd719 # v4 ``` odd\n````");
    expect(body).toContain("Due: 2026-07-01");
    expect(body).toContain("@acme/platform");
    expect(body).toContain("https://gatehouse.example/tasks/t1");
    expect(issueTitle(task)).toBe("[Gatehouse] Actions pinned to a full commit SHA in acme/api");
  });

  it("says so when the check fails without a single finding", () => {
    expect(issueBody({ ...task, evidence: [] })).toContain("fails as a whole");
  });
});
