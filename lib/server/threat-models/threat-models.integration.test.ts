// Threat models against a real Postgres: generated after a sync from stored facts,
// linked to the stored check results, saved as revisions under optimistic concurrency,
// regenerated without losing edits, diffed, restored, imported and exported; auditors
// are refused and every change is in the audit chain.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { upsertGitHubUser, upsertOrganization } from "../../../prisma/seed/factories";
import { setDb } from "../../db";
import { isAppError } from "../../errors";
import { makeBranchProtection, makeFacts, makeOrg } from "../../../testing/facts";
import { createTestDatabase, type TestDatabase } from "../../../testing/db";
import { stopSenderBoss, useSenderBoss } from "../../../testing/sender-boss";
import { assembleRepoFacts, type OrgPart } from "../../facts/assemble";
import { generateThreatModel } from "../../threat-model/generate";
import type { ThreatModel } from "../../threat-model/model";
import { listAuditEntries } from "../audit/list-audit-entries";
import { verifyAuditChain } from "../audit/verify-audit-chain";
import { systemActor, type Actor } from "../authz/actor";
import { approvePolicyException } from "../policy/approve-policy-exception";
import { scoreOrganization } from "../scores/score-organization";
import { diffThreatModelRevisions } from "./diff-threat-model-revisions";
import { exportThreatModel } from "./export-threat-model";
import { generateThreatModels } from "./generate-threat-models";
import { getThreatModel } from "./get-threat-model";
import { importThreatModel } from "./import-threat-model";
import { listThreatModelRevisions } from "./list-threat-model-revisions";
import { acceptThreatRisk } from "./accept-threat-risk";
import { restoreThreatModelRevision } from "./restore-threat-model-revision";
import { saveThreatModel } from "./save-threat-model";

// makeFacts merges partial settings over the well-configured baseline.
const makeSettings = (s: NonNullable<Parameters<typeof makeFacts>[0]>["settings"]) => s;

let db: TestDatabase;
let orgId: string;
let engineer: Actor;
let lead: Actor;
let auditor: Actor;
const sync = systemActor("sync");
const repo = { owner: "acme", name: "api" };
const actor = (userId: string, login: string, role: Actor["role"]): Actor => ({
  userId,
  login,
  role,
  ip: null,
  userAgent: "vitest",
});
const wf = (path: string) => ({
  path,
  text: "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo\n",
});

async function setFacts(repositoryId: string, facts: ReturnType<typeof makeFacts>) {
  const data = {
    facts: JSON.parse(JSON.stringify(facts)),
    syncedAt: new Date(),
    fingerprint: "fp",
    factsVersion: 1,
  };
  await db.prisma.repoSnapshot.upsert({
    where: { repositoryId },
    create: { repositoryId, ...data },
    update: data,
  });
}

async function refusal(work: Promise<unknown>) {
  try {
    await work;
  } catch (error) {
    if (isAppError(error)) return error;
    throw error;
  }
  throw new Error("not refused");
}

const orgPart: OrgPart = {
  settings: makeOrg({ login: "acme" }),
  secrets: [],
  alerts: { secretScanning: {}, dependabot: {} },
  actionAdvisories: [],
};
const firstFacts = makeFacts({
  name: "api",
  files: [wf(".github/workflows/ci.yml")],
  settings: makeSettings({ branchProtection: makeBranchProtection({ allowForcePushes: true }) }),
});

let repositoryId: string;
beforeAll(async () => {
  db = await createTestDatabase();
  setDb(db.prisma);
  useSenderBoss(db.url); // exception requests queue their re-scoring
  orgId = (await upsertOrganization(db.prisma, "acme", "Acme")).id;
  const e = await upsertGitHubUser(db.prisma, { id: 21, login: "eve", name: null, email: null }, "engineer");
  const s = await upsertGitHubUser(
    db.prisma,
    { id: 22, login: "sam", name: null, email: null },
    "security_lead",
  );
  const i = await upsertGitHubUser(db.prisma, { id: 23, login: "ian", name: null, email: null }, "auditor");
  engineer = actor(e.id, "eve", "engineer");
  lead = actor(s.id, "sam", "security_lead");
  auditor = actor(i.id, "ian", "auditor");
  await db.prisma.orgSnapshot.create({
    data: {
      organizationId: orgId,
      facts: JSON.parse(JSON.stringify(orgPart)),
    },
  });
  repositoryId = (
    await db.prisma.repository.create({ data: { organizationId: orgId, name: "api", fullName: "acme/api" } })
  ).id;
  await setFacts(repositoryId, firstFacts);
});

afterAll(async () => {
  await stopSenderBoss();
  await db?.drop();
});

describe("threat models", () => {
  it("are generated after a sync and show the live check status", async () => {
    await scoreOrganization(sync, { organizationId: orgId });
    expect(await generateThreatModels(sync, { organizationId: orgId })).toMatchObject({
      created: 1,
      regenerated: 0,
    });
    // The batch insert assembles the model in SQL: it must store what generation makes.
    const generated = JSON.parse(JSON.stringify(generateThreatModel(assembleRepoFacts(firstFacts, orgPart))));
    const stored = await db.prisma.threatModelRevision.findUniqueOrThrow({
      where: { repositoryId_revision: { repositoryId, revision: 1 } },
      select: { model: true, threatModel: { select: { model: true } } },
    });
    expect([stored.model, stored.threatModel.model]).toEqual([generated, generated]);
    const view = await getThreatModel(auditor, repo);
    expect(view.revision).toBe(1);
    expect(view.model!.assets.map((a) => a.id)).toContain("workflow:.github/workflows/ci.yml");
    const deploy = view.threats.find((t) => t.id === "threat:unauthorised-deployment")!;
    // force-push fails on this repository: the threat shows it at once.
    expect([deploy.effectiveStatus, deploy.basis, deploy.failingChecks]).toEqual([
      "open",
      "failing",
      ["force-push"],
    ]);
    // …and links to the failing check's remediation task, opened by scoring.
    const task = await db.prisma.remediationTask.findUniqueOrThrow({
      where: { repositoryId_checkId: { repositoryId, checkId: "force-push" } },
    });
    const link = deploy.links.find((l) => l.control.kind === "check" && l.control.check === "force-push")!;
    expect(link.taskHref).toBe(`/tasks/${task.id}`);
    expect(view.taskHrefs["force-push"]).toBe(`/tasks/${task.id}`);
    // A second run with the same facts writes nothing.
    expect(await generateThreatModels(sync, { organizationId: orgId })).toMatchObject({
      created: 0,
      regenerated: 0,
      unchanged: 1,
    });
  });

  it("a sync that fixes the check turns the linked threat's control green", async () => {
    await setFacts(repositoryId, makeFacts({ name: "api", files: [wf(".github/workflows/ci.yml")] }));
    await scoreOrganization(sync, { organizationId: orgId });
    const deploy = (await getThreatModel(engineer, repo)).threats.find(
      (t) => t.id === "threat:unauthorised-deployment",
    )!;
    expect(
      deploy.links.find((l) => l.control.kind === "check" && l.control.check === "force-push")!.live,
    ).toBe("pass");
    expect(deploy.failingChecks).toEqual([]);
    // A passing check links to no task (the task is closed as fixed).
    expect(deploy.links.every((l) => l.taskHref === null)).toBe(true);
  });

  it("saves revisions and refuses a stale save naming what changed", async () => {
    const { model } = await getThreatModel(engineer, repo);
    const edited: ThreatModel = {
      ...model!,
      controls: [
        ...model!.controls,
        { id: "m-hw-keys", kind: "manual", title: "Hardware keys", owner: "sam", note: "all maintainers" },
      ],
      threats: model!.threats.map((t) =>
        t.id === "threat:credential-theft"
          ? { ...t, controls: [...t.controls, { controlId: "m-hw-keys", status: "planned" }] }
          : t,
      ),
    };
    expect(await saveThreatModel(engineer, { ...repo, revision: 1, model: edited })).toEqual({ revision: 2 });
    const other = {
      ...model!,
      threats: model!.threats.map((t) =>
        t.id === "threat:build-injection" ? { ...t, impact: "low" as const } : t,
      ),
    };
    const conflict = await refusal(saveThreatModel(lead, { ...repo, revision: 1, model: other }));
    expect(conflict.code).toBe("conflict");
    expect(conflict.message).toContain("revision 2");
    expect(conflict.message).toContain("control “Hardware keys” added");
    expect(conflict.message).toContain("threat “Credential theft” changed: controls");
    expect((await getThreatModel(lead, repo)).revision).toBe(2);
    const revisions = await listThreatModelRevisions(auditor, repo);
    expect(revisions.map((r) => [r.revision, r.source, r.authorLogin])).toEqual([
      [2, "saved", "eve"],
      [1, "generated", null],
    ]);
    expect(
      (await diffThreatModelRevisions(auditor, { ...repo, from: 1, to: 2 })).map(
        (c) => `${c.entity}:${c.id}:${c.change}`,
      ),
    ).toEqual(["control:m-hw-keys:added", "threat:threat:credential-theft:changed"]);
  });

  it("regeneration proposes new assets and keeps edits", async () => {
    await setFacts(repositoryId, makeFacts({ name: "api", files: [wf(".github/workflows/release.yml")] }));
    expect(await generateThreatModels(sync, { organizationId: orgId })).toMatchObject({ regenerated: 1 });
    const view = await getThreatModel(engineer, repo);
    expect(view.revision).toBe(3);
    const state = Object.fromEntries(view.model!.assets.map((a) => [a.id, a.state]));
    expect(state["workflow:.github/workflows/release.yml"]).toBe("proposed");
    expect(state["workflow:.github/workflows/ci.yml"]).toBe("removed");
    expect(view.model!.controls.some((c) => c.id === "m-hw-keys")).toBe(true);
  });

  it("restores an old revision as a new one", async () => {
    expect(await restoreThreatModelRevision(lead, { ...repo, restore: 1, revision: 3 })).toEqual({
      revision: 4,
    });
    const view = await getThreatModel(lead, repo);
    expect(view.model!.controls.some((c) => c.id === "m-hw-keys")).toBe(false);
    expect((await listThreatModelRevisions(lead, repo))[0]).toMatchObject({
      revision: 4,
      source: "restored",
      note: "restored from revision 1",
    });
  });

  it("exports and imports THREATS.md; a bad file changes nothing", async () => {
    const md = await exportThreatModel(
      auditor,
      { ...repo, format: "markdown" },
      new Date("2026-12-01T00:00:00Z"),
    );
    expect(md.body).toContain("Revision: 4");
    const bad = await refusal(
      importThreatModel(engineer, {
        ...repo,
        format: "markdown",
        revision: 4,
        text: md.body.replace("- category: tampering", "- category: gremlins"),
      }),
    );
    expect(bad.code).toBe("invalid");
    expect(bad.message).toMatch(/line \d+: category/);
    expect((await getThreatModel(engineer, repo)).revision).toBe(4);
    expect(
      await importThreatModel(engineer, { ...repo, format: "markdown", revision: 4, text: md.body }),
    ).toEqual({ revision: 5 });
    expect(await diffThreatModelRevisions(engineer, { ...repo, from: 4, to: 5 })).toEqual([]);
    const td = await exportThreatModel(auditor, { ...repo, format: "threat-dragon" });
    expect(JSON.parse(td.body).detail.diagrams).toHaveLength(1);
  });

  it("auditors read only: the server refuses and audits their writes", async () => {
    const { model, revision } = await getThreatModel(auditor, repo);
    expect((await refusal(saveThreatModel(auditor, { ...repo, revision, model }))).code).toBe("forbidden");
    expect((await refusal(restoreThreatModelRevision(auditor, { ...repo, restore: 1, revision }))).code).toBe(
      "forbidden",
    );
    expect(
      (await refusal(importThreatModel(auditor, { ...repo, format: "markdown", revision, text: "" }))).code,
    ).toBe("forbidden");
    expect((await getThreatModel(auditor, repo)).revision).toBe(revision);
    const entries = await listAuditEntries(auditor, { limit: 50 });
    const actions = entries.map((e) => e.action);
    for (const a of [
      "threatmodel.generated",
      "threatmodel.saved",
      "threatmodel.restored",
      "threatmodel.imported-markdown",
      "authz.denied",
    ])
      expect([a, actions.includes(a)]).toEqual([a, true]);
    expect((await verifyAuditChain(auditor)).ok).toBe(true);
  });

  it("accepting a threat's risk goes through the policy exception approval", async () => {
    // Its own repository, whose force-push check fails.
    const risky = await db.prisma.repository.create({
      data: { organizationId: orgId, name: "risky", fullName: "acme/risky" },
    });
    await setFacts(
      risky.id,
      makeFacts({
        name: "risky",
        files: [wf(".github/workflows/ci.yml")],
        settings: makeSettings({ branchProtection: makeBranchProtection({ allowForcePushes: true }) }),
      }),
    );
    await scoreOrganization(sync, { organizationId: orgId });
    await generateThreatModels(sync, { organizationId: orgId });
    const target = { owner: "acme", name: "risky" };
    const before = await getThreatModel(lead, target);
    const accept = {
      ...target,
      threatId: "threat:unauthorised-deployment",
      justification: "Release tooling rewrites history until Q3",
      expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
      revision: before.revision,
    };
    // Engineers edit models but cannot approve exceptions: refused, nothing written.
    expect((await refusal(acceptThreatRisk(engineer, accept))).code).toBe("forbidden");
    expect((await getThreatModel(lead, target)).revision).toBe(before.revision);
    await expect(acceptThreatRisk(lead, { ...accept, justification: " " })).rejects.toThrow(/justification/);

    const { revision, exceptionIds } = await acceptThreatRisk(lead, accept);
    expect(revision).toBe(before.revision + 1);
    const policy = await db.prisma.policyVersion.findFirstOrThrow({ orderBy: { version: "desc" } });
    type Stored = { id: string; checkId: string; repo: string; requestedBy?: string; approver?: string };
    const exceptions = (policy.policy as { exceptions: Stored[] }).exceptions;
    // Requested by the lead who accepted the risk, and pending: it waives nothing until
    // a second security lead approves it (the requester cannot).
    for (const id of exceptionIds) {
      const stored = exceptions.find((e) => e.id === id);
      expect(stored).toMatchObject({ repo: "acme/risky", requestedBy: "sam" });
      expect(stored?.approver).toBeUndefined();
    }
    expect((await refusal(approvePolicyException(lead, { exceptionId: exceptionIds[0] }))).code).toBe(
      "forbidden",
    );
    const l = await upsertGitHubUser(
      db.prisma,
      { id: 24, login: "lena", name: null, email: null },
      "security_lead",
    );
    await approvePolicyException(actor(l.id, "lena", "security_lead"), { exceptionId: exceptionIds[0] });
    const approved = await db.prisma.policyVersion.findFirstOrThrow({ orderBy: { version: "desc" } });
    expect(
      (approved.policy as { exceptions: Stored[] }).exceptions.find((e) => e.id === exceptionIds[0]),
    ).toMatchObject({ requestedBy: "sam", approver: "lena" });
    expect(exceptions.filter((e) => exceptionIds.includes(e.id)).map((e) => e.checkId)).toContain(
      "force-push",
    );
    const after = await getThreatModel(lead, target);
    const threat = after.model!.threats.find((t) => t.id === accept.threatId)!;
    expect(threat.status).toBe("accepted");
    // A stale page is refused before any exception is written.
    expect((await refusal(acceptThreatRisk(lead, accept))).code).toBe("conflict");
  });

  it("reads each check's status as scoring counts it: a failure with every finding suppressed passes", async () => {
    const target = await db.prisma.repository.findUniqueOrThrow({ where: { fullName: "acme/risky" } });
    const finding = (suppressed: boolean) => ({
      message: "m",
      evidence: { kind: "api", field: "f", value: 1 },
      remediation: "r",
      confidence: "high",
      ...(suppressed && { suppressed: { by: "inline", reason: "ok" } }),
    });
    const result = (checkId: string, status: string, findings: unknown[] = []) => ({
      checkId,
      category: "identity",
      severity: "high",
      status,
      findings,
    });
    const results = [
      result("all-suppressed", "fail", [finding(true), finding(true)]),
      result("one-open", "fail", [finding(true), finding(false)]),
      result("fail-bare", "fail"),
      result("passes", "pass", [finding(true)]),
      result("undecided", "unknown"),
      result("irrelevant", "not-applicable"),
    ];
    await db.prisma.repoScore.update({
      where: { repositoryId: target.id },
      data: { results: JSON.parse(JSON.stringify(results)) },
    });
    const view = await getThreatModel(lead, { owner: "acme", name: "risky" });
    expect(view.checks).toEqual({
      "all-suppressed": "pass",
      "one-open": "fail",
      "fail-bare": "fail",
      passes: "pass",
      undecided: "unknown",
      irrelevant: "not-applicable",
    });
  });
});
