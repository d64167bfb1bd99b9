import { isWrappedBy, rewrapEnvelope } from "@/lib/crypto/envelope";
import type { SyncDb } from "./persist/db";

// Master-key rotation: re-wraps every stored credential's data key under the new master
// key (legacy values sealed straight under the master key become envelopes on the way).
// Each row is rewritten in its own statement with its old value as a precondition, so a
// rotation interrupted half-way can simply be run again, and a concurrent save is not
// overwritten. Run by scripts/rotate-encryption-key.ts with the app stopped or with the
// old key still listed in GATEHOUSE_ENCRYPTION_KEY_PREVIOUS.

export interface RotationResult {
  rewrapped: number;
  alreadyCurrent: number;
}

export async function rotateConnectionKeys(
  db: SyncDb,
  keys: { from: readonly Buffer[]; to: Buffer },
): Promise<RotationResult> {
  const result: RotationResult = { rewrapped: 0, alreadyCurrent: 0 };
  const rows = await db.gitHubConnection.findMany({
    select: { id: true, secretCiphertext: true, webhookSecretCiphertext: true },
    orderBy: { id: "asc" },
  });
  for (const row of rows) {
    const current =
      isWrappedBy(row.secretCiphertext, keys.to) &&
      (row.webhookSecretCiphertext === null || isWrappedBy(row.webhookSecretCiphertext, keys.to));
    if (current) {
      result.alreadyCurrent++;
      continue;
    }
    const secretCiphertext = rewrapEnvelope(row.secretCiphertext, `${row.id}:secret`, keys.from, keys.to);
    const webhookSecretCiphertext =
      row.webhookSecretCiphertext === null
        ? null
        : rewrapEnvelope(row.webhookSecretCiphertext, `${row.id}:webhook`, keys.from, keys.to);
    const { count } = await db.gitHubConnection.updateMany({
      where: {
        id: row.id,
        secretCiphertext: row.secretCiphertext,
        webhookSecretCiphertext: row.webhookSecretCiphertext,
      },
      data: { secretCiphertext, webhookSecretCiphertext },
    });
    if (count !== 1) throw new Error(`connection ${row.id} changed during rotation; run the rotation again`);
    result.rewrapped++;
  }
  return result;
}
