// Regeneration after a sync merges the freshly generated model into the edited one and
// never destroys an edit: new assets arrive as proposals the engineer accepts, assets
// the repository no longer has are flagged "removed" (kept, with their threat links),
// and threats, controls and boundaries the engineer owns are left exactly as they are.
import { DEFAULT_THREATS } from "./default-threats";
import type { Asset, ThreatModel } from "./model";

export interface MergeResult {
  model: ThreatModel;
  proposed: string[];
  removed: string[];
  /** False when the merge changed nothing (no new revision is needed). */
  changed: boolean;
}

export function mergeGenerated(current: ThreatModel, generated: ThreatModel): MergeResult {
  const fresh = new Map(generated.assets.map((a) => [a.id, a]));
  const proposed: string[] = [];
  const removed: string[] = [];
  const assets: Asset[] = [];
  let changed = false;
  for (const a of current.assets) {
    const now = fresh.get(a.id);
    if (a.origin !== "generated") assets.push(a);
    else if (!now) {
      // A proposal nobody accepted simply lapses; an accepted asset is flagged, not deleted.
      if (a.state === "proposed") changed = true;
      else {
        if (a.state !== "removed") {
          removed.push(a.id);
          changed = true;
        }
        assets.push(a.state === "removed" ? a : { ...a, state: "removed" });
      }
    } else if (a.state === "removed") {
      proposed.push(a.id);
      changed = true;
      assets.push({ ...a, state: "proposed", detail: now.detail });
    } else assets.push(a);
  }
  const known = new Set(current.assets.map((a) => a.id));
  for (const a of generated.assets) {
    if (known.has(a.id)) continue;
    assets.push({ ...a, state: "proposed" });
    proposed.push(a.id);
    changed = true;
  }
  // A proposed asset sits on the default threats that concern its kind (adding a link
  // is not an edit the engineer loses; rejecting the proposal removes it again).
  const kindOf = new Map(assets.map((a) => [a.id, a.kind]));
  const threats = current.threats.map((t) => {
    const d = DEFAULT_THREATS.find((x) => x.id === t.id);
    if (!d) return t;
    const add = proposed.filter((id) => d.assetKinds.includes(kindOf.get(id)!) && !t.assetIds.includes(id));
    return add.length ? { ...t, assetIds: [...t.assetIds, ...add] } : t;
  });
  return { model: { ...current, assets, threats }, proposed, removed, changed };
}

/** The engineer's answer to a proposal: accepted assets become active, rejected ones go with their links. */
export function resolveProposal(model: ThreatModel, assetId: string, accept: boolean): ThreatModel {
  if (accept)
    return {
      ...model,
      assets: model.assets.map((a) => (a.id === assetId ? { ...a, state: "active" as const } : a)),
    };
  return {
    ...model,
    assets: model.assets.filter((a) => a.id !== assetId),
    threats: model.threats.map((t) => ({ ...t, assetIds: t.assetIds.filter((id) => id !== assetId) })),
  };
}
