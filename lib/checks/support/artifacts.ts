// unsigned-artifacts, no-provenance, no-sbom: what publishing workflows produce, and what
// the registry says about the latest published digest.
import type { ImageFacts } from "../../facts/types";
import type { ToolKind } from "../../analyzers/tools/kinds";
import type { CheckDefinition, Evidence, Finding } from "../types";
import { defineCheck } from "../define";
import { workflowsOf } from "./workflows-of";
import { snippet } from "./util";
import { hitsOfKind, publications } from "./wf-steps";

export interface Spec {
  id: string;
  title: string;
  severity: "high" | "medium";
  kind: ToolKind;
  flag: "signed" | "provenance" | "sbom";
  rationale: string;
  remediation: string;
  missing: string;
  fix: { image: string; package: string; release: string };
  registryFix: string;
}

export function artifactCheck(spec: Spec): CheckDefinition {
  return defineCheck({
    id: spec.id,
    title: spec.title,
    category: "integrity",
    severity: spec.severity,
    from: ["wf", "registry"],
    rationale: spec.rationale,
    remediation: spec.remediation,
    input: "repository",
    run(facts) {
      const wfs = workflowsOf(facts);
      const findings: Finding[] = [];
      const evidence: Evidence[] = [];
      const pubs = publications(wfs.workflows);
      for (const wf of wfs.workflows) {
        const mine = pubs.filter((p) => p.wf === wf);
        if (mine.length === 0) continue;
        const hits = hitsOfKind([wf], spec.kind);
        if (hits.length > 0) {
          for (const h of hits)
            evidence.push({ kind: "file", file: wf.path, line: h.line, snippet: snippet(wf, h.line) });
          continue;
        }
        for (const p of mine) {
          findings.push({
            message: `${wf.path} publishes (${p.what}, job \`${p.job.id}\`) ${spec.missing}.`,
            evidence: { kind: "file", file: wf.path, line: p.line, snippet: snippet(wf, p.line) },
            remediation: spec.fix[p.kind],
            confidence: p.kind === "release" ? "medium" : "high",
          });
        }
      }
      const unknown: string[] = [];
      const images: ImageFacts[] = facts.registry?.images ?? [];
      for (const img of images) {
        if (img.latestDigest === null) continue;
        const value = img[spec.flag];
        const ev: Evidence = {
          kind: "api",
          field: `registry.images[${img.name}@${img.latestDigest}].${spec.flag}`,
          value,
        };
        if (value === true) evidence.push(ev);
        else if (value === false)
          findings.push({
            message: `The latest digest of ${img.name} (${img.latestDigest.slice(0, 19)}…) ${spec.missing}.`,
            evidence: ev,
            remediation: spec.registryFix.replace("{image}", `${img.name}@${img.latestDigest}`),
            confidence: "high",
          });
        else unknown.push(`${img.name}: ${spec.flag} was not checked.`);
      }
      const failures = wfs.failures;
      const nothing = pubs.length === 0 && images.length === 0;
      const reason =
        facts.registry === null
          ? "No workflow publishes an image, package or release asset (registry not checked)."
          : "Nothing is published by workflows or found in the registry.";
      return {
        findings,
        failures,
        unknown: findings.length ? [] : unknown,
        evidence,
        notApplicable: nothing ? reason : undefined,
      };
    },
  });
}
