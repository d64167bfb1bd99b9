import { lockfileCoverage } from "../../analyzers/manifests/lockfile-coverage";
import type { CheckDefinition, Evidence, Finding } from "../types";
import { allPaths, textOf } from "../support/common";
import { fileEvidence } from "../evidence";
import { defineCheck } from "../define";

export const missingLockfile: CheckDefinition = defineCheck({
  id: "missing-lockfile",
  title: "Dependency manifests have lockfiles",
  category: "supply-chain",
  severity: "high",
  from: ["files"],
  rationale:
    "Without a lockfile every install resolves versions anew: a compromised or typosquatted release reaches the build the moment it is published, and builds cannot be reproduced.",
  remediation:
    "Commit the ecosystem's lockfile next to each manifest (package-lock.json, uv.lock/poetry.lock, go.sum, Cargo.lock, Gemfile.lock, composer.lock) and install from it in CI.",
  input: "repository",
  run(facts) {
    const text = textOf(facts);
    const coverage = lockfileCoverage(allPaths(facts), text, facts.paths !== null);
    const findings: Finding[] = [];
    const evidence: Evidence[] = [];
    const unknown: string[] = [];
    for (const c of coverage) {
      if (c.status === "locked")
        evidence.push(
          fileEvidence(
            c.lockfile ?? c.manifest,
            1,
            `${c.manifest} → ${c.lockfile}${c.reason ? ` (${c.reason})` : ""}`,
          ),
        );
      else if (c.status === "unknown") unknown.push(`${c.manifest}: ${c.reason ?? "cannot be read"}`);
      else if (c.status === "missing") {
        const first = (text(c.manifest) ?? "").split("\n")[0]?.trim() ?? "";
        findings.push({
          message: `${c.manifest} (${c.ecosystem}) has no lockfile; expected one of ${c.expected.join(", ")}.`,
          evidence: fileEvidence(c.manifest, 1, first),
          remediation: `In ${c.manifest.includes("/") ? c.manifest.slice(0, c.manifest.lastIndexOf("/")) : "the repository root"}: ${c.howTo}.`,
          confidence: c.confidence,
        });
      } else if (c.status === "unpinned") {
        const first = c.unpinned?.[0];
        const list = (c.unpinned ?? [])
          .slice(0, 5)
          .map((u) => `line ${u.line}: ${u.text}`)
          .join("; ");
        findings.push({
          message: `${c.manifest} has ${c.unpinned?.length ?? 0} requirement(s) not pinned to an exact version (${list}).`,
          evidence: fileEvidence(c.manifest, first?.line ?? 1, first?.text ?? ""),
          remediation: `Pin every requirement in ${c.manifest} with \`==\` and hashes: ${c.howTo}.`,
          confidence: c.confidence,
        });
      }
    }
    return {
      findings,
      unknown: findings.length ? [] : unknown,
      evidence,
      notApplicable: coverage.length === 0 ? "No dependency manifest found." : undefined,
    };
  },
});
