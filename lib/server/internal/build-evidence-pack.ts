import "server-only";
import type { FrameworkId } from "../../evidence/frameworks";
import type { Scope } from "../../evidence/input";
import type { Manifest } from "../../evidence/manifest";
import { writePack, type PackProgress } from "../../evidence/pack";
import { loadSigner } from "./evidence-signing-key";
import { loadEvidenceInput } from "./load-evidence-input";

export interface BuildPackOptions {
  framework: FrameworkId;
  asOf: Date;
  scope: Scope;
  /** The organisations (ids) the pack covers, [] for all (see load-evidence-input). */
  organizationIds: readonly string[];
  now: Date;
  instance: { name: string; version: string };
  /** GATEHOUSE_ENCRYPTION_KEY, parsed: opens the sealed signing key. */
  encryptionKey: Buffer;
  onProgress?: (p: PackProgress) => void;
}

/**
 * Internal: loads the posture as of a date, signs with the instance key and streams the
 * zip into `out`. The export job and `gatehouse evidence export` both run exactly this.
 */
export async function buildEvidencePack(
  opts: BuildPackOptions,
  out: NodeJS.WritableStream,
): Promise<{ manifest: Manifest; repoCount: number; keyId: string }> {
  const input = await loadEvidenceInput(opts);
  const signer = await loadSigner(opts.encryptionKey);
  const manifest = await writePack(input, signer, out, opts.onProgress);
  return { manifest, repoCount: input.repos.length, keyId: signer.keyId };
}
