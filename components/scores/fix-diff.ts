// A finding whose remediation rewrites its evidence line ("Change line N to:" followed by
// the new line) is shown as a unified diff of that line. Other remediations stay prose.
import type { Finding } from "@/lib/checks/types";

const REWRITE = /^Change line (\d+) to:\n([^\n]+)$/;

/** The unified diff (with ---/+++ headers) for a one-line rewrite, or null. */
export function fixDiff(finding: Pick<Finding, "evidence" | "remediation">): string | null {
  const { evidence } = finding;
  if (evidence.kind !== "file") return null;
  const match = REWRITE.exec(finding.remediation.replace(/\r\n/g, "\n").trimEnd());
  if (!match || Number(match[1]) !== evidence.line) return null;
  const replacement = match[2]!;
  const indent = /^\s*/.exec(replacement)![0];
  const before = `${indent}${evidence.snippet}`;
  if (before === replacement || evidence.snippet.endsWith("...")) return null;
  return [
    `--- a/${evidence.file}`,
    `+++ b/${evidence.file}`,
    `@@ -${evidence.line} +${evidence.line} @@`,
    `-${before}`,
    `+${replacement}`,
  ].join("\n");
}
