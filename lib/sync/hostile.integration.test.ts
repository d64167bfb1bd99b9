// Property: the hostile-input corpus (testing/hostile) served by the simulator over real
// HTTP gives, for every file, a recorded and bounded error naming it (or, for keys that
// only look dangerous, plain data), and leaves every other repository's facts exactly as
// a sync without the hostile repository stores them. Bounds are structural, never timed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RepoFacts } from "@/lib/facts/types";
import { defineOrgFixture, type OrgFixture } from "@/simulator";
import { CONTROL_WORKFLOW, hostileFiles } from "@/testing/hostile/corpus";
import { startSyncHarness, type SyncHarness } from "@/testing/sync/harness";
import { SYNC_TOKEN } from "@/testing/sync/org-fixture";
import { workflowsOf } from "../checks/support/workflows-of";
import { assembleRepoFacts, type OrgPart } from "../facts/assemble";
import { runSyncInline } from "./engine/run-inline";

const WF = ".github/workflows";
const corpus = [
  // GitHub's API returns text as JSON strings, so invalid UTF-8 arrives already decoded
  // with U+FFFD replacements: over sync it is plain (odd) data, not an error. A tree
  // entry whose name cannot be a path segment (CRLF) is refused as a name: "rejected".
  ...hostileFiles().map((f) => ({
    ...f,
    text: f.content.toString("utf8"),
    outcome: (f.name === "invalid UTF-8"
      ? "data"
      : f.name === "name with CRLF"
        ? "rejected"
        : f.outcome) as Outcome,
  })),
  // Sync-only: traversal in a tree entry name, a lone surrogate, and a blob GitHub cuts.
  {
    name: "name with ..\\",
    path: `${WF}/..\\..\\etc\\passwd.yml`,
    text: "on: push\n",
    outcome: "rejected" as Outcome,
  },
  {
    name: "lone surrogate",
    path: `${WF}/surrogate.yml`,
    text: "on: push\njobs:\n  x:\n    runs-on: \ud800\n",
    outcome: "error" as Outcome,
  },
  {
    name: "truncated GitHub response",
    path: `${WF}/truncated.yml`,
    text: CONTROL_WORKFLOW.content.repeat(50),
    outcome: "error" as Outcome,
  },
];
type Outcome = "error" | "data" | "rejected";

function fixture(withHostile: boolean): OrgFixture {
  return defineOrgFixture({
    org: {
      login: "acme",
      members: [{ login: "octo-admin", role: "admin" }],
      users: [{ login: "octo-admin" }],
      tokens: [{ token: SYNC_TOKEN, login: "octo-admin" }],
    },
    repos: [
      { name: "control", files: { [CONTROL_WORKFLOW.path]: CONTROL_WORKFLOW.content, "package.json": "{}" } },
      ...(withHostile
        ? [{ name: "hostile", files: Object.fromEntries(corpus.map((c) => [c.path, c.text])) }]
        : []),
    ],
  });
}

let hostile: SyncHarness;
let baseline: SyncHarness;
const statuses: string[] = [];

async function factsOf(h: SyncHarness, name: string): Promise<RepoFacts> {
  const repo = await h.db.prisma.repository.findFirstOrThrow({
    where: { organizationId: h.organizationId, name },
    include: { snapshot: true },
  });
  const org = await h.db.prisma.orgSnapshot.findUniqueOrThrow({
    where: { organizationId: h.organizationId },
  });
  return assembleRepoFacts(repo.snapshot!.facts as unknown as RepoFacts, org.facts as unknown as OrgPart);
}

beforeAll(async () => {
  hostile = await startSyncHarness(fixture(true), {
    faults: { rules: [{ kind: "truncate-blobs", files: "**/truncated.yml", maxBytes: 100 }] },
  });
  baseline = await startSyncHarness(fixture(false));
  for (const h of [hostile, baseline])
    statuses.push((await runSyncInline(h.ctx, { kind: "full", trigger: "manual" })).status);
}, 120_000);
afterAll(async () => {
  await hostile?.close();
  await baseline?.close();
});

describe("sync against the hostile corpus (property: hostile inputs give bounded, recorded errors)", () => {
  it("the sync succeeds and stores the hostile repository", async () => {
    expect(statuses).toEqual(["succeeded", "succeeded"]);
    expect((await factsOf(hostile, "hostile")).files.length).toBeGreaterThan(0);
  });

  it("records one bounded failure per hostile workflow, naming the file", async () => {
    const facts = await factsOf(hostile, "hostile");
    const { failures } = workflowsOf(facts);
    for (const c of corpus.filter((x) => x.outcome === "error")) {
      const mine = failures.filter((f) => f.path === c.path);
      expect(mine, `${c.name} (${JSON.stringify(c.path)})`).toHaveLength(1);
      expect(mine[0]!.reason.length).toBeLessThan(400);
    }
    expect(failures.length).toBeLessThanOrEqual(corpus.length);
  });

  it("refuses names that cannot be a path, recording each as an issue (never a file)", async () => {
    const facts = await factsOf(hostile, "hostile");
    const snap = await hostile.db.prisma.repoSnapshot.findFirstOrThrow({
      where: { repository: { name: "hostile" } },
    });
    const issues = snap.issues as Array<{ kind: string; subject: string }>;
    for (const c of corpus.filter((x) => x.outcome === "rejected")) {
      const name = c.path.slice(WF.length + 1);
      expect(
        facts.files.some((f) => f.path === c.path),
        c.name,
      ).toBe(false);
      expect(
        issues.filter((i) => i.kind === "name_rejected" && i.subject === JSON.stringify(name)),
        c.name,
      ).toHaveLength(1);
    }
  });

  it("leaves the other repository's facts exactly as a sync without the corpus", async () => {
    const strip = (f: RepoFacts) => JSON.parse(JSON.stringify({ files: f.files, paths: f.paths }));
    expect(strip(await factsOf(hostile, "control"))).toEqual(strip(await factsOf(baseline, "control")));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
