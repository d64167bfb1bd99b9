// Property: the audit hash chain detects rewrites. Attacks are made as the database
// superuser (triggers off), i.e. someone who got past the runtime role's privileges:
// deleting an entry and recomputing every later MAC, and deleting the newest entries.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import pg from "pg";
import { createTestDatabase, type TestDatabase } from "../../../testing/db";
import { setDb } from "../../db";
import { getAuditKey } from "../../env";
import { logger } from "../../logger";
import { GENESIS_HASH, hashEntry, macEntry, type AuditContent } from "../../audit/chain";
import { CHECKPOINT_EVERY } from "../../audit/checkpoint";
import type { Actor } from "../authz/actor";
import { appendAuditEntry } from "../internal/append-audit-entry";
import { listAuditCheckpoints, writeAuditCheckpoint } from "../internal/write-audit-checkpoint";
import { verifyAuditChain } from "./verify-audit-chain";

const auditor: Actor = { userId: "u-auditor", login: "ian", role: "auditor", ip: null, userAgent: null };
let db: TestDatabase;
let sql: pg.Client;

beforeAll(async () => {
  db = await createTestDatabase();
  setDb(db.prisma);
  sql = new pg.Client({ connectionString: db.url });
  await sql.connect();
});

afterAll(async () => {
  await sql?.end();
  await db?.drop();
});

/** Starts each scenario from an empty log (as superuser, triggers off). */
async function reset() {
  await sql.query(`SET session_replication_role = replica`);
  await sql.query(`DELETE FROM "AuditLogEntry"; DELETE FROM "AuditCheckpoint"`);
  await sql.query(`SET session_replication_role = DEFAULT`);
}

async function appendN(n: number) {
  for (let i = 0; i < n; i++) await appendAuditEntry(null, { action: `test.e${i}`, details: { i } });
}

type Row = AuditContent & { seq: string; prevHash: string; hash: string };

/** The strongest attacker: superuser and the audit key, recomputing MACs after a deletion. */
async function deleteAndRechain(seq: number) {
  await sql.query(`SET session_replication_role = replica`);
  await sql.query(`DELETE FROM "AuditLogEntry" WHERE seq = $1`, [seq]);
  const { rows } = await sql.query<Row & { occurredAt: Date }>(`SELECT * FROM "AuditLogEntry" ORDER BY seq`);
  let prev = GENESIS_HASH;
  for (const r of rows) {
    const content = { ...r, occurredAt: r.occurredAt.toISOString() };
    const hash = macEntry(getAuditKey(), BigInt(r.seq), prev, content);
    await sql.query(`UPDATE "AuditLogEntry" SET "prevHash" = $2, hash = $3 WHERE seq = $1`, [
      r.seq,
      prev,
      hash,
    ]);
    prev = hash;
  }
  await sql.query(`SET session_replication_role = DEFAULT`);
}

describe("audit chain against rewrites (property: the hash chain detects rewrites)", () => {
  it("appends keyed entries numbered without holes, and verifies them", async () => {
    await reset();
    await appendN(5);
    const { rows } = await sql.query(`SELECT seq::text, "chainVersion" FROM "AuditLogEntry" ORDER BY seq`);
    expect(rows.map((r: { chainVersion: number }) => r.chainVersion)).toEqual([2, 2, 2, 2, 2]);
    const seqs = rows.map((r: { seq: string }) => Number(r.seq));
    expect(seqs).toEqual(seqs.map((_, i) => seqs[0]! + i));
    expect(await verifyAuditChain(auditor)).toMatchObject({ ok: true, checked: 5 });
  });

  it("a rolled-back append leaves no hole (seq is assigned under the lock)", async () => {
    await reset();
    await appendN(1);
    await db.prisma
      .$transaction(async (tx) => {
        await appendAuditEntry(null, { action: "test.rolled-back" }, tx);
        throw new Error("roll back");
      })
      .catch(() => undefined);
    await appendN(1);
    expect(await verifyAuditChain(auditor)).toMatchObject({ ok: true, checked: 2 });
  });

  it("deleting an entry and recomputing every later hash is reported as a sequence gap", async () => {
    await reset();
    await appendN(5);
    const { rows } = await sql.query(`SELECT min(seq)::int AS first FROM "AuditLogEntry"`);
    const first = (rows[0] as { first: number }).first;
    await deleteAndRechain(first + 2);
    expect(await verifyAuditChain(auditor)).toMatchObject({
      ok: false,
      brokenSeq: String(first + 3),
      reason: "seq-gap",
    });
  });

  it("truncating the newest entries is reported against the last signed checkpoint", async () => {
    await reset();
    await appendN(4);
    const cp = await db.prisma.$transaction((tx) => writeAuditCheckpoint(tx));
    await appendN(2);
    await sql.query(`SET session_replication_role = replica`);
    await sql.query(`DELETE FROM "AuditLogEntry" WHERE seq >= $1`, [cp!.seq]);
    await sql.query(`SET session_replication_role = DEFAULT`);
    expect(await verifyAuditChain(auditor)).toMatchObject({
      ok: false,
      brokenSeq: String(cp!.seq),
      reason: "checkpoint-entry-missing",
    });
  });

  it("a checkpoint kept outside the database (the log output) still catches it when stored ones are deleted", async () => {
    await reset();
    await appendN(3);
    const logged = vi.spyOn(logger, "info");
    const cp = await db.prisma.$transaction((tx) => writeAuditCheckpoint(tx));
    // The copy outside the database: the same signed record, in the log output.
    expect(logged).toHaveBeenCalledWith({ auditCheckpoint: cp }, "audit checkpoint");
    logged.mockRestore();
    expect(await listAuditCheckpoints(db.prisma)).toEqual([cp]);
    await sql.query(`SET session_replication_role = replica`);
    await sql.query(`DELETE FROM "AuditLogEntry" WHERE seq = $1`, [cp!.seq]);
    await sql.query(`DELETE FROM "AuditCheckpoint"`);
    await sql.query(`SET session_replication_role = DEFAULT`);
    expect(await verifyAuditChain(auditor)).toMatchObject({ ok: true });
    expect(await verifyAuditChain(auditor, { checkpoints: [cp] })).toMatchObject({
      ok: false,
      reason: "checkpoint-entry-missing",
    });
    const forged = { ...cp!, signature: "0".repeat(64) };
    expect(await verifyAuditChain(auditor, { checkpoints: [forged] })).toMatchObject({
      reason: "checkpoint-bad-signature",
    });
  });

  it(`appends write a signed checkpoint every ${CHECKPOINT_EVERY} entries`, async () => {
    await reset();
    await appendN(CHECKPOINT_EVERY + 1);
    const cps = await listAuditCheckpoints(db.prisma);
    expect(cps.map((c) => Number(c.seq) % CHECKPOINT_EVERY)).toEqual([0]);
    expect(await verifyAuditChain(auditor)).toMatchObject({ ok: true, checked: CHECKPOINT_EVERY + 1 });
  });

  it("existing unkeyed (version 1) entries still verify, and keyed ones chain onto them", async () => {
    await reset();
    let prev = GENESIS_HASH;
    for (let seq = 1; seq <= 2; seq++) {
      const c: AuditContent = {
        occurredAt: new Date(Date.UTC(2026, 0, seq)).toISOString(),
        actorId: null,
        actorLogin: null,
        action: "legacy",
        targetType: null,
        targetId: null,
        ip: null,
        userAgent: null,
        details: {},
      };
      const hash = hashEntry(prev, c);
      await sql.query(
        `INSERT INTO "AuditLogEntry" (seq, "occurredAt", action, details, "prevHash", hash) VALUES ($1, $2, 'legacy', '{}', $3, $4)`,
        [seq, c.occurredAt, prev, hash],
      );
      prev = hash;
    }
    await appendN(2);
    expect(await verifyAuditChain(auditor)).toMatchObject({ ok: true, checked: 4, keyedFrom: "3" });
  });
});
