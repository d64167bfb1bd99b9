// The model as an OWASP Threat Dragon v2 file (valid against its own v2 schema): one
// STRIDE diagram with a column of cells per stage, the stage boundaries as trust-boundary
// curves, and each threat on the cells of its assets. Threat Dragon has one mitigation
// text per threat, so the controls are written into it; Gatehouse's own fields ride in
// `data.gatehouse` so an exported file imports back without losing asset kinds.
import { STAGES, type Asset, type Control, type Threat, type ThreatModel } from "./model";

const TD_VERSION = "2.2.0";
const SHAPE: Record<Asset["kind"], { shape: string; type: string }> = {
  repository: { shape: "store", type: "tm.Store" },
  workflow: { shape: "process", type: "tm.Process" },
  dockerfile: { shape: "process", type: "tm.Process" },
  "base-image": { shape: "store", type: "tm.Store" },
  "registry-image": { shape: "store", type: "tm.Store" },
  "k8s-manifest": { shape: "store", type: "tm.Store" },
  secret: { shape: "store", type: "tm.Store" },
  environment: { shape: "process", type: "tm.Process" },
  other: { shape: "process", type: "tm.Process" },
};
export const TD_STRIDE: Record<Threat["category"], string> = {
  spoofing: "Spoofing",
  tampering: "Tampering",
  repudiation: "Repudiation",
  "information-disclosure": "Information disclosure",
  "denial-of-service": "Denial of service",
  "elevation-of-privilege": "Elevation of privilege",
};
const TD_STATUS: Record<Threat["status"], string> = {
  open: "Open",
  mitigated: "Mitigated",
  accepted: "NotApplicable",
  transferred: "NotApplicable",
};
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function mitigation(t: Threat, controls: Map<string, Control>): string {
  return t.controls
    .map((l) => {
      const c = controls.get(l.controlId);
      if (!c) return null;
      const what =
        c.kind === "check" ? `check ${c.check}` : `${c.title}${c.owner ? ` (owner ${c.owner})` : ""}`;
      return `${what}: ${l.status}`;
    })
    .filter(Boolean)
    .join("\n");
}

export function exportThreatDragon(model: ThreatModel, meta: { repository: string; revision: number }) {
  const controls = new Map(model.controls.map((c) => [c.id, c]));
  const cells: Record<string, unknown>[] = [];
  let z = 1;
  let number = 0;
  STAGES.forEach((stage, column) => {
    model.assets
      .filter((a) => a.stage === stage)
      .forEach((a, row) => {
        const threats = model.threats
          .filter((t) => t.assetIds.includes(a.id))
          .map((t) => ({
            id: t.id,
            threatId: t.id,
            number: ++number,
            title: t.title,
            type: TD_STRIDE[t.category],
            modelType: "STRIDE",
            status: TD_STATUS[t.status],
            severity: cap(t.impact),
            score: "",
            description: t.description,
            mitigation: mitigation(t, controls),
          }));
        cells.push({
          id: a.id,
          shape: SHAPE[a.kind].shape,
          zIndex: z++,
          visible: true,
          position: { x: 40 + column * 260, y: 60 + row * 110 },
          size: { width: 200, height: 80 },
          attrs: {
            text: { text: a.name },
            body: { stroke: "#333333", strokeWidth: 1, strokeDasharray: null },
          },
          data: {
            name: a.name,
            description: a.detail,
            type: SHAPE[a.kind].type,
            isTrustBoundary: false,
            outOfScope: a.state === "removed",
            reasonOutOfScope: a.state === "removed" ? "no longer in the repository" : "",
            hasOpenThreats: threats.some((t) => t.status === "Open"),
            threats,
            gatehouse: { kind: a.kind, stage: a.stage, state: a.state, origin: a.origin },
          },
        });
      });
  });
  model.boundaries.forEach((b) => {
    const column = b.to ? STAGES.indexOf(b.to) : 0;
    const x = 20 + column * 260;
    cells.push({
      id: b.id,
      shape: "trust-boundary-curve",
      zIndex: z++,
      connector: "smooth",
      source: { x, y: 20 },
      target: { x, y: 720 },
      attrs: {
        line: {
          stroke: "red",
          strokeWidth: 3,
          strokeDasharray: "10 5",
          targetMarker: { name: "" },
          sourceMarker: { name: "" },
        },
      },
      data: {
        name: b.name,
        description: "",
        type: "tm.Boundary",
        isTrustBoundary: true,
        hasOpenThreats: false,
      },
    });
  });
  return {
    version: TD_VERSION,
    summary: {
      title: `Threat model of ${meta.repository}`,
      owner: "Gatehouse",
      description: `Exported by Gatehouse from revision ${meta.revision}.`,
      id: 0,
    },
    detail: {
      contributors: [],
      diagrams: [
        {
          id: 0,
          title: "CI/CD pipeline",
          diagramType: "STRIDE",
          placeholder: "Source → build → registry → deploy",
          thumbnail: "./public/content/images/thumbnail.stride.jpg",
          version: TD_VERSION,
          description: `The pipeline of ${meta.repository}`,
          cells,
        },
      ],
      diagramTop: 1,
      reviewer: "",
      threatTop: number,
    },
  };
}
