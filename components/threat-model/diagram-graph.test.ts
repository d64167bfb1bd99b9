import { describe, expect, it } from "vitest";
import { makeFacts } from "@/testing/facts";
import { generateThreatModel } from "@/lib/threat-model/generate";
import { liveThreats } from "@/lib/threat-model/live-status";
import { buildDiagram } from "./diagram-graph";

describe("buildDiagram", () => {
  const model = generateThreatModel(makeFacts({ files: [{ path: ".github/workflows/ci.yml", text: "" }] }));
  const { nodes, edges } = buildDiagram(model, liveThreats(model, { "force-push": "fail" }));
  const at = (id: string) => nodes.find((n) => n.id === id)!;

  it("lays stages out in pipeline order with the trust boundaries between them", () => {
    const ys = ["source", "build", "registry", "deploy"].map((s) => at(`stage:${s}`).y);
    expect([...ys].sort((a, b) => a - b)).toEqual(ys);
    expect(edges.filter((e) => e.boundary).map((e) => e.label)).toEqual([
      "trust boundary: Source → Build",
      "trust boundary: Build → Registry",
      "trust boundary: Registry → Deploy",
    ]);
  });

  it("puts assets under their stage and open threats under their assets", () => {
    const wf = at("asset:workflow:.github/workflows/ci.yml");
    expect(wf.y).toBeGreaterThan(at("stage:build").y);
    expect(wf.y).toBeLessThan(at("stage:registry").y);
    const injection = at("threat:threat:build-injection");
    expect(injection.y).toBeGreaterThan(wf.y);
    expect(at("threat:threat:unauthorised-deployment").tone).toBe("threat-failing");
    expect(injection.target).toEqual({ kind: "threat", id: "threat:build-injection" });
  });
});
