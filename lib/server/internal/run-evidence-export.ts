import "server-only";
import { createHash } from "node:crypto";
import { PassThrough } from "node:stream";
import { getDb } from "../../db";
import { getEnv } from "../../env";
import { parseKey } from "../../crypto/aead";
import { scopeSchema } from "../../evidence/input";
import { isFrameworkId } from "../../evidence/frameworks";
import { appendAuditEntry } from "./append-audit-entry";
import { deleteExpiredPackBytes, packChunkWriter } from "./evidence-pack-store";
import { buildEvidencePack } from "./build-evidence-pack";
import { GATEHOUSE_VERSION, instanceName } from "./instance-info";

/**
 * Internal: the body of the evidence-export job. Builds the pack from the stored posture,
 * streams it into chunk rows, records progress as it goes, and marks the pack succeeded
 * (with the zip's SHA-256 and when it expires) or failed.
 */
export interface ExportDeps {
  encryptionKey: Buffer;
  retentionHours: number;
  instanceName: string;
  now: () => Date;
}

/** Defaults from the validated environment (the web app); workers may pass their own. */
export function exportDepsFromEnv(): ExportDeps {
  const env = getEnv();
  return {
    encryptionKey: parseKey(env.GATEHOUSE_ENCRYPTION_KEY),
    retentionHours: env.GATEHOUSE_EVIDENCE_RETENTION_HOURS,
    instanceName: instanceName(),
    now: () => new Date(),
  };
}

export async function runEvidenceExport(
  packId: string,
  deps: ExportDeps = exportDepsFromEnv(),
): Promise<void> {
  const { now } = deps;
  const db = getDb();
  const pack = await db.evidencePack.findUniqueOrThrow({ where: { id: packId } });
  if (pack.status === "succeeded") return; // a retried job after success does nothing
  await db.evidencePackChunk.deleteMany({ where: { packId } }); // a retry starts clean
  await db.evidencePack.update({ where: { id: packId }, data: { status: "running", startedAt: now() } });
  try {
    if (!isFrameworkId(pack.framework)) throw new Error(`unknown framework ${pack.framework}`);
    const hash = createHash("sha256");
    let size = 0;
    const tee = new PassThrough();
    tee.on("data", (c: Buffer) => {
      hash.update(c);
      size += c.length;
    });
    const sink = packChunkWriter(packId);
    tee.pipe(sink);
    // One progress write per file of the pack, chained so they land in order and all
    // before the final status.
    let progress = Promise.resolve();
    const built = await buildEvidencePack(
      {
        framework: pack.framework,
        asOf: pack.asOf,
        scope: scopeSchema.parse(pack.scope),
        organizationIds: pack.organizationIds,
        now: now(),
        instance: { name: deps.instanceName, version: GATEHOUSE_VERSION },
        encryptionKey: deps.encryptionKey,
        onProgress: (p) => {
          progress = progress.then(async () => {
            await db.evidencePack.update({
              where: { id: packId },
              data: { step: p.step, progressDone: p.done, progressTotal: p.total },
            });
          });
        },
      },
      tee,
    );
    await progress;
    await new Promise<void>((resolve, reject) => {
      if (sink.writableFinished) return resolve();
      sink.once("finish", resolve);
      sink.once("error", reject);
    });
    const finished = now();
    await db.evidencePack.update({
      where: { id: packId },
      data: {
        status: "succeeded",
        step: "done",
        progressDone: 1,
        progressTotal: 1,
        repoCount: built.repoCount,
        keyId: built.keyId,
        sha256: hash.digest("hex"),
        sizeBytes: BigInt(size),
        finishedAt: finished,
        expiresAt: new Date(finished.getTime() + deps.retentionHours * 3_600_000),
      },
    });
    await appendAuditEntry(null, {
      action: "evidence.exported",
      targetType: "evidence_pack",
      targetId: packId,
      details: { framework: pack.framework, asOf: pack.asOf.toISOString(), repos: built.repoCount, size },
    });
    await deleteExpiredPackBytes(finished);
  } catch (error) {
    await db.evidencePack.update({
      where: { id: packId },
      data: {
        status: "failed",
        errorMessage: error instanceof Error ? error.message : String(error),
        finishedAt: now(),
      },
    });
    throw error;
  }
}
