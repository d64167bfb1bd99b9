// The data-flow diagram's graph, laid out by dagre (computed, never hand-placed): the
// stages top to bottom joined by their trust boundaries, each stage's assets under it,
// and each open threat under the assets it sits on. Pure: the page renders the result.
import dagre from "@dagrejs/dagre";
import type { ThreatView } from "@/lib/threat-model/live-status";
import { STAGES, STAGE_LABELS, type ThreatModel } from "@/lib/threat-model/model";

export type DiagramTarget =
  { kind: "stage"; id: string } | { kind: "asset"; id: string } | { kind: "threat"; id: string };

export interface DiagramNode {
  id: string;
  label: string;
  target: DiagramTarget;
  x: number;
  y: number;
  width: number;
  height: number;
  tone: "stage" | "asset" | "asset-flagged" | "threat" | "threat-failing";
}

export interface DiagramEdge {
  id: string;
  source: string;
  target: string;
  label?: string;
  boundary: boolean;
}

const SIZE = { stage: [170, 44], asset: [210, 48], threat: [210, 56] } as const;

export function buildDiagram(
  model: ThreatModel,
  threats: ThreatView[],
): { nodes: DiagramNode[]; edges: DiagramEdge[] } {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: "TB", nodesep: 24, ranksep: 40, marginx: 8, marginy: 8 });
  g.setDefaultEdgeLabel(() => ({}));
  const nodes: Omit<DiagramNode, "x" | "y">[] = [];
  const edges: DiagramEdge[] = [];
  const add = (n: Omit<DiagramNode, "x" | "y">) => {
    nodes.push(n);
    g.setNode(n.id, { width: n.width, height: n.height });
  };
  const link = (e: DiagramEdge, minlen = 1) => {
    edges.push(e);
    g.setEdge(e.source, e.target, { minlen });
  };
  for (const stage of STAGES)
    add({
      id: `stage:${stage}`,
      label: STAGE_LABELS[stage],
      target: { kind: "stage", id: stage },
      tone: "stage",
      width: SIZE.stage[0],
      height: SIZE.stage[1],
    });
  STAGES.slice(1).forEach((to, i) => {
    const from = STAGES[i]!;
    const boundary = model.boundaries.find((b) => b.from === from && b.to === to);
    // minlen 3 leaves a row for the stage's assets and one for their threats.
    link(
      {
        id: `flow:${from}-${to}`,
        source: `stage:${from}`,
        target: `stage:${to}`,
        label: boundary ? `trust boundary: ${boundary.name}` : undefined,
        boundary: !!boundary,
      },
      3,
    );
  });
  for (const a of model.assets) {
    const flagged = a.state !== "active";
    add({
      id: `asset:${a.id}`,
      label: flagged ? `${a.name} (${a.state})` : a.name,
      target: { kind: "asset", id: a.id },
      tone: flagged ? "asset-flagged" : "asset",
      width: SIZE.asset[0],
      height: SIZE.asset[1],
    });
    link({ id: `in:${a.id}`, source: `stage:${a.stage}`, target: `asset:${a.id}`, boundary: false });
  }
  for (const t of threats) {
    if (t.effectiveStatus !== "open") continue;
    add({
      id: `threat:${t.id}`,
      label: t.title,
      target: { kind: "threat", id: t.id },
      tone: t.basis === "failing" ? "threat-failing" : "threat",
      width: SIZE.threat[0],
      height: SIZE.threat[1],
    });
    const on = t.assetIds.filter((id) => g.hasNode(`asset:${id}`));
    if (on.length === 0)
      link(
        {
          id: `at:${t.id}:${t.stage}`,
          source: `stage:${t.stage}`,
          target: `threat:${t.id}`,
          boundary: false,
        },
        2,
      );
    for (const id of on)
      link({ id: `at:${t.id}:${id}`, source: `asset:${id}`, target: `threat:${t.id}`, boundary: false });
  }
  dagre.layout(g);
  return {
    nodes: nodes.map((n) => {
      const p = g.node(n.id);
      return { ...n, x: p.x - n.width / 2, y: p.y - n.height / 2 };
    }),
    edges,
  };
}
