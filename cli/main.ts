// The `gatehouse` command. Each subcommand returns its exit code; nothing here calls
// process.exit, so tests can drive it in-process and buffered output is never lost.
import { readFileSync } from "node:fs";
import { SCAN_USAGE, parseScanArgs } from "./scan/args";
import type { ScanIO } from "./scan/run-scan";
import { runScan } from "./scan/run-scan";
import { UsageError } from "./scan/usage-error";
import { runVerify } from "./verify/run-verify";

const USAGE = `Usage: gatehouse <command> [options]

Commands:
  scan <dir>          scan a checkout's workflows and config files (see: gatehouse scan --help)
  verify <pack.zip>   verify an evidence pack offline (see: gatehouse verify --help)
  evidence export     export a signed evidence pack (see: gatehouse evidence --help)
  evidence public-key print the instance's evidence-signing public key
  api-keys create     create an API key in the database at DATABASE_URL (see: gatehouse api-keys --help)`;

function toolVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
    version?: string;
  };
  return pkg.version ?? "0.0.0";
}

export async function main(
  argv: string[],
  io: ScanIO = { stdout: process.stdout, stderr: process.stderr },
): Promise<number> {
  const [command, ...rest] = argv;
  if (command === "-h" || command === "--help" || command === "help") {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (command === "--version" || command === "-v") {
    io.stdout.write(`${toolVersion()}\n`);
    return 0;
  }
  if (command === "verify") return runVerify(rest, io);
  if (command === "evidence") {
    // Loaded only here: it reaches lib/server (bin/gatehouse.mjs resolves "server-only").
    const { runEvidence } = await import("./evidence/run-evidence");
    return runEvidence(rest, io, process.env);
  }
  if (command === "api-keys") {
    // Loaded on demand: only this command needs the database and the data layer.
    const { runApiKeys } = await import("./api-keys/run-api-keys");
    return runApiKeys(rest, io);
  }
  if (command !== "scan") {
    io.stderr.write(
      `gatehouse: ${command ? `unknown command "${command}"` : "missing command"}\n\n${USAGE}\n`,
    );
    return 2;
  }
  const parsed = parseScanArgs(rest, process.env);
  if (parsed.kind === "help") {
    io.stdout.write(`${SCAN_USAGE}\n`);
    return 0;
  }
  if (parsed.kind === "error") {
    io.stderr.write(`gatehouse scan: ${parsed.message}\n\n${SCAN_USAGE}\n`);
    return 2;
  }
  try {
    return await runScan(parsed.flags, io, toolVersion());
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr.write(`gatehouse scan: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
}
