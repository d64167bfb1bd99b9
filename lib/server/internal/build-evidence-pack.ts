import "server-only";
import type { FrameworkId } from "../../evidence/frameworks";
import type { Scope } from "../../evidence/input";
import type { Manifest } from "../../evidence/manifest";
import { writePack, type PackProgress } from "../../evidence/pack";
import { loadSigner } from "./evidence-signing-key";
import { openEvidenceSpool } from "./evidence-spool";
import { withEvidencePackInput } from "./load-evidence-input";

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
  /** Repositories read per page (the default suits the worker's heap; tests pass small ones). */
  pageSize?: number;
}

/**
 * Internal: reads the posture as of a date page by page (one consistent snapshot), signs
 * with the instance key and streams the zip into `out`. findings.csv waits in a temporary
 * file while findings.json is written, so both come from one read of the results. The
 * export job and `gatehouse evidence export` both run exactly this.
 */
export async function buildEvidencePack(
  opts: BuildPackOptions,
  out: NodeJS.WritableStream,
): Promise<{ manifest: Manifest; repoCount: number; keyId: string }> {
  const signer = await loadSigner(opts.encryptionKey);
  return withEvidencePackInput(
    opts,
    async (input) => {
      const manifest = await writePack(input, signer, out, opts.onProgress, openEvidenceSpool);
      return { manifest, repoCount: input.repos.count, keyId: signer.keyId };
    },
    opts.pageSize,
  );
}
