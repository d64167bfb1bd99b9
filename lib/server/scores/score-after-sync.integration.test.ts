// Scoring what a real sync stored: the simulator over HTTP, H5's sync engine, then
// scoreOrganization — which must read only Postgres (no request reaches "GitHub").
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDb } from "../../db";
import { catalogue } from "../../checks/catalogue";
import type { CheckResult } from "../../checks/types";
import { runSyncInline } from "../../sync/engine/run-inline";
import { startSyncHarness, type SyncHarness } from "../../../testing/sync/harness";
import { syncTestFixture } from "../../../testing/sync/org-fixture";
import { systemActor } from "../authz/actor";
import { scoreOrganization } from "./score-organization";

let h: SyncHarness;
const now = new Date("2026-03-01T00:00:00Z");

beforeAll(async () => {
  h = await startSyncHarness(syncTestFixture(3));
  setDb(h.db.prisma);
  const { status } = await runSyncInline(h.ctx, { kind: "full", trigger: "manual" });
  expect(status).toBe("succeeded");
});
afterAll(async () => h?.close());

describe("scoring after a sync", () => {
  it("scores every synced repository with the whole catalogue, without calling GitHub", async () => {
    const requestsBefore = h.sim.stats.rest + h.sim.stats.notModified + h.sim.stats.graphql;
    const run = await scoreOrganization(systemActor("sync"), { organizationId: h.organizationId, now });
    expect(h.sim.stats.rest + h.sim.stats.notModified + h.sim.stats.graphql).toBe(requestsBefore);
    const snapshots = await h.db.prisma.repoSnapshot.count();
    expect(run.scored).toBe(snapshots);
    const scores = await h.db.prisma.repoScore.findMany({ include: { repository: true } });
    expect(scores).toHaveLength(snapshots);
    for (const score of scores) {
      const results = score.results as unknown as CheckResult[];
      expect(results.map((r) => r.checkId)).toEqual(catalogue.map((c) => c.id));
      // secretlint ran (its prepare step was awaited), so the check is decided.
      expect(results.find((r) => r.checkId === "hardcoded-credential")!.reason ?? "").not.toMatch(
        /did not run/,
      );
      // Only the fixture's hostile repository (unparsable workflows) leaves most checks unknown.
      if (score.repository.name !== "hostile") expect(score.coverage).toBeGreaterThan(0.9);
      expect(score.overall).not.toBeNull();
    }
    // The org part was merged: org-2fa is decided from the org snapshot, not unknown.
    expect(
      (scores[0]!.results as unknown as CheckResult[]).find((r) => r.checkId === "org-2fa")!.status,
    ).toBe("pass");
  });

  it("stores identical JSON when nothing changed", async () => {
    const first = await h.db.prisma.repoScore.findMany({ orderBy: { repositoryId: "asc" } });
    await scoreOrganization(systemActor("sync"), { organizationId: h.organizationId, now });
    expect(JSON.stringify(await h.db.prisma.repoScore.findMany({ orderBy: { repositoryId: "asc" } }))).toBe(
      JSON.stringify(first),
    );
  });
});
