import "server-only";
import { verifyChain, type ChainVerdict } from "../../audit/chain";
import { getDb } from "../../db";
import { getAuditKey } from "../../env";
import type { AuditEntry, AuditSource } from "../../evidence/input";
import type { Prisma } from "../../generated/prisma/client";
import { auditEntriesOf } from "./org-scope-records";
import { listAuditCheckpoints } from "./write-audit-checkpoint";

const AUDIT_PERIOD_DAYS = 366;
/** Audit entries read at a time: a year of audit log is never held whole. */
const BATCH = 1000;

type Db = Prisma.TransactionClient;
type Row = Prisma.AuditLogEntryGetPayload<object>;

function entryOf(r: Row): AuditEntry & { chainVersion: number } {
  return {
    seq: r.seq.toString(),
    occurredAt: r.occurredAt.toISOString(),
    actorId: r.actorId,
    actorLogin: r.actorLogin,
    action: r.action,
    targetType: r.targetType,
    targetId: r.targetId,
    ip: r.ip,
    userAgent: r.userAgent,
    details: r.details as Record<string, unknown>,
    prevHash: r.prevHash,
    hash: r.hash,
    chainVersion: r.chainVersion,
  };
}

/** The rows matching `where`, oldest first, a batch at a time (keyset on seq). */
async function* batches(db: Db, where: Prisma.AuditLogEntryWhereInput, batch: number): AsyncGenerator<Row[]> {
  let after: bigint | null = null;
  for (;;) {
    const rows: Row[] = await db.auditLogEntry.findMany({
      where: after === null ? where : { AND: [where, { seq: { gt: after } }] },
      orderBy: { seq: "asc" },
      take: batch,
    });
    if (rows.length) yield rows;
    if (rows.length < batch) return;
    after = rows[rows.length - 1]!.seq;
  }
}

/**
 * Internal: the year of audit log before `asOf`, with checkpoints and whether it chains.
 * A pack for some organisations carries only their entries (the audit page's rule); the
 * chain is still verified over every entry of the period, which is what `chainVerified`
 * states. The verdict comes first in the file, so the period is read twice a batch at a
 * time (both reads inside the export's snapshot): once to verify, once to write.
 */
export async function openAuditExtract(
  db: Db,
  asOf: Date,
  organizationIds: readonly string[],
  batch = BATCH,
): Promise<AuditSource> {
  const from = new Date(asOf.getTime() - AUDIT_PERIOD_DAYS * 86_400_000);
  const period = { occurredAt: { gt: from, lte: asOf } };
  const key = getAuditKey();
  let verdict: ChainVerdict | undefined;
  for await (const rows of batches(db, period, batch)) {
    // The extract starts mid-chain: continue from the entry before it.
    const first = rows[0]!;
    verdict = verifyChain(rows.map(entryOf), {
      key,
      from: verdict?.ok
        ? verdict
        : {
            ok: true,
            checked: 0,
            lastHash: first.prevHash,
            lastSeq: first.seq > BigInt(1) ? String(first.seq - BigInt(1)) : null,
            keyedFrom: null,
          },
    });
    if (!verdict.ok) break;
  }
  // The chain's signed checkpoints for the period (also written to the log output when
  // taken), so a verifier can compare the extract against heads recorded at the time.
  const signed = (await listAuditCheckpoints(getDb())).filter((c) => {
    const at = Date.parse(c.at);
    return at > from.getTime() && at <= asOf.getTime();
  });
  const shown = organizationIds.length
    ? { AND: [period, await auditEntriesOf(getDb(), organizationIds)] }
    : period;
  return {
    head: {
      from: from.toISOString(),
      to: asOf.toISOString(),
      chainVerified: verdict?.ok ?? true,
      checkpoints: signed.map((c) => ({
        seq: String(c.seq),
        hash: c.hash,
        occurredAt: c.at,
        signature: c.signature,
      })),
    },
    async *entries() {
      for await (const rows of batches(db, shown, batch)) yield rows.map(entryOf);
    },
  };
}
