// Evidence export against a real Postgres and pg-boss: only auditors and security leads
// export, a pack is built from the stored scores by the job body, streamed into chunk
// rows, verifies offline with the instance key, and every export and download is audited.
import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openZipPack } from "../../../cli/verify/zip-reader";
import { createTestDatabase, type TestDatabase } from "../../../testing/db";
import { makeBranchProtection, makeFacts, makeOrg } from "../../../testing/facts";
import { setDb } from "../../db";
import { verifyPack } from "../../evidence/verify";
import type { OrgPart } from "../../facts/assemble";
import { systemActor, type Actor } from "../authz/actor";
import { readEvidencePublicKey } from "../internal/evidence-signing-key";
import { runEvidenceExport } from "../internal/run-evidence-export";
import { scoreOrganization } from "../scores/score-organization";
import { createEvidencePack } from "./create-evidence-pack";
import { downloadEvidencePack } from "./download-evidence-pack";
import { getEvidencePack } from "./get-evidence-pack";

let db: TestDatabase;
let orgId: string;
let repoId: string;
const dir = mkdtempSync(join(tmpdir(), "gatehouse-evidence-"));
const actor = (role: Actor["role"]): Actor => ({
  userId: `u-${role}`,
  login: role,
  role,
  ip: null,
  userAgent: "vitest",
});
const orgPart = (): OrgPart => ({
  settings: makeOrg({ login: "acme" }),
  secrets: [],
  alerts: { secretScanning: {}, dependabot: {} },
  actionAdvisories: [],
});

async function snapshot(allowForcePushes: boolean) {
  const facts = makeFacts({
    name: "api",
    settings: { branchProtection: makeBranchProtection({ allowForcePushes }) },
  });
  await db.prisma.repoSnapshot.upsert({
    where: { repositoryId: repoId },
    create: {
      repositoryId: repoId,
      fingerprint: "fp",
      factsVersion: 1,
      facts: JSON.parse(JSON.stringify(facts)),
      syncedAt: new Date(),
    },
    update: { facts: JSON.parse(JSON.stringify(facts)) },
  });
}

async function exportAndOpen(asOf: string) {
  const pack = await createEvidencePack(actor("auditor"), {
    framework: "soc2",
    asOf,
    scope: { kind: "all" },
  });
  await runEvidenceExport(pack.id); // what the worker's job does
  const dl = await downloadEvidencePack(actor("auditor"), { id: pack.id });
  const bytes = Buffer.from(await new Response(dl.stream).arrayBuffer());
  expect(createHash("sha256").update(bytes).digest("hex")).toBe(dl.sha256);
  const path = join(dir, `${pack.id}.zip`);
  writeFileSync(path, bytes);
  const reader = await openZipPack(path);
  const key = await readEvidencePublicKey();
  const report = await verifyPack(reader, { publicKeyPem: key.publicKeyPem });
  const findings = (await reader.read("findings.csv", 1 << 24)).toString();
  const controls = JSON.parse((await reader.read("controls.json", 1 << 24)).toString());
  reader.close();
  return { pack, report, findings, controls };
}

beforeAll(async () => {
  db = await createTestDatabase();
  setDb(db.prisma);
  Object.assign(process.env, {
    DATABASE_URL: db.url,
    NEXTAUTH_SECRET: randomBytes(32).toString("base64"),
    GITHUB_CLIENT_ID: "x",
    GITHUB_CLIENT_SECRET: "y",
    GATEHOUSE_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
  });
  orgId = (await db.prisma.organization.create({ data: { login: "acme" } })).id;
  await db.prisma.orgSnapshot.create({
    data: { organizationId: orgId, facts: JSON.parse(JSON.stringify(orgPart())) },
  });
  repoId = (
    await db.prisma.repository.create({ data: { organizationId: orgId, name: "api", fullName: "acme/api" } })
  ).id;
}, 60_000);

afterAll(async () => {
  const g = globalThis as unknown as { gatehouseBoss?: Promise<PgBoss> };
  await (await g.gatehouseBoss)?.stop({ graceful: false, close: true }).catch(() => {});
  await db?.drop();
});

describe("evidence packs", () => {
  it("refuses engineers (and audits the refusal)", async () => {
    await expect(createEvidencePack(actor("engineer"), { framework: "soc2" })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(downloadEvidencePack(actor("engineer"), { id: "x" })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(createEvidencePack(actor("admin"), { framework: "soc2" })).rejects.toMatchObject({
      code: "forbidden",
    });
    const denied = await db.prisma.auditLogEntry.count({
      where: { action: "authz.denied", actorId: "u-engineer" },
    });
    expect(denied).toBe(2);
  });

  it("makes one signing key, sealed at rest", async () => {
    const a = await readEvidencePublicKey();
    const b = await readEvidencePublicKey();
    expect(a.keyId).toBe(b.keyId);
    const row = await db.prisma.evidenceSigningKey.findUniqueOrThrow({ where: { id: "instance" } });
    expect(row.privateKeyCiphertext).not.toContain("PRIVATE KEY");
    expect(await db.prisma.evidenceSigningKey.count()).toBe(1);
  });

  it("shows the failure as of a date after the failing scoring, and the pass after the fix", async () => {
    await snapshot(true);
    await scoreOrganization(systemActor("sync"), {
      organizationId: orgId,
      now: new Date("2026-03-01T00:00:00Z"),
    });
    const before = await exportAndOpen("2026-03-02");
    expect(before.report).toMatchObject({ ok: true, problems: [] });
    expect(before.findings).toMatch(/acme\/api,,false,force-push,CC6\.1 CC8\.1,high,fail/);
    expect(before.controls.controls.find((c: { id: string }) => c.id === "CC8.1").status).toBe("fail");

    await snapshot(false);
    await scoreOrganization(systemActor("sync"), {
      organizationId: orgId,
      now: new Date("2026-03-10T00:00:00Z"),
    });
    const after = await exportAndOpen("2026-03-11");
    expect(after.report.ok).toBe(true);
    expect(after.findings).toMatch(/acme\/api,,false,force-push,CC6\.1 CC8\.1,high,pass/);

    // A date between the two scorings is rebuilt from the posture history: the failure
    // then, not today's pass (lib/server/evidence/as-of.integration.test.ts covers more).
    const early = await exportAndOpen("2026-03-05");
    expect(early.report.ok).toBe(true);
    expect(early.findings).toMatch(/acme\/api,,false,force-push,CC6\.1 CC8\.1,high,fail/);
    expect(early.controls.excluded).toEqual([]);
  });

  it("records progress and audits each export and download", async () => {
    const pack = await createEvidencePack(actor("security_lead"), { framework: "slsa" });
    expect((await getEvidencePack(actor("auditor"), { id: pack.id })).status).toBe("queued");
    await runEvidenceExport(pack.id);
    const done = await getEvidencePack(actor("auditor"), { id: pack.id });
    expect(done).toMatchObject({ status: "succeeded", progress: 1, repoCount: 1, expired: false });
    await downloadEvidencePack(actor("auditor"), { id: pack.id });
    const actions = (
      await db.prisma.auditLogEntry.findMany({ where: { targetId: pack.id }, orderBy: { seq: "asc" } })
    ).map((e) => e.action);
    expect(actions).toEqual(["evidence.export_requested", "evidence.exported", "evidence.downloaded"]);
    await expect(
      downloadEvidencePack(actor("auditor"), { id: pack.id }, new Date(Date.now() + 400 * 86_400_000)),
    ).rejects.toMatchObject({ code: "conflict" });
  });
});
