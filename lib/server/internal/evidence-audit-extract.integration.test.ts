// The pack's audit extract read in batches: the same entries, in the same order, with
// the same chain verdict as one read of the whole period, whatever the batch size.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../testing/db";
import { setDb } from "../../db";
import type { AuditSource } from "../../evidence/input";
import { appendAuditEntry } from "./append-audit-entry";
import { openAuditExtract } from "./evidence-audit-extract";

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
  setDb(db.prisma);
}, 60_000);

afterAll(async () => {
  await db?.drop();
});

async function entriesOf(source: AuditSource) {
  const out: unknown[] = [];
  for await (const page of source.entries()) out.push(...page);
  return out;
}

describe("the evidence pack's audit extract", () => {
  it("pages the period's entries and verifies the chain across batches", async () => {
    const org = await db.prisma.organization.create({ data: { login: "audited" } });
    // Another organisation, so a pack for the first is not a pack for everything.
    await db.prisma.organization.create({ data: { login: "elsewhere" } });
    for (let i = 0; i < 8; i++)
      await appendAuditEntry(null, {
        action: "test.event",
        ...(i % 2 ? { targetType: "organization", targetId: org.id } : {}),
        details: { i },
      });
    const asOf = new Date(Date.now() + 60_000);
    const rows = await db.prisma.auditLogEntry.findMany({ orderBy: { seq: "asc" } });
    const whole = await openAuditExtract(db.prisma, asOf, [], 1000);
    const all = await entriesOf(whole);
    expect(all.map((e) => (e as { seq: string }).seq)).toEqual(rows.map((r) => r.seq.toString()));
    expect(whole.head.chainVerified).toBe(true);

    const paged = await openAuditExtract(db.prisma, asOf, [], 3);
    expect(paged.head).toEqual(whole.head);
    expect(await entriesOf(paged)).toEqual(all);

    // An organisation's pack shows its entries only, still in order.
    const scoped = await entriesOf(await openAuditExtract(db.prisma, asOf, [org.id], 3));
    expect(scoped).toEqual(all.filter((e) => (e as { targetId: string | null }).targetId === org.id));
    expect(scoped.length).toBe(4);

    // A broken entry in a later batch breaks the verdict.
    // (Tampering as superuser with triggers off: the table refuses updates otherwise.)
    await db.prisma.$transaction([
      db.prisma.$executeRaw`SET LOCAL session_replication_role = replica`,
      db.prisma
        .$executeRaw`UPDATE "AuditLogEntry" SET "hash" = ${"f".repeat(64)} WHERE "seq" = ${rows[6]!.seq}`,
    ]);
    expect((await openAuditExtract(db.prisma, asOf, [], 3)).head.chainVerified).toBe(false);
  });
});
