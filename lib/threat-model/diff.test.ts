import { describe, expect, it } from "vitest";
import { makeFacts } from "../../testing/facts";
import { describeChange, diffModels } from "./diff";
import { generateThreatModel } from "./generate";

describe("diffModels", () => {
  it("names what was added, removed and which fields changed", () => {
    const before = generateThreatModel(
      makeFacts({ files: [{ path: ".github/workflows/ci.yml", text: "" }] }),
    );
    const after = {
      ...before,
      assets: before.assets.filter((a) => a.kind !== "workflow"),
      controls: [
        ...before.controls,
        { id: "m1", kind: "manual" as const, title: "Runbook", owner: "bob", note: "" },
      ],
      threats: before.threats.map((t) =>
        t.id === "threat:build-injection" ? { ...t, status: "accepted" as const, impact: "low" as const } : t,
      ),
    };
    expect(diffModels(before, after).map(describeChange)).toEqual([
      "asset “.github/workflows/ci.yml” removed",
      "control “Runbook” added",
      "threat “Build injection” changed: impact, status",
    ]);
    expect(diffModels(after, after)).toEqual([]);
  });
});
