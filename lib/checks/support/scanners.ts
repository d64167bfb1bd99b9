// Whether CI runs a scanner of a kind, and (for dependencies) whether it can fail the build.
import type { Workflow } from "../../analyzers/workflow/model";
import type { ToolKind } from "../../analyzers/tools/kinds";
import type { CheckDefinition, Evidence, Finding } from "../types";
import { finding, at } from "../evidence";
import { snippet } from "./util";
import { ciAnchor, hitsOfKind, type PlacedHit } from "./wf-steps";
import { defineCheck } from "../define";

export const ev = (h: PlacedHit): Evidence => ({
  kind: "file",
  file: h.wf.path,
  line: h.line,
  snippet: snippet(h.wf, h.line),
});

export function absent(workflows: Workflow[], message: string, block: string): Finding[] {
  const anchor = ciAnchor(workflows);
  if (!anchor) return [];
  return [
    finding(
      message,
      at(anchor.wf, { line: anchor.line, column: 1 }),
      `Add a job to ${anchor.wf.path}:\n${block}`,
      "high",
    ),
  ];
}

export function presenceCheck(
  kind: ToolKind,
  spec: {
    id: string;
    title: string;
    severity: "medium" | "low";
    rationale: string;
    remediation: string;
    message: string;
    block: string;
  },
): CheckDefinition {
  return defineCheck({
    id: spec.id,
    title: spec.title,
    category: "supply-chain",
    severity: spec.severity,
    from: ["wf"],
    rationale: spec.rationale,
    remediation: spec.remediation,
    input: "workflows",
    run(workflows) {
      const hits = hitsOfKind(workflows, kind);
      if (hits.length > 0) return { findings: [], evidence: hits.map(ev) };
      return { findings: absent(workflows, spec.message, spec.block) };
    },
  });
}
