// Stable identities of findings (pure). One definition, used by the runner (to match
// instance-scoped policy exceptions) and by posture history (lib/history/instances.ts),
// so an exception names exactly the fingerprint the history and the repository page show.
//
// A fingerprint hashes: the scope (repository id, or organisation id for an org-level
// setting), the check, where (file path or API field), the evidence text with its
// whitespace normalised, and an occurrence number among identical texts in the same file.
// The line number is left out on purpose, so inserting lines above a finding keeps its
// identity; editing the offending line itself makes it a new finding (the old one fixed).
// Occurrences are counted over every finding of the check, suppressed or not, so
// accepting one of two identical lines never hands its identity to the other.
import { createHash } from "node:crypto";
import { isOrgLevel } from "./org-level";
import type { Evidence, Finding } from "./types";

/** Whose finding it is: the repository's, or its organisation's for org-level settings. */
export interface FindingScope {
  repositoryId: string;
  organizationId: string;
}

export const normaliseSnippet = (text: string): string => text.replace(/\s+/g, " ").trim();

export const fingerprintOf = (parts: string[]): string =>
  createHash("sha256").update(parts.join("\u0000")).digest("hex").slice(0, 16);

/** "file:<path>" or "api:<field>", the normalised evidence text, and the line (files only). */
export function locationOf(evidence: Evidence): { location: string; text: string; line: number | null } {
  if (evidence.kind === "file")
    return {
      location: `file:${evidence.file}`,
      text: normaliseSnippet(evidence.snippet),
      line: evidence.line,
    };
  return { location: `api:${evidence.field}`, text: "", line: null };
}

/** The fingerprint of each finding of one check, in the same order. */
export function findingFingerprints(
  checkId: string,
  findings: readonly Pick<Finding, "evidence">[],
  scope: FindingScope,
): string[] {
  const seen = new Map<string, number>();
  return findings.map((finding) => {
    const { location, text } = locationOf(finding.evidence);
    const key = `${location}\u0000${text}`;
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    const scopeId = isOrgLevel(finding.evidence) ? scope.organizationId : scope.repositoryId;
    return fingerprintOf([scopeId, checkId, location, text, String(occurrence)]);
  });
}
