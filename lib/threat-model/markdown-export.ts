// THREATS.md: the model as a human-readable file that can live in the repository, per
// asset, threat and control. Every field is one `- key: value` line with newlines and
// backslashes escaped, so the importer reads back exactly what was written. Only the
// `Revision:` and `Exported:` lines carry per-export data; the importer ignores them.
import {
  STAGE_LABELS,
  STRIDE_LABELS,
  type Asset,
  type Boundary,
  type Control,
  type Threat,
  type ThreatModel,
} from "./model";

export const MARKDOWN_MARKER = "<!-- gatehouse-threat-model v1 -->";

export function escapeValue(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/\r/g, "\\r");
}

const field = (key: string, value: string) => `- ${key}: ${escapeValue(value)}`;

function asset(a: Asset): string[] {
  return [
    `### ${escapeValue(a.name)}`,
    "",
    field("id", a.id),
    field("kind", a.kind),
    field("stage", a.stage),
    field("state", a.state),
    field("origin", a.origin),
    field("detail", a.detail),
  ];
}

function boundary(b: Boundary): string[] {
  return [
    `### ${escapeValue(b.name)}`,
    "",
    field("id", b.id),
    field("from", b.from ?? ""),
    field("to", b.to ?? ""),
  ];
}

function threat(t: Threat): string[] {
  return [
    `### ${escapeValue(t.title)}`,
    "",
    field("id", t.id),
    field("category", t.category),
    field("stage", t.stage),
    field("likelihood", t.likelihood),
    field("impact", t.impact),
    field("status", t.status),
    field("assets", t.assetIds.join(", ")),
    field("controls", t.controls.map((l) => `${l.controlId} (${l.status})`).join(", ")),
    field("description", t.description),
  ];
}

function control(c: Control): string[] {
  if (c.kind === "check")
    return [`### Check ${escapeValue(c.check)}`, "", field("id", c.id), field("check", c.check)];
  return [
    `### ${escapeValue(c.title)}`,
    "",
    field("id", c.id),
    field("manual", "yes"),
    field("owner", c.owner),
    field("note", c.note),
  ];
}

function section(title: string, blocks: string[][]): string[] {
  const out = [`## ${title}`, ""];
  for (const b of blocks) out.push(...b, "");
  return out;
}

export interface MarkdownMeta {
  repository: string;
  revision: number;
  exportedAt: string;
}

export function exportMarkdown(model: ThreatModel, meta: MarkdownMeta): string {
  const summary = Object.entries(STRIDE_LABELS)
    .map(([k, label]) => `${label}: ${model.threats.filter((t) => t.category === k).length}`)
    .join(" · ");
  const lines = [
    `# Threat model: ${escapeValue(meta.repository)}`,
    "",
    MARKDOWN_MARKER,
    "",
    `Revision: ${meta.revision}`,
    `Exported: ${meta.exportedAt}`,
    "",
    `Stages: ${Object.values(STAGE_LABELS).join(" → ")}. Threats by STRIDE category: ${summary}.`,
    "",
    ...section("Assets", model.assets.map(asset)),
    ...section("Trust boundaries", model.boundaries.map(boundary)),
    ...section("Threats", model.threats.map(threat)),
    ...section("Controls", model.controls.map(control)),
  ];
  return lines.join("\n").replace(/\n+$/, "\n");
}
