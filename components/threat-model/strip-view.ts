import type { ThreatView } from "@/lib/threat-model/live-status";
import type { Threat } from "@/lib/threat-model/model";

/** The stored threat without the live fields the view adds (what a save sends). */
export function stripView(t: ThreatView | Threat): Threat {
  return {
    id: t.id,
    title: t.title,
    category: t.category,
    stage: t.stage,
    description: t.description,
    likelihood: t.likelihood,
    impact: t.impact,
    status: t.status,
    assetIds: t.assetIds,
    controls: t.controls,
  };
}
