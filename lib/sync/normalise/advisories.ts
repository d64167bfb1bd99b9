import { z } from "zod";
import type { ActionAdvisory } from "@/lib/facts/types";
import type { IssueSink } from "./issues";

// GitHub's advisory database, in the global-advisory REST shape (GET /advisories; sync reads
// it through GraphQL's securityVulnerabilities and maps to this shape) → one ActionAdvisory
// per vulnerable action named by an advisory.

const advisorySchema = z.object({
  ghsa_id: z.string(),
  summary: z.string().default(""),
  severity: z.string(),
  vulnerabilities: z
    .array(
      z.object({
        package: z.object({ ecosystem: z.string(), name: z.string().nullable() }).nullable(),
        vulnerable_version_range: z.string().nullable(),
        first_patched_version: z
          .union([z.string(), z.object({ identifier: z.string() })])
          .nullable()
          .optional(),
      }),
    )
    .nullable()
    .default([]),
});

const SEVERITIES = new Set(["critical", "high", "medium", "low"]);

export function normaliseActionAdvisories(raw: unknown[] | null, sink: IssueSink): ActionAdvisory[] | null {
  if (!raw) return null;
  const out: ActionAdvisory[] = [];
  for (const item of raw) {
    const parsed = advisorySchema.safeParse(item);
    if (!parsed.success) {
      sink({
        kind: "value_invalid",
        subject: "advisory",
        reason: parsed.error.issues[0]?.message ?? "invalid",
      });
      continue;
    }
    const a = parsed.data;
    const severity = a.severity === "moderate" ? "medium" : a.severity;
    if (!SEVERITIES.has(severity)) continue;
    for (const v of a.vulnerabilities ?? []) {
      if (v.package?.ecosystem !== "actions" || !v.package.name || !v.vulnerable_version_range) continue;
      const patched =
        typeof v.first_patched_version === "string"
          ? v.first_patched_version
          : v.first_patched_version?.identifier;
      out.push({
        ghsaId: a.ghsa_id,
        action: v.package.name,
        severity: severity as ActionAdvisory["severity"],
        vulnerableRange: v.vulnerable_version_range,
        ...(patched ? { patchedVersion: patched } : {}),
        summary: a.summary.slice(0, 500),
      });
    }
  }
  return out.sort((x, y) => x.ghsaId.localeCompare(y.ghsaId) || x.action.localeCompare(y.action));
}
