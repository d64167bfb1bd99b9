// Offline verification of a pack, over any reader of its entries (the CLI reads a zip
// file). Every problem names the file and why; the pack is good only with none. The
// order of entries is part of what is checked: manifest order, then manifest.json, then
// the signature, so no entry can be added, dropped, renamed or moved unnoticed.
import { createPublicKey } from "node:crypto";
import { MANIFEST_PATH, SIGNATURE_PATH, manifestSchema, type Manifest } from "./manifest";
import { validateAssessmentResults } from "./oscal/validate";
import { ENTRY_MODE, OSCAL_PATH, VERSION_MADE_BY } from "./pack-paths";
import { keyIdOf, verifyEnvelope } from "./sign/dsse";
import { IN_TOTO_PAYLOAD_TYPE, statementSchema } from "./sign/statement";

export interface PackReader {
  /** Entry names in the order they appear in the archive. */
  names: string[];
  digest(name: string): Promise<{ sha256: string; size: number }>;
  /** Whole entry, for the small JSON files; refuses entries larger than `max`. */
  read(name: string, max: number): Promise<Buffer>;
  /** The archive's own metadata for an entry, which the signature cannot cover. */
  meta(name: string): EntryMeta;
  /** The archive comment. */
  comment: string;
}

export interface EntryMeta {
  /** The entry's DOS timestamp, read as UTC. */
  modified: Date;
  /** The directory's external attributes (Unix mode in the high half), internal ones, made-by. */
  externalAttributes: number;
  internalAttributes: number;
  versionMadeBy: number;
  comment: string;
  hasExtraFields: boolean;
  /** Why the local header disagrees with the central directory, if it does. */
  headerMismatch: string | null;
}

export interface Problem {
  file: string;
  reason: string;
}

export interface VerifyReport {
  ok: boolean;
  problems: Problem[];
  keySource: "given" | "pack";
  keyId: string | null;
  manifest: Manifest | null;
}

const SMALL = 64 * 1024 * 1024;

function parseJson(buf: Buffer): unknown {
  try {
    return JSON.parse(buf.toString("utf8"));
  } catch {
    return undefined;
  }
}

export async function verifyPack(
  reader: PackReader,
  opts: { publicKeyPem?: string } = {},
): Promise<VerifyReport> {
  const problems: Problem[] = [];
  const report = (manifest: Manifest | null, keyId: string | null): VerifyReport => ({
    ok: problems.length === 0,
    problems,
    keySource: opts.publicKeyPem ? "given" : "pack",
    keyId,
    manifest,
  });
  const seen = new Set<string>();
  for (const n of reader.names) {
    if (seen.has(n)) problems.push({ file: n, reason: "appears more than once in the archive" });
    seen.add(n);
  }
  if (reader.comment) problems.push({ file: "(archive)", reason: "carries a comment the pack never writes" });
  if (!seen.has(SIGNATURE_PATH))
    problems.push({ file: SIGNATURE_PATH, reason: "missing: the pack is not signed" });
  if (!seen.has(MANIFEST_PATH)) problems.push({ file: MANIFEST_PATH, reason: "missing" });
  if (problems.length) return report(null, null);

  // The key: the one the verifier was given, else the one the pack carries (weaker: it
  // proves integrity, not which instance signed; the CLI says so).
  const keyPem =
    opts.publicKeyPem ??
    (seen.has("public-key.pem") ? (await reader.read("public-key.pem", 16_384)).toString() : undefined);
  if (!keyPem) {
    problems.push({ file: "public-key.pem", reason: "missing and no --key was given" });
    return report(null, null);
  }
  let keyId: string | null = null;
  try {
    keyId = keyIdOf(createPublicKey(keyPem));
  } catch {
    problems.push({
      file: opts.publicKeyPem ? "--key" : "public-key.pem",
      reason: "not a readable public key",
    });
    return report(null, null);
  }
  const verdict = verifyEnvelope(
    parseJson(await reader.read(SIGNATURE_PATH, SMALL)),
    keyPem,
    IN_TOTO_PAYLOAD_TYPE,
  );
  if (!verdict.ok) {
    problems.push({ file: SIGNATURE_PATH, reason: `signature does not verify: ${verdict.reason}` });
    return report(null, keyId);
  }
  const statement = statementSchema.safeParse(parseJson(verdict.payload));
  if (!statement.success) {
    problems.push({ file: SIGNATURE_PATH, reason: "payload is not a Gatehouse in-toto Statement v1" });
    return report(null, keyId);
  }
  const signed = new Map(statement.data.subject.map((s) => [s.name, s.digest.sha256]));
  const manifestDigest = await reader.digest(MANIFEST_PATH);
  if (signed.get(MANIFEST_PATH) !== manifestDigest.sha256)
    problems.push({ file: MANIFEST_PATH, reason: "SHA-256 differs from the signed statement" });
  const parsed = manifestSchema.safeParse(parseJson(await reader.read(MANIFEST_PATH, SMALL)));
  if (!parsed.success) {
    problems.push({ file: MANIFEST_PATH, reason: "not a valid manifest" });
    return report(null, keyId);
  }
  const manifest = parsed.data;
  if (manifest.signingKeyId !== keyId)
    problems.push({
      file: MANIFEST_PATH,
      reason: `names signing key ${manifest.signingKeyId}, verified with ${keyId}`,
    });

  const listed = manifest.files.map((f) => f.path);
  for (const name of reader.names)
    if (name !== MANIFEST_PATH && name !== SIGNATURE_PATH && !listed.includes(name))
      problems.push({ file: name, reason: "not listed in the manifest (added)" });
  for (const path of listed)
    if (!seen.has(path)) problems.push({ file: path, reason: "listed in the manifest but missing" });
  if (signed.size !== listed.length + 1 || listed.some((p) => !signed.has(p)))
    problems.push({ file: MANIFEST_PATH, reason: "does not list the same files as the signed statement" });
  const expectedOrder = [...listed, MANIFEST_PATH, SIGNATURE_PATH];
  if (problems.length === 0 && expectedOrder.join("\n") !== reader.names.join("\n")) {
    const i = expectedOrder.findIndex((n, k) => reader.names[k] !== n);
    problems.push({
      file: reader.names[i] ?? expectedOrder[i]!,
      reason: `out of order (expected ${expectedOrder[i]} here)`,
    });
  }

  problems.push(...metadataProblems(reader, manifest));
  for (const f of manifest.files) {
    if (!seen.has(f.path)) continue;
    try {
      const d = await reader.digest(f.path);
      if (d.sha256 !== f.sha256) problems.push({ file: f.path, reason: "SHA-256 differs from the manifest" });
      else if (d.size !== f.size) problems.push({ file: f.path, reason: "size differs from the manifest" });
      if (signed.get(f.path) !== d.sha256)
        problems.push({ file: f.path, reason: "SHA-256 differs from the signed statement" });
    } catch (err) {
      problems.push({
        file: f.path,
        reason: `cannot be read: ${err instanceof Error ? err.message : String(err)}`,
      });
    }
  }

  if (seen.has(OSCAL_PATH)) {
    const oscal = parseJson(await reader.read(OSCAL_PATH, SMALL));
    const valid = validateAssessmentResults(oscal);
    if (!valid.ok)
      problems.push({
        file: OSCAL_PATH,
        reason: `not valid OSCAL 1.0.6: ${valid.errors.slice(0, 3).join("; ")}`,
      });
    else problems.push(...backMatterProblems(oscal, manifest));
  } else problems.push({ file: OSCAL_PATH, reason: "missing" });
  return report(manifest, keyId);
}

/**
 * The zip container is outside the signature, so its per-entry metadata must be exactly
 * what the builder writes: then no byte of the archive can change without a failure.
 */
function metadataProblems(reader: PackReader, manifest: Manifest): Problem[] {
  const out: Problem[] = [];
  const stamp = Math.floor(Date.parse(manifest.generatedAt) / 2000) * 2000; // DOS time: 2 s steps
  for (const name of reader.names) {
    const m = reader.meta(name);
    if (m.headerMismatch)
      out.push({ file: name, reason: `local header differs from the directory (${m.headerMismatch})` });
    if (m.modified.getTime() !== stamp)
      out.push({ file: name, reason: "timestamp differs from the pack's generatedAt" });
    if (m.externalAttributes >>> 0 !== (ENTRY_MODE << 16) >>> 0 || m.internalAttributes !== 0)
      out.push({ file: name, reason: "file attributes differ from what the pack writes" });
    if (m.versionMadeBy !== VERSION_MADE_BY) out.push({ file: name, reason: "unexpected 'version made by'" });
    if (m.comment || m.hasExtraFields)
      out.push({ file: name, reason: "carries fields the pack never writes" });
  }
  return out;
}

/** The OSCAL back-matter's hashes must agree with the manifest for every file it cites. */
function backMatterProblems(oscal: unknown, manifest: Manifest): Problem[] {
  const hashes = new Map(manifest.files.map((f) => [f.path, f.sha256]));
  const resources =
    (oscal as { "assessment-results"?: { "back-matter"?: { resources?: unknown[] } } })[
      "assessment-results"
    ]?.["back-matter"]?.resources ?? [];
  const out: Problem[] = [];
  for (const r of resources as { rlinks?: { href: string; hashes?: { value: string }[] }[] }[])
    for (const link of r.rlinks ?? []) {
      const want = hashes.get(link.href);
      const got = link.hashes?.[0]?.value;
      if (got && want !== got)
        out.push({ file: OSCAL_PATH, reason: `back-matter hash of ${link.href} differs from the manifest` });
    }
  return out;
}
