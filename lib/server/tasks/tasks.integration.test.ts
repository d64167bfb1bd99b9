// Remediation tasks end to end: a real sync from the simulator, scoring opens tasks,
// people move them, and a later push + sync + scoring closes and reopens them by itself.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDb } from "../../db";
import { isAppError } from "../../errors";
import { runSyncInline } from "../../sync/engine/run-inline";
import { startSyncHarness, type SyncHarness } from "../../../testing/sync/harness";
import { CHECKOUT_V4_SHA, SYNC_TOKEN, syncTestFixture } from "../../../testing/sync/org-fixture";
import type { Actor } from "../authz/actor";
import { systemActor } from "../authz/actor";
import { scoreOrganization } from "../scores/score-organization";
import { getTask } from "./get-task";
import { listTasks } from "./list-tasks";
import { updateTask } from "./update-task";
import { openTaskIssue } from "./open-task-issue";
import { validateResponse } from "../../../simulator/testing/openapi-validator";

let h: SyncHarness;
const day1 = new Date("2026-03-01T00:00:00Z");
const actor = (role: Actor["role"], login: string): Actor => ({
  userId: `user-${login}`,
  login,
  role,
  ip: null,
  userAgent: null,
});
const engineer = actor("engineer", "eng");
const auditor = actor("auditor", "aud");
const ci = (uses: string) => `name: ci
on: [push]
permissions: read-all
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: ${uses}
      - run: npm test
`;

async function syncAndScore(now: Date) {
  const { runId, status } = await runSyncInline(h.ctx, { kind: "incremental", trigger: "manual" });
  expect(status).toBe("succeeded");
  const run = await scoreOrganization(systemActor("sync"), { organizationId: h.organizationId, now });
  return { runId, run };
}

async function pinnedTask() {
  const { items } = await listTasks(engineer, { repo: "acme/svc-0000", status: undefined });
  return items.find((t) => t.check === "unpinned-action");
}

beforeAll(async () => {
  h = await startSyncHarness(syncTestFixture(1));
  setDb(h.db.prisma);
  Object.assign(process.env, {
    DATABASE_URL: h.db.url,
    NEXTAUTH_SECRET: "x".repeat(32),
    NEXTAUTH_URL: "https://gatehouse.example",
    GITHUB_CLIENT_ID: "x",
    GITHUB_CLIENT_SECRET: "y",
    GATEHOUSE_ENCRYPTION_KEY: h.key.toString("base64"),
  });
  h.sim.push("svc-0000", {
    files: { ".github/CODEOWNERS": "* @octo-admin\n.github/workflows/ @acme/platform\n" },
  });
  const { status } = await runSyncInline(h.ctx, { kind: "full", trigger: "manual" });
  expect(status).toBe("succeeded");
});
afterAll(async () => h?.close());

describe("remediation tasks", () => {
  it("scoring opens one task per failing check, with an SLA due date and an owner", async () => {
    const run = await scoreOrganization(systemActor("sync"), { organizationId: h.organizationId, now: day1 });
    expect(run.tasks.created).toBeGreaterThan(0);
    const task = await pinnedTask();
    // checkout@v4 is GitHub-owned: the finding's severity (medium) is below the check's (high),
    // and the task carries the finding's, so its due date is the medium SLA (90 days).
    expect(task).toMatchObject({ status: "open", severity: "medium", priority: 2, repo: "acme/svc-0000" });
    expect((task!.dueAt.getTime() - day1.getTime()) / 86_400_000).toBe(90);
    // The CODEOWNERS rule for the evidence file (the workflow), not the catch-all.
    expect(task!.owners).toEqual(["@acme/platform"]);
    // Scoring again with nothing changed creates and moves nothing.
    const again = await scoreOrganization(systemActor("sync"), {
      organizationId: h.organizationId,
      now: day1,
    });
    expect(again.tasks).toEqual({ created: 0, transitioned: 0, refreshed: 0 });
  });

  it("engineers start work; auditors are refused by the server", async () => {
    const task = (await pinnedTask())!;
    await expect(updateTask(auditor, { id: task.id, status: "in_progress" })).rejects.toSatisfy((e) =>
      isAppError(e, "forbidden"),
    );
    const moved = await updateTask(engineer, { id: task.id, status: "in_progress" });
    expect(moved.status).toBe("in_progress");
    const { items } = await listTasks(auditor, { status: "in_progress" });
    expect(items.map((t) => t.id)).toEqual([task.id]);
    // Fixed is proven by a sync, not claimed by hand.
    await expect(updateTask(engineer, { id: task.id, status: "fixed" })).rejects.toThrow();
  });

  it("a push that fixes the workflow, then a sync, closes the task naming that sync run; failing again reopens it", async () => {
    const task = (await pinnedTask())!;
    h.sim.push("svc-0000", {
      files: { ".github/workflows/ci.yml": ci(`actions/checkout@${CHECKOUT_V4_SHA} # v4`) },
    });
    const fixed = await syncAndScore(new Date("2026-03-05T00:00:00Z"));
    const closed = (await pinnedTask())!;
    expect(closed).toMatchObject({ id: task.id, status: "fixed", closedBySyncRunId: fixed.runId });

    h.sim.push("svc-0000", { files: { ".github/workflows/ci.yml": ci("actions/checkout@v4") } });
    const reopenedAt = new Date("2026-03-10T00:00:00Z");
    const failing = await syncAndScore(reopenedAt);
    const reopened = await getTask(engineer, { id: task.id });
    expect(reopened).toMatchObject({ status: "open", closedBySyncRunId: null, closedAt: null });
    expect(reopened.events.map((e) => [e.kind, e.fromStatus, e.toStatus])).toEqual([
      ["opened", null, "open"],
      ["status_changed", "open", "in_progress"],
      ["fixed", "in_progress", "fixed"],
      ["reopened", "fixed", "open"],
    ]);
    expect(reopened.events[2]!.syncRunId).toBe(fixed.runId);
    expect(reopened.events[3]!.syncRunId).toBe(failing.runId);
    expect(reopened.events[1]!.actorLogin).toBe("user-eng");
    expect(reopened.dueAt.getTime()).toBeGreaterThan(reopenedAt.getTime());
    expect(reopened.evidence[0]).toMatchObject({ file: ".github/workflows/ci.yml" });
  });

  it("filters by owner, severity and overdue, and pages with a total", async () => {
    const all = await listTasks(auditor, { status: "active" });
    expect(all.total).toBeGreaterThan(1);
    expect(all.items.every((t) => t.status === "open" || t.status === "in_progress")).toBe(true);
    const team = await listTasks(auditor, { team: "acme/platform", status: "active" });
    expect(team.items.map((t) => t.check)).toContain("unpinned-action");
    expect(team.total).toBe(all.items.filter((t) => t.owners.includes("@acme/platform")).length);
    expect((await listTasks(auditor, { owner: "@nobody" })).total).toBe(0);
    // Assignee: only the task given to that login, "@login" or "login".
    const [first] = all.items;
    await updateTask(engineer, { id: first!.id, assignee: "user-eng" });
    for (const assignee of ["@user-eng", "user-eng"])
      expect((await listTasks(auditor, { assignee, status: "active" })).items.map((t) => t.id)).toEqual([
        first!.id,
      ]);
    expect((await listTasks(auditor, { assignee: "@nobody" })).total).toBe(0);
    const high = await listTasks(auditor, { severity: "high" });
    expect(high.items.every((t) => t.severity === "high")).toBe(true);
    const later = new Date("2027-12-01T00:00:00Z");
    const overdue = await listTasks(auditor, { overdue: "true", now: later });
    expect(overdue.total).toBe(all.total);
    expect(overdue.items.every((t) => t.overdue)).toBe(true);
    expect((await listTasks(auditor, { overdue: true, now: day1 })).total).toBe(0);
    const page = await listTasks(auditor, { status: "active", pageSize: 1, page: 2 });
    expect(page).toMatchObject({ total: all.total, items: [all.items[1]] });
  });

  it("counts up to a bound when asked (the board), saying whether the total is exact", async () => {
    const all = await listTasks(auditor, { status: "active" });
    expect(all.totalExact).toBe(true);
    const atBound = await listTasks(auditor, { status: "active" }, { countUpTo: all.total });
    expect(atBound).toMatchObject({ total: all.total, totalExact: true });
    const under = await listTasks(auditor, { status: "active", pageSize: 1 }, { countUpTo: all.total - 1 });
    expect(under).toMatchObject({ total: all.total - 1, totalExact: false, items: [all.items[0]] });
    expect(under.nextCursor).toBe(all.items[0]!.id);
  });

  it("opens one GitHub issue per task through the connection, carrying evidence and fix", async () => {
    const task = (await pinnedTask())!;
    await expect(openTaskIssue(auditor, { id: task.id })).rejects.toSatisfy((e) =>
      isAppError(e, "forbidden"),
    );
    const { issueUrl } = await openTaskIssue(engineer, { id: task.id });
    expect(issueUrl).toBe(`${h.sim.url}/acme/svc-0000/issues/1`);
    // The simulator stored what octokit sent; its answer has GitHub's issue schema.
    const res = await fetch(`${h.sim.url}/repos/acme/svc-0000/issues/1`, {
      headers: { authorization: `token ${SYNC_TOKEN}` },
    });
    const issue = (await res.json()) as { title: string; body: string };
    expect(validateResponse("POST", "/repos/{owner}/{repo}/issues", 201, issue)).toBeNull();
    expect(issue.title).toContain("acme/svc-0000");
    expect(issue.body).toContain(".github/workflows/ci.yml:");
    expect(issue.body).toContain(`actions/checkout@${CHECKOUT_V4_SHA}`);
    expect(issue.body).toContain(`https://gatehouse.example/tasks/${task.id}`);
    // Asking again links the same issue; the task and its history record it.
    expect(await openTaskIssue(engineer, { id: task.id })).toEqual({ issueUrl });
    const detail = await getTask(engineer, { id: task.id });
    expect(detail.issueUrl).toBe(issueUrl);
    expect(detail.events.filter((e) => e.kind === "issue_opened")).toHaveLength(1);
  });
});
