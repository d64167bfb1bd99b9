// Runs the real `gatehouse scan` CLI over a checkout and reads its JSON report: the one
// way both accuracy scripts (our labelled cases, zizmor's corpus) see what Gatehouse finds.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

const ScanJson = z.object({
  findings: z.array(
    z.object({ check: z.string(), file: z.string().nullable(), line: z.number().nullable().default(null) }),
  ),
  errors: z.array(z.object({ file: z.string(), reason: z.string() })).default([]),
});

export type ScanReport = z.infer<typeof ScanJson>;

export function scanReport(dir: string): ScanReport {
  const out = path.join(dir, "report.json");
  try {
    execFileSync(
      process.execPath,
      [path.join(ROOT, "bin/gatehouse.mjs"), "scan", dir, "--format", "json", "--output", out],
      { stdio: ["ignore", "ignore", "inherit"] },
    );
  } catch (e) {
    // Exit 1 means "findings at or above --fail-on": the report is still written.
    if ((e as { status?: number }).status !== 1) throw e;
  }
  return ScanJson.parse(JSON.parse(readFileSync(out, "utf8")));
}
