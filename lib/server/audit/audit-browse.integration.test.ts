// The audit page's reads: keyset pages past 200 entries, filters, names, and the streamed,
// audited export of a filtered range.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../testing/db";
import { setDb } from "../../db";
import type { Actor } from "../authz/actor";
import { appendAuditEntry } from "../internal/append-audit-entry";
import { exportAuditEntries } from "./export-audit-entries";
import { listAuditEntries } from "./list-audit-entries";

let db: TestDatabase;
const auditor: Actor = { userId: "u-aud", login: "ian", role: "auditor", ip: null, userAgent: null };
const engineer: Actor = { userId: "u-eng", login: "erin", role: "engineer", ip: null, userAgent: null };

beforeAll(async () => {
  db = await createTestDatabase();
  setDb(db.prisma);
});
afterAll(async () => {
  await db?.drop();
});

async function text(stream: ReadableStream<Uint8Array>) {
  return new Response(stream).text();
}

describe("audit log browsing and export", () => {
  it("pages through every entry with the cursor, filters, and names targets", async () => {
    const tag = `browse${Date.now()}`;
    const repo = await db.prisma.repository.create({
      data: { name: "api", fullName: `${tag}/api`, organization: { create: { login: tag } } },
    });
    for (let i = 0; i < 230; i++)
      await appendAuditEntry(i % 2 ? auditor : null, {
        action: `${tag}.step`,
        targetType: "repository",
        targetId: repo.id,
        details: { i },
      });
    const seen: string[] = [];
    let before: string | undefined;
    for (;;) {
      const page = await listAuditEntries(auditor, { action: `${tag}.`, before, limit: 100 });
      seen.push(...page.map((e) => e.seq));
      if (page.length < 100) break;
      before = page[page.length - 1]!.seq;
    }
    expect(seen).toHaveLength(230);
    expect(new Set(seen).size).toBe(230);
    const [first] = await listAuditEntries(auditor, { action: `${tag}.`, limit: 1 });
    expect(first).toMatchObject({ targetName: `${tag}/api`, actorName: "ian" });
    expect(await listAuditEntries(auditor, { action: `${tag}.`, actor: "system", limit: 500 })).toHaveLength(
      115,
    );
    expect(await listAuditEntries(auditor, { target: `${tag}/API`, limit: 500 })).toHaveLength(230);
    expect(await listAuditEntries(auditor, { action: `${tag}.`, to: "2000-01-01", limit: 500 })).toHaveLength(
      0,
    );
  });

  it("refuses bad filters naming the field, and refuses engineers", async () => {
    await expect(listAuditEntries(auditor, { from: "yesterday" })).rejects.toThrow(/from: not a date/);
    await expect(listAuditEntries(auditor, { from: "2026-02-01", to: "2026-01-01" })).rejects.toThrow(
      /from: must not be after to/,
    );
    await expect(exportAuditEntries(auditor, { format: "xml" })).rejects.toThrow(
      /format: must be csv or json/,
    );
    await expect(listAuditEntries(engineer, {})).rejects.toThrow(/does not allow audit:read/);
  });

  it("exports the filtered range as CSV and JSON, oldest first, and audits the export", async () => {
    const tag = `export${Date.now()}`;
    for (let i = 0; i < 1203; i++) await appendAuditEntry(null, { action: `${tag}.x`, details: { i } });
    const csv = await text((await exportAuditEntries(auditor, { action: `${tag}.`, format: "csv" })).stream);
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toBe(
      "seq,occurredAt,actorId,actorName,action,targetType,targetId,targetName,ip,userAgent,details,hash",
    );
    expect(lines).toHaveLength(1204);
    expect(lines[1]).toContain('"{""i"":0}"');
    const json = JSON.parse(
      await text((await exportAuditEntries(auditor, { action: `${tag}.`, format: "json" })).stream),
    );
    expect(json).toHaveLength(1203);
    expect(json.map((e: { details: { i: number } }) => e.details.i).slice(0, 3)).toEqual([0, 1, 2]);
    const [audited] = await listAuditEntries(auditor, { action: "audit.exported", limit: 1 });
    expect(audited).toMatchObject({
      actorName: "ian",
      details: { format: "json", filters: { action: `${tag}.` } },
    });
  });
});
