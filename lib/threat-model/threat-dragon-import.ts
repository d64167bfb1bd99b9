// Imports a model drawn in OWASP Threat Dragon (v2 JSON), every diagram of it: node cells
// become assets, trust-boundary cells boundaries, and the threats on nodes and flows
// threats (a threat on a flow sits on both ends). Each threat's mitigation text becomes
// a manual control. Refusals name the JSON path; the current model is never touched.
import { z } from "zod";
import {
  assetSchema,
  STRIDE,
  threatModelSchema,
  type Asset,
  type Boundary,
  type Control,
  type Threat,
  type ThreatModel,
} from "./model";
import { ImportError, parseUntrustedJson } from "./safe-json";
import { TD_STRIDE } from "./threat-dragon-export";

const tdThreat = z.object({
  id: z.string().optional(),
  threatId: z.string().optional(),
  title: z.string().min(1),
  type: z.string(),
  status: z.string().optional(),
  severity: z.string().optional(),
  description: z.string().optional(),
  mitigation: z.string().optional(),
});
const tdCell = z.object({
  id: z.string().min(1),
  shape: z.string(),
  attrs: z.object({ text: z.object({ text: z.string().optional() }).optional() }).optional(),
  source: z.object({ cell: z.string().optional() }).optional(),
  target: z.object({ cell: z.string().optional() }).optional(),
  threats: z.array(z.unknown()).optional(),
  data: z
    .object({
      name: z.string().optional(),
      description: z.string().optional(),
      type: z.string().optional(),
      isTrustBoundary: z.boolean().optional(),
      threats: z.array(z.unknown()).optional(),
      gatehouse: z.unknown().optional(),
    })
    .optional(),
});
const tdFile = z.object({
  summary: z.object({ title: z.string() }),
  detail: z.object({
    diagrams: z.array(z.object({ id: z.number().int(), title: z.string(), cells: z.array(z.unknown()) })),
  }),
});

const at = (path: ReadonlyArray<PropertyKey>, base = "$") =>
  base + path.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`)).join("");

function parse<T>(schema: z.ZodType<T>, value: unknown, base: string): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  throw new ImportError(at(issue.path, base), issue.message);
}

const STRIDE_BY_LABEL = new Map<string, Threat["category"]>(
  STRIDE.map((k) => [TD_STRIDE[k].toLowerCase(), k] as const),
);
const STATUS: Record<string, Threat["status"]> = {
  open: "open",
  mitigated: "mitigated",
  notapplicable: "accepted",
};
const IMPACT: Record<string, Threat["impact"]> = {
  critical: "high",
  high: "high",
  medium: "medium",
  low: "low",
};
const safeId = (s: string) =>
  s
    .replace(/[^A-Za-z0-9._:/@+=-]/g, "_")
    .replace(/^[^A-Za-z0-9]+/, "")
    .slice(0, 190) || "x";

export function importThreatDragon(text: string): ThreatModel {
  const file = parse(tdFile, parseUntrustedJson(text), "$");
  const assets: Asset[] = [];
  const boundaries: Boundary[] = [];
  const controls: Control[] = [];
  const threats = new Map<string, Threat>();
  file.detail.diagrams.forEach((diagram, di) => {
    const base = `$.detail.diagrams[${di}].cells`;
    const cells = diagram.cells.map((c, ci) => parse(tdCell, c, `${base}[${ci}]`));
    // Cell ids are unique per diagram only: a second diagram's ids are prefixed.
    const idOf = (cellId: string) => (di === 0 ? safeId(cellId) : `d${diagram.id}:${safeId(cellId)}`);
    const isFlow = (c: z.infer<typeof tdCell>) => c.shape === "flow" || c.data?.type === "tm.Flow";
    cells.forEach((c, ci) => {
      const name = (c.data?.name || c.attrs?.text?.text || c.id).slice(0, 300);
      if (c.data?.isTrustBoundary || c.shape.startsWith("trust-boundary") || c.data?.type === "tm.Boundary") {
        boundaries.push({ id: idOf(c.id), name, from: null, to: null });
        return;
      }
      if (!isFlow(c)) {
        const own = assetSchema
          .pick({ kind: true, stage: true, state: true, origin: true })
          .safeParse(c.data?.gatehouse);
        const where = file.detail.diagrams.length > 1 ? `${diagram.title}: ` : "";
        assets.push({
          id: idOf(c.id),
          name,
          detail: `${where}${c.data?.description ?? ""}`.slice(0, 2000),
          ...(own.success ? own.data : { kind: "other", stage: "build", state: "active", origin: "manual" }),
        });
      }
      const on = isFlow(c)
        ? [c.source?.cell, c.target?.cell].filter((x): x is string => !!x).map(idOf)
        : [idOf(c.id)];
      const list = c.data?.threats ?? c.threats ?? [];
      const listPath = c.data?.threats ? `${base}[${ci}].data.threats` : `${base}[${ci}].threats`;
      list.forEach((raw, ti) => {
        const t = parse(tdThreat, raw, `${listPath}[${ti}]`);
        const category = STRIDE_BY_LABEL.get(t.type.trim().toLowerCase());
        if (!category)
          throw new ImportError(`${listPath}[${ti}].type`, `"${t.type}" is not a STRIDE category`);
        const id = safeId(t.id ?? t.threatId ?? `threat:d${diagram.id}:${c.id}:${ti}`);
        const existing = threats.get(id);
        if (existing) {
          existing.assetIds.push(...on.filter((a) => !existing.assetIds.includes(a)));
          return;
        }
        const status = STATUS[(t.status ?? "open").toLowerCase()] ?? "open";
        const links: Threat["controls"] = [];
        if (t.mitigation?.trim()) {
          const controlId = `control:${id}`.slice(0, 200);
          controls.push({
            id: controlId,
            kind: "manual",
            title: `Mitigation: ${t.title}`.slice(0, 300),
            owner: "",
            note: t.mitigation.slice(0, 4000),
          });
          links.push({ controlId, status: status === "mitigated" ? "in-place" : "planned" });
        }
        threats.set(id, {
          id,
          title: t.title.slice(0, 300),
          category,
          stage: "build",
          description: (t.description ?? "").slice(0, 4000),
          likelihood: "medium",
          impact: IMPACT[(t.severity ?? "").toLowerCase()] ?? "medium",
          status,
          assetIds: [...new Set(on)],
          controls: links,
        });
      });
    });
  });
  const model = { assets, boundaries, controls, threats: [...threats.values()] };
  // Flows can point at cells that are not nodes (or at other flows): keep only real assets.
  const known = new Set(assets.map((a) => a.id));
  for (const t of model.threats) t.assetIds = t.assetIds.filter((a) => known.has(a));
  for (const t of model.threats) {
    const stages = assets.filter((a) => t.assetIds.includes(a.id)).map((a) => a.stage);
    if (stages[0]) t.stage = stages[0];
  }
  return parse(threatModelSchema, model, "$");
}
