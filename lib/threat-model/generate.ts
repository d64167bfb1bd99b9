// A repository's first threat model, generated from its facts: its real assets, the
// source → build → registry → deploy boundaries, the default threats placed on the
// assets they concern, and each threat's checks as live controls.
import type { RepoFacts } from "../facts/types";
import { assetsFromFacts } from "./assets-from-facts";
import { DEFAULT_THREATS, checkControlId } from "./default-threats";
import { STAGES, STAGE_LABELS, type Boundary, type Control, type ThreatModel } from "./model";

export function defaultBoundaries(): Boundary[] {
  const out: Boundary[] = [];
  for (let i = 0; i + 1 < STAGES.length; i++) {
    const from = STAGES[i]!;
    const to = STAGES[i + 1]!;
    out.push({ id: `boundary:${from}-${to}`, name: `${STAGE_LABELS[from]} → ${STAGE_LABELS[to]}`, from, to });
  }
  return out;
}

export function generateThreatModel(facts: RepoFacts): ThreatModel {
  const assets = assetsFromFacts(facts);
  const controls = new Map<string, Control>();
  const threats = DEFAULT_THREATS.map((d) => {
    for (const check of d.checks)
      controls.set(checkControlId(check), { id: checkControlId(check), kind: "check", check });
    return {
      id: d.id,
      title: d.title,
      category: d.category,
      stage: d.stage,
      description: d.description,
      likelihood: d.likelihood,
      impact: d.impact,
      status: "open" as const,
      assetIds: assets.filter((a) => d.assetKinds.includes(a.kind)).map((a) => a.id),
      controls: d.checks.map((check) => ({ controlId: checkControlId(check), status: "in-place" as const })),
    };
  });
  return { assets, boundaries: defaultBoundaries(), controls: [...controls.values()], threats };
}
