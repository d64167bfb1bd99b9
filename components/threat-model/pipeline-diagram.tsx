"use client";
import { Background, Controls, MarkerType, ReactFlow, type Edge, type Node } from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { useMemo, useSyncExternalStore } from "react";
import type { ThreatView } from "@/lib/threat-model/live-status";
import type { ThreatModel } from "@/lib/threat-model/model";
import { buildDiagram, type DiagramNode, type DiagramTarget } from "./diagram-graph";

const TONE: Record<DiagramNode["tone"], string> = {
  stage: "border-slate-900 bg-slate-900 font-semibold text-white",
  asset: "border-slate-300 bg-white text-slate-900",
  "asset-flagged": "border-dashed border-amber-500 bg-amber-50 text-amber-900",
  threat: "border-red-300 bg-red-50 text-red-900",
  "threat-failing": "border-red-600 bg-red-100 font-semibold text-red-900",
};

const noSubscription = () => () => {};

/**
 * The pipeline as a data-flow diagram (read-only: the model is edited in the forms).
 * Clicking a node shows its threats in the list below. Drawn in the browser only: the
 * dagre layout cost the server about 60 ms of CPU per page view, and the browser lays it
 * out again when it hydrates anyway (an empty box of the same size stands in until then).
 */
export function PipelineDiagram({
  model,
  threats,
  onSelect,
}: {
  model: ThreatModel;
  threats: ThreatView[];
  onSelect: (target: DiagramTarget) => void;
}) {
  const inBrowser = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const { nodes, edges } = useMemo(() => {
    if (!inBrowser) return { nodes: [] as Node[], edges: [] as Edge[] };
    const graph = buildDiagram(model, threats);
    const height = Math.max(...graph.nodes.map((n) => n.y + n.height), 200);
    return {
      height,
      nodes: graph.nodes.map((n): Node => ({
        id: n.id,
        position: { x: n.x, y: n.y },
        data: { label: n.label, target: n.target },
        width: n.width,
        height: n.height,
        draggable: false,
        connectable: false,
        className: `!rounded-md !border !px-2 !py-1 !text-xs ${TONE[n.tone]}`,
        ariaLabel: `${n.target.kind}: ${n.label}`,
      })),
      edges: graph.edges.map((e): Edge => ({
        id: e.id,
        source: e.source,
        target: e.target,
        label: e.label,
        animated: false,
        markerEnd: { type: MarkerType.ArrowClosed },
        style: e.boundary
          ? { stroke: "#dc2626", strokeDasharray: "6 4", strokeWidth: 2 }
          : { stroke: "#94a3b8" },
        labelStyle: { fill: "#991b1b", fontSize: 11 },
      })),
    };
  }, [inBrowser, model, threats]);
  return (
    <div className="h-[560px] rounded-lg border border-slate-200 bg-white" data-testid="threat-diagram">
      {inBrowser ? (
        <ReactFlow
          nodes={nodes}
          edges={edges}
          fitView
          nodesDraggable={false}
          nodesConnectable={false}
          elementsSelectable
          minZoom={0.2}
          onNodeClick={(_, node) => onSelect((node.data as { target: DiagramTarget }).target)}
        >
          <Background gap={24} />
          <Controls showInteractive={false} />
        </ReactFlow>
      ) : null}
    </div>
  );
}
