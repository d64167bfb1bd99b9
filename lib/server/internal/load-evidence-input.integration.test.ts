// The pack's loader against a real Postgres: repositories are read a page at a time (a
// 10,000-repository pack must fit the worker's heap), in name order, and every walk of
// one export sees the same scores even when a scoring lands mid-export.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../testing/db";
import { makeFacts } from "../../../testing/facts";
import { createRepoWithFacts } from "../../../testing/seed-repo";
import { setDb } from "../../db";
import type { CheckResult } from "../../checks/types";
import type { EvidenceRepo, PackInput, RepoStatuses } from "../../evidence/input";
import { systemActor } from "../authz/actor";
import { scoreOrganization } from "../scores/score-organization";
import { checkResultsColumn } from "./json-columns";
import { loadEvidenceInput, withEvidencePackInput } from "./load-evidence-input";

let db: TestDatabase;
const REPOS = 23;
const names = Array.from({ length: REPOS }, (_, i) => `acme/svc-${String(i).padStart(2, "0")}`);
const request = () => ({
  framework: "soc2" as const,
  asOf: new Date(Date.now() + 60_000),
  scope: { kind: "all" as const },
  organizationIds: [],
  now: new Date(),
  instance: { name: "test", version: "0" },
  withoutAuditExtract: true,
});

async function walk(input: PackInput): Promise<EvidenceRepo[][]> {
  const pages: EvidenceRepo[][] = [];
  for await (const page of input.repos.pages()) pages.push([...page]);
  return pages;
}

beforeAll(async () => {
  db = await createTestDatabase();
  setDb(db.prisma);
  const org = await db.prisma.organization.create({ data: { login: "acme" } });
  // Created out of name order, so the loader's order is its own doing.
  for (const fullName of [...names].reverse())
    await createRepoWithFacts(db.prisma, org.id, fullName, makeFacts({ name: fullName.split("/")[1]! }), {
      syncedAt: new Date(),
    });
  await scoreOrganization(systemActor("test"), { organizationId: org.id });
}, 60_000);

afterAll(async () => {
  await db?.drop();
});

describe("the evidence pack loader", () => {
  it("hands out the repositories in pages of the page size, in name order, with their results", async () => {
    const pages = await withEvidencePackInput(request(), walk, 10);
    expect(pages.map((p) => p.length)).toEqual([10, 10, 3]);
    expect(pages.flat().map((r) => r.fullName)).toEqual(names);
    expect(pages.flat().every((r) => r.results.length > 0)).toBe(true);
    // The in-memory loader (the control view page) reads the same repositories.
    const whole = await loadEvidenceInput(request());
    expect(whole.repos).toEqual(pages.flat());
  });

  it("gives every walk of one export the same scores, even when a scoring lands between walks", async () => {
    const [first, second] = await withEvidencePackInput(
      request(),
      async (input) => {
        expect(input.repos.count).toBe(REPOS);
        const before = await walk(input);
        // Outside the export's transaction, as the worker's next scoring would be.
        await db.prisma.repoScore.updateMany({ data: { overall: 1, grade: "F" } });
        return [before, await walk(input)];
      },
      10,
    );
    expect(second).toEqual(first);
    expect(first!.flat().some((r) => r.score.grade !== "F")).toBe(true);
    const after = await loadEvidenceInput(request());
    expect(after.repos.every((r) => r.score.grade === "F")).toBe(true);
  });

  // Last: it adds an organisation and a repository, which the tests above do not count.
  it("gives the status-only walk the statuses of the full walk, exceptions included", async () => {
    const org = await db.prisma.organization.create({ data: { login: "suppressing" } });
    const repo = await db.prisma.repository.create({
      data: { organizationId: org.id, name: "svc", fullName: "suppressing/svc" },
    });
    const { repositoryId: _, results, ...score } = await db.prisma.repoScore.findFirstOrThrow();
    const finding = (suppressed?: CheckResult["findings"][number]["suppressed"]) => ({
      message: "m",
      evidence: { kind: "api" as const, field: "f", value: null },
      remediation: "r",
      confidence: "high" as const,
      ...(suppressed && { suppressed }),
    });
    const edited = checkResultsColumn.read(results).map((r, i): CheckResult => {
      // A pass resting on an approved exception, one on an inline suppression, a failure
      // with a suppressed finding among others, and a pass with an unsuppressed finding.
      const by = [
        { status: "pass", findings: [finding({ by: "exception", reason: "x", exceptionId: "e1" })] },
        { status: "pass", findings: [finding(), finding({ by: "inline", reason: "y" })] },
        { status: "fail", findings: [finding(), finding({ by: "inline", reason: "z" })] },
        { status: "pass", findings: [finding()] },
      ] as const;
      return i < by.length ? { ...r, ...by[i]!, findings: [...by[i]!.findings] } : r;
    });
    await db.prisma.repoScore.create({
      data: { ...score, repositoryId: repo.id, results: checkResultsColumn.write(edited) },
    });
    const [full, statuses] = await withEvidencePackInput(
      { ...request(), organizationIds: [org.id] },
      async (input) => {
        const out: EvidenceRepo[] = [];
        for await (const page of input.repos.pages()) out.push(...page);
        const only: RepoStatuses[] = [];
        for await (const page of input.repos.statusPages()) only.push(...page);
        return [out, only] as const;
      },
    );
    const statusesOf = (r: EvidenceRepo) => ({
      ...r,
      results: r.results.map(({ check, status }) => ({ check, status })),
    });
    expect(statuses).toEqual(full.map(statusesOf));
    expect(statuses[0]!.results.slice(0, 4).map((r) => r.status)).toEqual([
      "exception",
      "exception",
      "fail",
      "pass",
    ]);
  });
});
