import { describe, expect, it } from "vitest";
import type { ObservedCheck } from "./observe";
import { planTasks, type ScoredRepository, type StoredTask } from "./plan";
import { DEFAULT_TASK_SLA_DAYS } from "./sla";

const now = new Date("2026-06-01T00:00:00Z");
const opts = { now, sla: DEFAULT_TASK_SLA_DAYS };
const check = (checkId: string, outcome: ObservedCheck["outcome"], extra: Partial<ObservedCheck> = {}) => ({
  checkId,
  outcome,
  severity: "high" as const,
  owners: ["@acme/platform"],
  evidence: [{ message: "unpinned", file: ".github/workflows/ci.yml", line: 3, remediation: "pin it" }],
  exceptionId: null,
  ...extra,
});
const repo = (checks: ObservedCheck[], extra: Partial<ScoredRepository> = {}): ScoredRepository => ({
  repositoryId: "r1",
  critical: false,
  syncRunId: "run-2",
  checks,
  ...extra,
});
const task = (status: StoredTask["status"], extra: Partial<StoredTask> = {}): StoredTask => ({
  id: "t1",
  repositoryId: "r1",
  checkId: "unpinned-actions",
  status,
  severity: "high",
  priority: 3,
  owners: ["@acme/platform"],
  evidence: check("x", "fail").evidence,
  exceptionId: null,
  ...extra,
});

describe("planTasks", () => {
  it("opens one task per failing check, due by the SLA, prioritised by severity × criticality", () => {
    const plan = planTasks(
      [
        repo([check("unpinned-actions", "fail"), check("org-2fa", "pass"), check("x", "undecided")], {
          critical: true,
        }),
      ],
      [],
      opts,
    );
    expect(plan.create).toEqual([
      expect.objectContaining({
        repositoryId: "r1",
        checkId: "unpinned-actions",
        priority: 6,
        dueAt: new Date("2026-07-01T00:00:00Z"),
        owners: ["@acme/platform"],
      }),
    ]);
    expect(plan.transitions).toEqual([]);
  });

  it("closes a task as fixed naming the sync run whose facts show the check passing", () => {
    const plan = planTasks([repo([check("unpinned-actions", "pass")])], [task("in_progress")], opts);
    expect(plan.transitions).toEqual([
      expect.objectContaining({
        taskId: "t1",
        from: "in_progress",
        to: "fixed",
        kind: "fixed",
        syncRunId: "run-2",
      }),
    ]);
  });

  it("reopens a fixed task when the check fails again, with a fresh due date", () => {
    const plan = planTasks(
      [repo([check("unpinned-actions", "fail", { severity: "critical" })])],
      [task("fixed")],
      opts,
    );
    expect(plan.transitions).toEqual([
      expect.objectContaining({
        from: "fixed",
        to: "open",
        kind: "reopened",
        dueAt: new Date("2026-06-08T00:00:00Z"),
      }),
    ]);
    expect(plan.refresh).toEqual([expect.objectContaining({ severity: "critical", priority: 4 })]);
  });

  it("an unknown result never fixes a task", () => {
    const plan = planTasks([repo([check("unpinned-actions", "undecided")])], [task("open")], opts);
    expect(plan).toEqual({ create: [], transitions: [], refresh: [] });
  });

  it("accepts the risk when an exception waives the check, and reopens once it lapses", () => {
    const accepted = planTasks(
      [repo([check("unpinned-actions", "accepted", { exceptionId: "EX-3-1" })])],
      [task("open")],
      opts,
    );
    expect(accepted.transitions).toEqual([
      expect.objectContaining({ to: "accepted_risk", exceptionId: "EX-3-1", kind: "risk_accepted" }),
    ]);
    const lapsed = planTasks([repo([check("unpinned-actions", "fail")])], [task("accepted_risk")], opts);
    expect(lapsed.transitions).toEqual([
      expect.objectContaining({
        to: "open",
        kind: "reopened",
        note: expect.stringMatching(/exception expired/),
      }),
    ]);
  });

  it("names the exception that expired or was revoked when its task reopens", () => {
    const lapse = (id: string) =>
      id === "EX-3-1"
        ? { reason: "expired" as const, note: "exception EX-3-1 expired" }
        : id === "EX-2-1"
          ? { reason: "revoked" as const, note: "exception EX-2-1 revoked" }
          : null;
    const reopen = (exceptionId: string) =>
      planTasks([repo([check("unpinned-actions", "fail")])], [task("accepted_risk", { exceptionId })], {
        ...opts,
        lapse,
      }).transitions;
    expect(reopen("EX-3-1")).toEqual([
      expect.objectContaining({ to: "open", kind: "exception_expired", note: "exception EX-3-1 expired" }),
    ]);
    expect(reopen("EX-2-1")).toEqual([
      expect.objectContaining({ to: "open", kind: "exception_revoked", note: "exception EX-2-1 revoked" }),
    ]);
    // Still in force: a finding the (instance-scoped) exception does not cover fails.
    expect(reopen("EX-9-1")).toEqual([
      expect.objectContaining({ kind: "reopened", note: "a finding exception EX-9-1 does not cover fails" }),
    ]);
  });

  it("records the new exception when an accepted task is waived by another one, and nothing when it is the same", () => {
    const waived = (exceptionId: string) =>
      planTasks(
        [repo([check("unpinned-actions", "accepted", { exceptionId })])],
        [task("accepted_risk", { exceptionId: "EX-3-1" })],
        opts,
      ).transitions;
    expect(waived("EX-3-1")).toEqual([]);
    expect(waived("EX-4-1")).toEqual([
      expect.objectContaining({ from: "accepted_risk", to: "accepted_risk", exceptionId: "EX-4-1" }),
    ]);
  });

  it("leaves an unchanged failing task alone (whatever the stored key order) and does not recreate a passing one", () => {
    const reordered = [
      { remediation: "pin it", line: 3, file: ".github/workflows/ci.yml", message: "unpinned" },
    ];
    expect(
      planTasks([repo([check("unpinned-actions", "fail")])], [task("open", { evidence: reordered })], opts),
    ).toEqual({
      create: [],
      transitions: [],
      refresh: [],
    });
    expect(planTasks([repo([check("unpinned-actions", "pass")])], [], opts).create).toEqual([]);
  });
});
