// Object-level isolation across organisations (issue 8, ASVS 8.2.2), as fast-check
// properties over the real data layer and a real Postgres: with two organisations seeded
// and a user in only one member list, every id-taking verb answers the other
// organisation's ids exactly like ids that do not exist (not_found), nothing of it is
// written, and no list shows any of it. The other organisation's own user is the control:
// the same calls succeed for them.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { upsertGitHubUser, upsertOrganization } from "@/prisma/seed/factories";
import { createTestDatabase, type TestDatabase } from "@/testing/db";
import { setDb } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import type { Actor } from "./authz/actor";
import { getTask } from "./tasks/get-task";
import { listTasks } from "./tasks/list-tasks";
import { updateTask } from "./tasks/update-task";
import { openTaskIssue } from "./tasks/open-task-issue";
import { getRepoScore } from "./scores/get-repo-score";
import { getRepoHistory } from "./history/get-repo-history";
import { getThreatModel } from "./threat-models/get-threat-model";
import { listThreatModelRevisions } from "./threat-models/list-threat-model-revisions";
import { saveThreatModel } from "./threat-models/save-threat-model";
import { listOrganizations } from "./orgs/list-organizations";
import { getOrgSnapshot } from "./history/get-org-snapshot";
import { getOrgTrend } from "./history/get-org-trend";
import { listOrgChecks } from "./history/list-org-checks";
import { listRepos } from "./repos/list-repos";
import { addPolicyException } from "./policy/add-policy-exception";

let db: TestDatabase;
const orgs: Record<"alpha" | "bravo", { id: string; repos: string[]; tasks: string[] }> = {
  alpha: { id: "", repos: [], tasks: [] },
  bravo: { id: "", repos: [], tasks: [] },
};
let alice: Actor; // alpha's security lead: every read and write permission on objects
let bruno: Actor; // bravo's security lead (the control)

async function seedOrg(login: "alpha" | "bravo", n: number) {
  const org = await upsertOrganization(db.prisma, login, login);
  orgs[login].id = org.id;
  for (let i = 0; i < n; i++) {
    const name = `svc-${i}`;
    const repo = await db.prisma.repository.create({
      data: { organizationId: org.id, name, fullName: `${login}/${name}` },
    });
    orgs[login].repos.push(name);
    await db.prisma.repoScore.create({
      data: {
        repositoryId: repo.id,
        policyVersion: 1,
        factsSyncedAt: new Date("2026-01-01T00:00:00Z"),
        results: [],
        overall: 50 + i,
        coverage: 1,
        checksTotal: 0,
        checksPass: 0,
        checksFail: 0,
        checksNotApplicable: 0,
        checksUnknown: 0,
        checksSuppressed: 0,
        failingCritical: 0,
        failingHigh: 0,
        computedAt: new Date("2026-01-01T00:00:00Z"),
      },
    });
    const task = await db.prisma.remediationTask.create({
      data: {
        repositoryId: repo.id,
        checkId: "GH-BP-001",
        severity: "high",
        priority: 10,
        dueAt: new Date("2030-01-01T00:00:00Z"),
      },
    });
    orgs[login].tasks.push(task.id);
  }
}

async function member(login: string, githubId: number, org: "alpha" | "bravo"): Promise<Actor> {
  const user = await upsertGitHubUser(
    db.prisma,
    { id: githubId, login, name: login, email: null },
    "security_lead",
  );
  await db.prisma.orgMember.create({ data: { organizationId: orgs[org].id, login } });
  return { userId: user.id, login, role: "security_lead", ip: null, userAgent: "vitest" };
}

beforeAll(async () => {
  db = await createTestDatabase();
  setDb(db.prisma);
  await seedOrg("alpha", 3);
  await seedOrg("bravo", 5);
  alice = await member("alice", 9101, "alpha");
  bruno = await member("bruno", 9102, "bravo");
});
afterAll(async () => {
  await db?.drop();
});

/** The code of the AppError `work` fails with, or "ok". */
async function outcome(work: () => Promise<unknown>): Promise<string> {
  try {
    await work();
    return "ok";
  } catch (error) {
    if (isAppError(error)) return error.code;
    throw error;
  }
}

const EMPTY_MODEL = { assets: [], boundaries: [], controls: [], threats: [] };

/** Every verb that takes an object of one organisation, as a call on (actor, object). */
const BY_REPO: Record<string, (actor: Actor, owner: string, name: string) => Promise<unknown>> = {
  getRepoScore: (a, owner, name) => getRepoScore(a, { owner, name }),
  getRepoHistory: (a, owner, name) => getRepoHistory(a, { owner, name }),
  getThreatModel: (a, owner, name) => getThreatModel(a, { owner, name }),
  listThreatModelRevisions: (a, owner, name) => listThreatModelRevisions(a, { owner, name }),
  saveThreatModel: (a, owner, name) => saveThreatModel(a, { owner, name, revision: 0, model: EMPTY_MODEL }),
};
const BY_TASK: Record<string, (actor: Actor, id: string) => Promise<unknown>> = {
  getTask: (a, id) => getTask(a, { id }),
  updateTask: (a, id) => updateTask(a, { id, status: "in_progress" }),
  openTaskIssue: (a, id) => openTaskIssue(a, { id }),
};
const BY_ORG: Record<string, (actor: Actor, org: { id: string; login: string }) => Promise<unknown>> = {
  listOrgChecks: (a, o) => listOrgChecks(a, { organizationId: o.id }),
  getOrgSnapshot: (a, o) => getOrgSnapshot(a, { organizationId: o.id }),
  getOrgTrend: (a, o) => getOrgTrend(a, { organizationId: o.id }),
  listRepos: (a, o) => listRepos(a, { organizationId: o.id }),
};

describe("object-level isolation (property: a user of one organisation never reads or writes another's)", () => {
  it("every repository-taking verb answers another organisation's repository as not found, and writes nothing", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...Object.keys(BY_REPO)),
        fc.constantFrom(...orgs.bravo.repos),
        fc.constantFrom("bravo", "BRAVO", "Bravo"),
        async (verb, name, owner) => {
          const before = await db.prisma.threatModelRevision.count();
          expect(await outcome(() => BY_REPO[verb]!(alice, owner, name))).toBe("not_found");
          expect(await db.prisma.threatModelRevision.count()).toBe(before);
        },
      ),
      { seed: 8, numRuns: 40 },
    );
    // The control: bravo's own lead reads the same repository.
    expect(await outcome(() => BY_REPO.getRepoScore!(bruno, "bravo", orgs.bravo.repos[0]!))).toBe("ok");
    expect(await outcome(() => BY_REPO.getThreatModel!(bruno, "bravo", orgs.bravo.repos[0]!))).toBe("ok");
  });

  it("every task-taking verb answers another organisation's task as not found, and the task is unchanged", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...Object.keys(BY_TASK)),
        fc.constantFrom(...orgs.bravo.tasks),
        async (verb, id) => {
          expect(await outcome(() => BY_TASK[verb]!(alice, id))).toBe("not_found");
          const task = await db.prisma.remediationTask.findUniqueOrThrow({ where: { id } });
          expect([task.status, task.issueUrl]).toEqual(["open", null]);
        },
      ),
      { seed: 8, numRuns: 30 },
    );
    expect(await outcome(() => getTask(bruno, { id: orgs.bravo.tasks[0]! }))).toBe("ok");
  });

  it("every organisation-taking verb answers another organisation as not found", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...Object.keys(BY_ORG)), async (verb) => {
        expect(await outcome(() => BY_ORG[verb]!(alice, { id: orgs.bravo.id, login: "bravo" }))).toBe(
          "not_found",
        );
        expect(await outcome(() => BY_ORG[verb]!(alice, { id: orgs.alpha.id, login: "alpha" }))).toBe("ok");
      }),
      { seed: 8, numRuns: 10 },
    );
  });

  it("no list shows another organisation's repositories, tasks or organisation", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          page: fc.integer({ min: 1, max: 3 }),
          pageSize: fc.integer({ min: 1, max: 10 }),
          repo: fc.option(fc.constantFrom(...orgs.bravo.repos.map((r) => `bravo/${r}`)), { nil: undefined }),
        }),
        async (query) => {
          const tasks = await listTasks(alice, query);
          expect(tasks.items.filter((t) => !orgs.alpha.tasks.includes(t.id))).toEqual([]);
          if (query.repo) expect(tasks.total).toBe(0);
        },
      ),
      { seed: 8, numRuns: 25 },
    );
    expect((await listOrganizations(alice)).map((o) => o.login)).toEqual(["alpha"]);
    // The control: bruno sees his own.
    expect((await listOrganizations(bruno)).map((o) => o.login)).toEqual(["bravo"]);
    expect((await listTasks(bruno, { pageSize: 50 })).total).toBe(orgs.bravo.tasks.length);
  });

  it("an exception for another organisation's repositories is refused and the policy is unchanged", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("bravo/svc-1", "bravo/*", "BRAVO/svc-*", "*/svc-1", "*/*", "br*/svc-0"),
        async (repo) => {
          const versions = await db.prisma.policyVersion.count();
          const got = await outcome(() =>
            addPolicyException(alice, {
              checkId: "GH-BP-001",
              repo,
              justification: "isolation probe",
              expiresAt: "2030-01-01",
            }),
          );
          expect(["not_found", "forbidden"]).toContain(got);
          expect(await db.prisma.policyVersion.count()).toBe(versions);
        },
      ),
      { seed: 8, numRuns: 12 },
    );
  });
});
