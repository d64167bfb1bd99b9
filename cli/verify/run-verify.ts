// `gatehouse verify <pack.zip> [--key public.pem]`: exit 0 only when the signature, every
// file's hash, the entry list and the OSCAL document all hold; 1 when any fails (each
// failing file named with the reason); 2 on a usage error.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { verifyPack } from "../../lib/evidence/verify";
import { openZipPack } from "./zip-reader";

export const VERIFY_USAGE = `Usage: gatehouse verify <pack.zip> [--key public.pem]

Checks an evidence pack offline: the DSSE signature over its in-toto statement, the
SHA-256 of every file against the signed manifest, that no file was added, removed,
renamed or moved, and the OSCAL document against the OSCAL 1.0.6 schema.
Without --key the pack's own public-key.pem is used: that proves the pack is intact,
not which Gatehouse instance signed it. Pass the instance's key (gatehouse evidence
public-key, or GET /api/v1/evidence/public-key) to prove that too.`;

interface IO {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
}

export async function runVerify(argv: string[], io: IO): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { key: { type: "string" }, help: { type: "boolean", short: "h" } },
    });
  } catch (err) {
    io.stderr.write(`gatehouse verify: ${(err as Error).message}\n\n${VERIFY_USAGE}\n`);
    return 2;
  }
  if (parsed.values.help) {
    io.stdout.write(`${VERIFY_USAGE}\n`);
    return 0;
  }
  if (parsed.positionals.length !== 1) {
    io.stderr.write(`gatehouse verify: give exactly one pack\n\n${VERIFY_USAGE}\n`);
    return 2;
  }
  const [packPath] = parsed.positionals as [string];
  let keyPem: string | undefined;
  if (parsed.values.key) {
    try {
      keyPem = readFileSync(parsed.values.key, "utf8");
    } catch {
      io.stderr.write(`gatehouse verify: cannot read key ${parsed.values.key}\n`);
      return 2;
    }
  }
  let reader;
  try {
    reader = await openZipPack(packPath);
  } catch (err) {
    io.stderr.write(`FAIL ${packPath}: not a readable zip (${(err as Error).message})\n`);
    return 1;
  }
  try {
    const report = await verifyPack(reader, { publicKeyPem: keyPem });
    for (const p of report.problems) io.stderr.write(`FAIL ${p.file}: ${p.reason}\n`);
    if (!report.ok) {
      io.stderr.write(
        `gatehouse verify: ${packPath} does NOT verify (${report.problems.length} problem(s))\n`,
      );
      return 1;
    }
    const m = report.manifest!;
    io.stdout.write(
      `OK ${packPath}: ${m.files.length} files, ${m.framework} as of ${m.asOf}, signed by key ${report.keyId}` +
        (report.keySource === "pack"
          ? " (the key inside the pack; pass --key to pin the instance key)"
          : "") +
        "\n",
    );
    return 0;
  } catch (err) {
    io.stderr.write(`FAIL ${packPath}: ${(err as Error).message}\n`);
    return 1;
  } finally {
    reader.close();
  }
}
