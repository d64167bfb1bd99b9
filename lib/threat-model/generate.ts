// A repository's first threat model, generated from its facts: its real assets, the
// source → build → registry → deploy boundaries, the default threats placed on the
// assets they concern, and each threat's checks as live controls.
import type { RepoFacts } from "../facts/types";
import { assetsFromFacts } from "./assets-from-facts";
import { DEFAULT_THREATS, checkControlId } from "./default-threats";
import {
  STAGES,
  STAGE_LABELS,
  type Asset,
  type Boundary,
  type Control,
  type Threat,
  type ThreatModel,
} from "./model";

export function defaultBoundaries(): Boundary[] {
  const out: Boundary[] = [];
  for (let i = 0; i + 1 < STAGES.length; i++) {
    const from = STAGES[i]!;
    const to = STAGES[i + 1]!;
    out.push({ id: `boundary:${from}-${to}`, name: `${STAGE_LABELS[from]} → ${STAGE_LABELS[to]}`, from, to });
  }
  return out;
}

/**
 * What a generated model holds beside the repository's assets: the same for every
 * repository. Generation after a sync sends it to the database once per statement and
 * each repository's own part beside it (assembleGenerated says how they combine), instead
 * of ~15 KB per repository of which two thirds never vary.
 */
export interface GeneratedTemplate {
  boundaries: Boundary[];
  controls: Control[];
  /** DEFAULT_THREATS' threats in order, without their assets. */
  threats: Array<Omit<Threat, "assetIds">>;
}

/** A repository's own part of its generated model: its assets, and each default threat's share of them. */
export interface GeneratedParts {
  assets: Asset[];
  /** Indexed like DEFAULT_THREATS (and the template's threats). */
  threatAssetIds: string[][];
}

/** A fresh template (callers may keep or change it: nothing is shared between calls). */
export function generatedTemplate(): GeneratedTemplate {
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
      controls: d.checks.map((check) => ({ controlId: checkControlId(check), status: "in-place" as const })),
    };
  });
  return { boundaries: defaultBoundaries(), controls: [...controls.values()], threats };
}

export function generatedParts(facts: RepoFacts): GeneratedParts {
  const assets = assetsFromFacts(facts);
  return {
    assets,
    threatAssetIds: DEFAULT_THREATS.map((d) =>
      assets.filter((a) => d.assetKinds.includes(a.kind)).map((a) => a.id),
    ),
  };
}

/** The whole model from the template and a repository's part (the SQL in threat-model-batch does the same). */
export function assembleGenerated(template: GeneratedTemplate, parts: GeneratedParts): ThreatModel {
  return {
    assets: parts.assets,
    boundaries: template.boundaries,
    controls: template.controls,
    threats: template.threats.map(({ controls, ...t }, i) => ({
      ...t,
      assetIds: parts.threatAssetIds[i] ?? [],
      controls,
    })),
  };
}

export function generateThreatModel(facts: RepoFacts): ThreatModel {
  return assembleGenerated(generatedTemplate(), generatedParts(facts));
}
