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

/**
 * Whether mergeGenerated would change a model holding `current` assets: it depends on the
 * assets alone (ids, origins, states), so regeneration after a sync can decide from a
 * model's assets without reading, validating and merging the whole document.
 */
export function mergeChanges(current: readonly Asset[], generated: readonly Asset[]): boolean {
  const fresh = new Set(generated.map((a) => a.id));
  // A generated asset that vanished (and is not yet flagged) or came back (flagged) changes.
  for (const a of current)
    if (a.origin === "generated" && fresh.has(a.id) === (a.state === "removed")) return true;
  const known = new Set(current.map((a) => a.id));
  return generated.some((a) => !known.has(a.id));
}

export function mergeGenerated(current: ThreatModel, generated: ThreatModel): MergeResult {
  const fresh = new Map(generated.assets.map((a) => [a.id, a]));
  const proposed: string[] = [];
  const removed: string[] = [];
  const assets: Asset[] = [];
  for (const a of current.assets) {
    const now = fresh.get(a.id);
    if (a.origin !== "generated") assets.push(a);
    else if (!now) {
      // A proposal nobody accepted simply lapses; an accepted asset is flagged, not deleted.
      if (a.state !== "proposed") {
        if (a.state !== "removed") removed.push(a.id);
        assets.push(a.state === "removed" ? a : { ...a, state: "removed" });
      }
    } else if (a.state === "removed") {
      proposed.push(a.id);
      assets.push({ ...a, state: "proposed", detail: now.detail });
    } else assets.push(a);
  }
  const known = new Set(current.assets.map((a) => a.id));
  for (const a of generated.assets) {
    if (known.has(a.id)) continue;
    assets.push({ ...a, state: "proposed" });
    proposed.push(a.id);
  }
  const changed = mergeChanges(current.assets, generated.assets);
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
