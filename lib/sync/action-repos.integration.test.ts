import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RepoFacts } from "@/lib/facts/types";
import { defineOrgFixture } from "@/simulator";
import {
  ACTION_ORG,
  CLEAN_WORKFLOW,
  RISKY_WORKFLOW,
  SETUP_BRANCH_ONLY,
  SETUP_IMPOSTOR,
  SETUP_V110,
  SETUP_V120,
} from "@/testing/action-repos";
import { startSyncHarness, type SyncHarness } from "@/testing/sync/harness";
import { SYNC_TOKEN } from "@/testing/sync/org-fixture";
import { checkById } from "../checks/catalogue";
import { runCheck } from "../checks/test-kit";
import { assembleRepoFacts, type OrgPart } from "../facts/assemble";
import { runSyncInline } from "./engine/run-inline";

// The API-backed checks through sync: action repositories resolved once per sync across
// the organisation, webhooks read per repository, both stored in the facts the checks read.

let h: SyncHarness;

const fixture = () =>
  defineOrgFixture({
    org: {
      login: "acme",
      members: [{ login: "octo-admin", role: "admin" }],
      users: [{ login: "octo-admin" }],
      tokens: [{ token: SYNC_TOKEN, login: "octo-admin" }],
      webhooks: [{ id: 77, url: "https://hooks.example.com/org/s3cr3t-path" }],
      ...ACTION_ORG,
    },
    repos: [
      {
        name: "risky",
        files: { ".github/workflows/ci.yml": RISKY_WORKFLOW },
        config: {
          webhooks: [
            { url: "http://hooks.example.com/ci?token=s3cr3t", hasSecret: false },
            { url: "https://hooks.example.com/ok", insecureSsl: true },
          ],
        },
      },
      {
        name: "clean",
        files: { ".github/workflows/ci.yml": CLEAN_WORKFLOW },
        config: { webhooks: [{ url: "https://hooks.example.com/ok" }] },
      },
      // Same actions again: no extra request for them.
      { name: "clean-too", files: { ".github/workflows/ci.yml": CLEAN_WORKFLOW } },
    ],
  });

async function factsOf(name: string): Promise<RepoFacts> {
  const repo = await h.db.prisma.repository.findFirstOrThrow({
    where: { organizationId: h.organizationId, name },
    include: { snapshot: true },
  });
  const org = await h.db.prisma.orgSnapshot.findUniqueOrThrow({
    where: { organizationId: h.organizationId },
  });
  return assembleRepoFacts(repo.snapshot!.facts as unknown as RepoFacts, org.facts as unknown as OrgPart);
}

const status = (id: string, facts: RepoFacts) => runCheck(checkById(id)!, facts).status;

beforeAll(async () => {
  h = await startSyncHarness(fixture());
});
afterAll(async () => h?.close());

describe("API-backed checks through sync", () => {
  it("stores each action repository's archived flag, commented tags and pinned commits' reachability", async () => {
    h.sim.stats.reset();
    expect((await runSyncInline(h.ctx, { kind: "full", trigger: "manual" })).status).toBe("succeeded");
    expect((await factsOf("risky")).actionRepos).toEqual({
      "octo-actions/setup": {
        archived: false,
        commits: { [SETUP_IMPOSTOR]: false },
        tags: { "v1.2.0": SETUP_V120 },
      },
      "octo-actions/legacy": { archived: true, commits: {}, tags: {} },
    });
    expect((await factsOf("clean")).actionRepos?.["octo-actions/setup"]).toEqual({
      archived: false,
      commits: { [SETUP_V120]: true, [SETUP_V110]: true, [SETUP_BRANCH_ONLY]: true },
      tags: { "v1.2.0": SETUP_V120, "v1.1.0": SETUP_V110 },
    });
  });

  it("asks about each action repository once for the whole organisation", () => {
    const routes = h.sim.stats.routes;
    expect(routes["GET /repos/{owner}/{repo}/tags"]).toBe(1);
    // Three repositories of the org plus two action repositories.
    expect(routes["GET /repos/{owner}/{repo}"]).toBe(5);
    // Pins that are a tag's commit need no compare. The impostor is compared with main,
    // then with release/v0 from the branch list; the branch-only pin is release/v0's head.
    expect(routes["GET /repos/{owner}/{repo}/compare/{basehead}"]).toBe(3);
    expect(routes["GET /repos/{owner}/{repo}/branches"]).toBe(1);
  });

  it("a later sync asks again with ETags: every action look-up answers 304 and the facts stay", async () => {
    const before = await factsOf("clean");
    h.ctx.actionRepoCache = undefined;
    h.sim.stats.reset();
    expect((await runSyncInline(h.ctx, { kind: "full", trigger: "manual" })).status).toBe("succeeded");
    const routes = h.sim.stats.routes;
    const actionLookups =
      (routes["GET /repos/{owner}/{repo}/tags"] ?? 0) +
      (routes["GET /repos/{owner}/{repo}/compare/{basehead}"] ?? 0) +
      (routes["GET /repos/{owner}/{repo}/branches"] ?? 0);
    expect(actionLookups).toBe(5);
    // Every REST request of this sync was conditional and unchanged (none charged).
    expect(h.sim.stats.rest).toBe(0);
    expect((await factsOf("clean")).actionRepos).toEqual(before.actionRepos);
  });

  it("stores repository and organisation webhooks with their URL cut to the origin (no token in the query)", async () => {
    const hooks = (await factsOf("risky")).settings?.webhooks;
    expect(hooks?.map((x) => [x.origin, x.hasSecret, x.insecureSsl])).toEqual([
      ["http://hooks.example.com", false, false],
      ["https://hooks.example.com", true, true],
    ]);
    expect(JSON.stringify(hooks)).not.toContain("s3cr3t");
    // Organisation hooks arrive once per org, merged into every repository's facts.
    const org = (await factsOf("clean")).org?.webhooks;
    expect(org).toEqual([
      { id: 77, origin: "https://hooks.example.com", insecureSsl: false, hasSecret: true, active: true },
    ]);
  });

  it("fails the four checks on the risky repository and passes them on the clean one", async () => {
    const [risky, clean] = [await factsOf("risky"), await factsOf("clean")];
    const ids = ["impostor-commit", "pin-comment-mismatch", "archived-action", "webhook-insecure"];
    expect(ids.map((id) => status(id, risky))).toEqual(["fail", "fail", "fail", "fail"]);
    expect(ids.map((id) => status(id, clean))).toEqual(["pass", "pass", "pass", "pass"]);
    // The tag behind a mutable ref is resolved too, so the unpinned-action fix names it.
    expect(runCheck(checkById("unpinned-action")!, risky).findings[0]?.remediation).toContain(
      `octo-actions/legacy@5555555555555555555555555555555555555555 # v1`,
    );
  });
});
