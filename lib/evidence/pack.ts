// Builds a pack as a zip stream. Files are generated one after another and streamed
// through SHA-256 into the zip (yazl writes each entry as it arrives), so memory holds
// one file's chunk at a time, not the pack; the repositories are read a page at a time,
// once per per-repository file, never all at once: in full (input.repos.pages()) for the
// findings files, as checks and statuses only (statusPages()) for the rest. Given a spool,
// one full walk serves both findings files (see Spool). The OSCAL
// document and the PDF come after the tabular files because they cite those files'
// hashes; the manifest and its signature come last.
import { createHash } from "node:crypto";
import { Readable, Transform } from "node:stream";
import { finished, pipeline } from "node:stream/promises";
import { ZipFile } from "yazl";
import { auditExtractJson } from "./audit-json";
import { createFrameworkTally } from "./control-view";
import { getFramework } from "./frameworks";
import type { EvidenceRepo, PackInput } from "./input";
import type { Framework } from "./frameworks/schema";
import { MANIFEST_PATH, MANIFEST_TYPE, SIGNATURE_PATH, type Manifest, type ManifestFile } from "./manifest";
import {
  addCheckCounts,
  buildAssessmentResults,
  emptyCheckCounts,
  type EvidenceFileRef,
} from "./oscal/assessment-results";
import { ENTRY_MODE, OSCAL_PATH, REPORT_PATH } from "./pack-paths";
import { buildReportPdf } from "./pdf/report";
import { signEnvelope, type Signer } from "./sign/dsse";
import { IN_TOTO_PAYLOAD_TYPE, buildStatement } from "./sign/statement";
import { findingsCsv, findingsCsvLines, findingsJson, scoresCsv, scoresJson } from "./tables";

export { OSCAL_PATH, REPORT_PATH } from "./pack-paths";

export interface PackProgress {
  step: string;
  done: number;
  total: number;
}

/**
 * Somewhere outside memory to hold a file's bytes while another file is written. Zip
 * entries go in order, so writing findings.csv from findings.json's walk (instead of a
 * second full read of every repository's results) means keeping its rows until
 * findings.json is done; at 10,000 repositories they are ~150 MB, which the worker's
 * heap cannot hold. The builder does no I/O itself: the server passes a temporary file.
 */
export interface Spool {
  write(text: string): Promise<void>;
  /** Everything written, in order; called once, after the last write. */
  read(): AsyncIterable<Uint8Array>;
  /** Frees the spool; called whether or not the pack was built. */
  dispose(): Promise<void>;
}

type Chunks = Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>;

/** Bytes handed to the zip at a time (see coalesce). */
const WRITE_SIZE = 64 * 1024;

/**
 * The table generators yield one row at a time (a few hundred bytes); passed on as they
 * are, every row would cross five stream stages and one zlib call of its own, which cost
 * more than deflating the rows did. Joined into 64 KiB pieces, the bytes are the same and
 * memory still holds one piece.
 */
async function* coalesce(chunks: Chunks): AsyncGenerator<string | Uint8Array> {
  let text = "";
  for await (const chunk of chunks) {
    if (typeof chunk !== "string") {
      if (text) yield text;
      text = "";
      yield chunk;
    } else if ((text += chunk).length >= WRITE_SIZE) {
      yield text;
      text = "";
    }
  }
  if (text) yield text;
}

/**
 * Passes the full pages on (to findings.json) after writing their findings.csv rows into
 * the spool, joined into WRITE_SIZE pieces like coalesce does.
 */
async function* spillingFindingsCsv(
  pages: AsyncIterable<readonly EvidenceRepo[]>,
  framework: Framework,
  spool: Spool,
): AsyncGenerator<readonly EvidenceRepo[]> {
  const csv = findingsCsvLines(framework);
  let text = csv.header;
  for await (const page of pages) {
    for (const repo of page)
      for (const row of csv.rows(repo))
        if ((text += row).length >= WRITE_SIZE) {
          await spool.write(text);
          text = "";
        }
    yield page;
  }
  if (text) await spool.write(text);
}

/**
 * yazl writes DOS timestamps from local-time fields; shifting by the zone offset makes
 * them UTC, so a verifier anywhere can require each entry's time to be generatedAt.
 */
function dosUtc(iso: string): Date {
  const t = new Date(iso);
  return new Date(t.getTime() + t.getTimezoneOffset() * 60_000);
}

/** The container metadata of every entry (also what a test re-zip must use). */
export function packEntryOptions(generatedAt: string) {
  return { mtime: dosUtc(generatedAt), mode: ENTRY_MODE, forceDosTimestamp: true, compress: true };
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** Writes the pack's zip to `out` and resolves with its manifest once `out` has it all. */
export async function writePack(
  input: PackInput,
  signer: Signer,
  out: NodeJS.WritableStream,
  onProgress: (p: PackProgress) => void = () => {},
  openSpool?: () => Promise<Spool>,
): Promise<Manifest> {
  const spool = await openSpool?.();
  try {
    return await buildPack(input, signer, out, onProgress, spool);
  } finally {
    await spool?.dispose();
  }
}

async function buildPack(
  input: PackInput,
  signer: Signer,
  out: NodeJS.WritableStream,
  onProgress: (p: PackProgress) => void,
  spool: Spool | undefined,
): Promise<Manifest> {
  const framework = getFramework(input.framework);
  const zip = new ZipFile();
  const written = pipeline(zip.outputStream, out);
  // Awaited at the end; if an entry fails first, that failure is the one reported.
  written.catch(() => {});
  const ENTRY = packEntryOptions(input.generatedAt);
  const files: (ManifestFile & { mediaType: string; description: string })[] = [];
  const total = 11 + (input.threatModels?.length ?? 0);

  async function add(path: string, mediaType: string, description: string, chunks: Chunks) {
    onProgress({ step: path, done: files.length, total });
    const hash = createHash("sha256");
    let size = 0;
    const tap = new Transform({
      transform(chunk: Buffer, _enc, cb) {
        hash.update(chunk);
        size += chunk.length;
        cb(null, chunk);
      },
    });
    const source = Readable.from(coalesce(chunks), { objectMode: false });
    // pipe() does not pass errors on: without this a failed read would leave the entry
    // waiting forever, and the pack (and its spool) never finished.
    source.once("error", (error) => tap.destroy(error));
    zip.addReadStream(source.pipe(tap), path, ENTRY);
    await finished(tap);
    files.push({ path, size, sha256: hash.digest("hex"), mediaType, description });
  }

  // First walk: the per-control and per-check counts the summary files state.
  const tally = createFrameworkTally(framework);
  const counts = emptyCheckCounts(framework);
  for await (const page of input.repos.statusPages()) {
    tally.add(page);
    addCheckCounts(counts, page);
  }
  const summaries = tally.summaries();
  const { repos } = input;
  await add("controls.json", "application/json", "Per-control summary", [
    json({
      framework: framework.id,
      version: framework.version,
      asOf: input.asOf,
      excluded: input.excluded,
      controls: summaries,
    }),
  ]);
  const fullPages = spool ? spillingFindingsCsv(repos.pages(), framework, spool) : repos.pages();
  await add(
    "findings.json",
    "application/json",
    "Results per repository and mapped check",
    findingsJson(fullPages, framework),
  );
  await add(
    "findings.csv",
    "text/csv",
    "Results per repository and mapped check",
    spool ? spool.read() : findingsCsv(repos.pages(), framework),
  );
  await add("scores.json", "application/json", "Scores per repository", scoresJson(repos.statusPages()));
  await add("scores.csv", "text/csv", "Scores per repository", scoresCsv(repos.statusPages()));
  await add("exceptions.json", "application/json", "Policy exceptions in force", [json(input.exceptions)]);
  for (const tm of input.threatModels ?? [])
    await add(
      `threat-models/${tm.repo.replace(/[^A-Za-z0-9._-]/g, "_")}.md`,
      "text/markdown",
      `Threat model of ${tm.repo}`,
      [tm.markdown],
    );
  await add(
    "audit-log.json",
    "application/json",
    "Audit-log extract with chain checkpoints",
    auditExtractJson(input.auditExtract),
  );
  await add("mapping.json", "application/json", "The framework mapping used", [json(framework)]);
  await add("public-key.pem", "application/x-pem-file", "The instance's Ed25519 public key", [
    signer.publicKeyPem,
  ]);

  const refs: EvidenceFileRef[] = files.map(({ path, sha256, mediaType, description }) => ({
    path,
    sha256,
    mediaType,
    description,
  }));
  await add(OSCAL_PATH, "application/json", "OSCAL 1.0.6 assessment results", [
    json(buildAssessmentResults(input, framework, { summaries, counts, repoCount: repos.count }, refs)),
  ]);
  await add(REPORT_PATH, "application/pdf", "Printable report", [
    await buildReportPdf(input, framework, summaries),
  ]);

  const manifest: Manifest = {
    _type: MANIFEST_TYPE,
    framework: framework.id,
    asOf: input.asOf,
    generatedAt: input.generatedAt,
    scope: input.scope,
    instance: input.instance,
    signingKeyId: signer.keyId,
    files: files.map(({ path, size, sha256 }) => ({ path, size, sha256 })),
  };
  const manifestBytes = Buffer.from(json(manifest));
  // The last two entries are stored, not deflated: they are small, and stored bytes have
  // no slack a bit flip could hide in.
  const STORED = { ...ENTRY, compress: false };
  zip.addBuffer(manifestBytes, MANIFEST_PATH, STORED);
  const statement = buildStatement(
    [
      ...manifest.files,
      { path: MANIFEST_PATH, sha256: createHash("sha256").update(manifestBytes).digest("hex") },
    ],
    {
      framework: framework.id,
      asOf: input.asOf,
      generatedAt: input.generatedAt,
      instance: input.instance.name,
    },
  );
  const envelope = signEnvelope(IN_TOTO_PAYLOAD_TYPE, Buffer.from(JSON.stringify(statement)), signer);
  zip.addBuffer(Buffer.from(json(envelope)), SIGNATURE_PATH, STORED);
  zip.end();
  await written;
  onProgress({ step: "done", done: total, total });
  return manifest;
}
