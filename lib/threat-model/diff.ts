// What changed between two models, entity by entity and field by field: the revision
// diff on the page and the message a refused (stale) save shows.
import type { ThreatModel } from "./model";

export type EntityKind = "asset" | "boundary" | "control" | "threat";

export interface ModelChange {
  entity: EntityKind;
  id: string;
  label: string;
  change: "added" | "removed" | "changed";
  /** For "changed": the fields that differ. */
  fields: string[];
}

const labelOf = (item: Record<string, unknown>): string =>
  String(item.title ?? item.name ?? item.check ?? item.id ?? "");

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function diffList(
  entity: EntityKind,
  before: Array<{ id: string }>,
  after: Array<{ id: string }>,
): ModelChange[] {
  const out: ModelChange[] = [];
  const old = new Map(before.map((i) => [i.id, i as Record<string, unknown> & { id: string }]));
  const fresh = new Map(after.map((i) => [i.id, i as Record<string, unknown> & { id: string }]));
  for (const [id, item] of old)
    if (!fresh.has(id)) out.push({ entity, id, label: labelOf(item), change: "removed", fields: [] });
  for (const [id, item] of fresh) {
    const prev = old.get(id);
    if (!prev) {
      out.push({ entity, id, label: labelOf(item), change: "added", fields: [] });
      continue;
    }
    const keys = [...new Set([...Object.keys(prev), ...Object.keys(item)])].sort();
    const fields = keys.filter((k) => !same(prev[k], item[k]));
    if (fields.length) out.push({ entity, id, label: labelOf(item), change: "changed", fields });
  }
  return out;
}

export function diffModels(before: ThreatModel, after: ThreatModel): ModelChange[] {
  return [
    ...diffList("asset", before.assets, after.assets),
    ...diffList("boundary", before.boundaries, after.boundaries),
    ...diffList("control", before.controls, after.controls),
    ...diffList("threat", before.threats, after.threats),
  ];
}

/** One line per change, for messages ("threat “Build injection” changed: status, controls"). */
export function describeChange(c: ModelChange): string {
  const what = `${c.entity} “${c.label}”`;
  return c.change === "changed" ? `${what} changed: ${c.fields.join(", ")}` : `${what} ${c.change}`;
}
