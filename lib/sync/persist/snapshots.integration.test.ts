import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RepoFacts } from "@/lib/facts/types";
import { createTestDatabase, type TestDatabase } from "@/testing/db";
import { snapshotDocuments, upsertOrgSnapshot, upsertSnapshots, type SnapshotRow } from "./snapshots";

// The snapshot writer against a real Postgres: upsert semantics, one syncedAt per batch
// (the transaction's time), concurrent writers of the same batch, and that large batches
// are not kept on the heap after the call (Prisma's debug history used to hold them).

let db: TestDatabase;
let orgId: string;
let repoIds: string[];
let runId: string;

const facts = (name: string, text: string) =>
  ({ owner: "acme", name, files: [{ path: ".github/workflows/ci.yml", text }] }) as unknown as RepoFacts;
const rows = (tag: string, text = "on: push\n"): SnapshotRow[] =>
  repoIds.map((repositoryId, i) => ({
    repositoryId,
    fingerprint: `${tag}-${i}`,
    headOid: `oid-${tag}`,
    pushedAt: "2026-02-01T10:00:00Z",
    factsVersion: 3,
    facts: facts(`r${i}`, text),
    issues: [],
  }));

beforeAll(async () => {
  db = await createTestDatabase();
  const org = await db.prisma.organization.create({ data: { login: "acme" } });
  orgId = org.id;
  repoIds = [];
  for (let i = 0; i < 20; i++)
    repoIds.push(
      (
        await db.prisma.repository.create({
          data: { organizationId: orgId, githubId: 500 + i, name: `r${i}`, fullName: `acme/r${i}` },
        })
      ).id,
    );
  runId = (
    await db.prisma.syncRun.create({
      data: { organizationId: orgId, kind: "full", trigger: "cli", status: "running" },
    })
  ).id;
});
afterAll(async () => db?.drop());

describe("upsertSnapshots", () => {
  it("inserts, then replaces every field, with the transaction's time as syncedAt", async () => {
    await db.prisma.$transaction((tx) => upsertSnapshots(tx, runId, rows("a")));
    const { txTime, snaps } = await db.prisma.$transaction(async (tx) => {
      await upsertSnapshots(tx, runId, rows("b", "on: pull_request\n"));
      const [t] = await tx.$queryRaw<Array<{ now: Date }>>`SELECT now() AS now`;
      return { txTime: t!.now, snaps: await tx.repoSnapshot.findMany({ orderBy: { fingerprint: "asc" } }) };
    });
    expect(snaps).toHaveLength(20);
    // One syncedAt for the batch: the transaction's now(), stored at millisecond precision (rounded).
    const stamps = new Set(snaps.map((s) => s.syncedAt.getTime()));
    expect(stamps.size).toBe(1);
    expect(Math.abs([...stamps][0]! - txTime.getTime())).toBeLessThanOrEqual(1);
    const first = snaps.find((s) => s.fingerprint === "b-0")!;
    expect(first).toMatchObject({ headOid: "oid-b", factsVersion: 3, syncRunId: runId, issues: [] });
    expect(first.pushedAt?.toISOString()).toBe("2026-02-01T10:00:00.000Z");
    expect((first.facts as unknown as RepoFacts).files[0]?.text).toBe("on: pull_request\n");
  });

  it("lets two transactions write the same batch concurrently (last write wins, none fails)", async () => {
    await Promise.all(
      ["x", "y"].map((tag) =>
        db.prisma.$transaction((tx) => upsertSnapshots(tx, runId, rows(tag)), { timeout: 60_000 }),
      ),
    );
    const tags = new Set((await db.prisma.repoSnapshot.findMany()).map((s) => s.fingerprint.split("-")[0]));
    expect(await db.prisma.repoSnapshot.count()).toBe(20);
    expect(tags.size).toBe(1);
    expect(["x", "y"]).toContain([...tags][0]);
  });

  it("keeps nothing of a large batch on the heap once the call returns", async () => {
    setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc") as () => void;
    const heap = () => {
      gc();
      gc();
      return process.memoryUsage().heapUsed;
    };
    // 20 rows × 100 KB ≈ 2 MB of facts per batch; the raw-JSON writer kept ≈ 2× that per call.
    const big = (i: number) => `# ${i}\n${"x".repeat(100_000)}`;
    await db.prisma.$transaction((tx) => upsertSnapshots(tx, runId, rows("warm", big(-1))));
    const before = heap();
    for (let i = 0; i < 15; i++)
      await db.prisma.$transaction((tx) => upsertSnapshots(tx, runId, rows(`big${i}`, big(i))), {
        timeout: 60_000,
      });
    const grownMB = (heap() - before) / 1e6;
    // Retained before the fix: ≈ 60 MB here. Now bounded by a few rows' worth.
    expect(grownMB).toBeLessThan(20);
    expect(
      (await db.prisma.repoSnapshot.findFirstOrThrow({ where: { fingerprint: "big14-0" } })).factsVersion,
    ).toBe(3);
  });
});

describe("upsertOrgSnapshot", () => {
  it("creates and then replaces the organisation's snapshot", async () => {
    await upsertOrgSnapshot(db.prisma, orgId, runId, { members: 1 } as never, []);
    await db.prisma.$transaction((tx) =>
      upsertOrgSnapshot(tx, orgId, runId, { members: 2 } as never, [{ code: "x" }] as never),
    );
    const snap = await db.prisma.orgSnapshot.findUniqueOrThrow({ where: { organizationId: orgId } });
    expect(snap).toMatchObject({ facts: { members: 2 }, issues: [{ code: "x" }], syncRunId: runId });
    expect(await db.prisma.orgSnapshot.count()).toBe(1);
  });
});

describe("snapshotDocuments", () => {
  const row = (i: number, size: number): SnapshotRow => ({
    repositoryId: `id${i}`,
    fingerprint: `f${i}`,
    headOid: null,
    pushedAt: i % 2 ? "2026-02-01T10:00:00Z" : null,
    factsVersion: 3,
    facts: facts(`r${i}`, "x".repeat(size)),
    issues: [],
  });

  it("is the whole batch as one document while it fits, in row order", () => {
    const batch = [0, 1, 2].map((i) => row(i, 100));
    const docs = snapshotDocuments(batch);
    expect(docs).toHaveLength(1);
    expect(JSON.parse(docs[0]!)).toEqual(
      batch.map((r) => ({
        r: r.repositoryId,
        fp: r.fingerprint,
        h: null,
        p: r.pushedAt ? "2026-02-01T10:00:00.000Z" : null,
        v: 3,
        f: r.facts,
        i: [],
      })),
    );
  });

  it("cuts large batches at the limit, never splitting or dropping a row", () => {
    const batch = Array.from({ length: 9 }, (_, i) => row(i, i === 4 ? 5_000 : 400));
    const docs = snapshotDocuments(batch, 1_500);
    expect(docs.length).toBeGreaterThan(3);
    for (const d of docs)
      if ((JSON.parse(d) as unknown[]).length > 1) expect(d.length).toBeLessThanOrEqual(1_500);
    expect(docs.flatMap((d) => (JSON.parse(d) as Array<{ r: string }>).map((x) => x.r))).toEqual(
      batch.map((r) => r.repositoryId),
    );
    expect(snapshotDocuments([])).toEqual([]);
  });
});
