import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { makeEnvironment, makeFacts } from "../../testing/facts";
import { generateThreatModel } from "./generate";
import { modelArbitrary } from "./arbitrary.test-helpers";
import { mergeChanges, mergeGenerated, resolveProposal } from "./merge";
import type { ThreatModel } from "./model";

// makeFacts merges partial settings over the well-configured baseline.
const makeSettings = (s: NonNullable<Parameters<typeof makeFacts>[0]>["settings"]) => s;

const wf = (path: string) => ({ path, text: "on: push\n" });
const base = makeFacts({
  files: [wf(".github/workflows/ci.yml"), wf(".github/workflows/old.yml")],
  settings: makeSettings({
    environments: [makeEnvironment({ name: "staging", secretNames: [] })],
    secrets: [],
  }),
});

describe("mergeGenerated", () => {
  const first = generateThreatModel(base);
  // The engineer edits: a threat's status, a manual control, an own threat.
  const edited = {
    ...first,
    controls: [
      ...first.controls,
      { id: "c-review", kind: "manual" as const, title: "Quarterly review", owner: "alice", note: "" },
    ],
    threats: [
      ...first.threats.map((t) =>
        t.id === "threat:build-injection"
          ? { ...t, status: "accepted" as const, title: "Injected builds" }
          : t,
      ),
      {
        id: "t-own",
        title: "Own threat",
        category: "repudiation" as const,
        stage: "build" as const,
        description: "",
        likelihood: "low" as const,
        impact: "low" as const,
        status: "open" as const,
        assetIds: ["workflow:.github/workflows/old.yml"],
        controls: [{ controlId: "c-review", status: "planned" as const }],
      },
    ],
  };
  const next = makeFacts({
    files: [wf(".github/workflows/ci.yml"), wf(".github/workflows/deploy.yml")],
    settings: makeSettings({
      environments: [
        makeEnvironment({ name: "staging", secretNames: [] }),
        makeEnvironment({ name: "production", secretNames: [] }),
      ],
      secrets: [],
    }),
  });
  const merged = mergeGenerated(edited, generateThreatModel(next));

  it("proposes new assets and flags removed ones without deleting them", () => {
    expect(merged.proposed).toEqual(["workflow:.github/workflows/deploy.yml", "environment:production"]);
    expect(merged.removed).toEqual(["workflow:.github/workflows/old.yml"]);
    const state = Object.fromEntries(merged.model.assets.map((a) => [a.id, a.state]));
    expect(state["workflow:.github/workflows/old.yml"]).toBe("removed");
    expect(state["workflow:.github/workflows/deploy.yml"]).toBe("proposed");
    expect(state["workflow:.github/workflows/ci.yml"]).toBe("active");
  });

  it("never destroys edits", () => {
    expect(merged.model.controls).toEqual(edited.controls);
    const own = merged.model.threats.find((t) => t.id === "t-own")!;
    expect(own).toEqual(edited.threats.find((t) => t.id === "t-own"));
    const bi = merged.model.threats.find((t) => t.id === "threat:build-injection")!;
    expect([bi.title, bi.status]).toEqual(["Injected builds", "accepted"]);
    expect(bi.assetIds).toContain("workflow:.github/workflows/deploy.yml");
  });

  it("is stable: merging the same facts again changes nothing", () => {
    const again = mergeGenerated(merged.model, generateThreatModel(next));
    expect(again.changed).toBe(false);
    expect(again.model).toEqual(merged.model);
  });

  it("accepting activates a proposal; rejecting drops it and its links", () => {
    const id = "environment:production";
    expect(resolveProposal(merged.model, id, true).assets.find((a) => a.id === id)?.state).toBe("active");
    const rejected = resolveProposal(merged.model, id, false);
    expect(rejected.assets.some((a) => a.id === id)).toBe(false);
    expect(rejected.threats.some((t) => t.assetIds.includes(id))).toBe(false);
  });
});

describe("mergeChanges", () => {
  // Regeneration skips a model when mergeChanges says nothing changes, reading only its
  // assets: it must agree with what the full merge does to the whole model.
  it("is true exactly when the merge alters the model", () => {
    fc.assert(
      fc.property(modelArbitrary, fc.array(fc.boolean()), modelArbitrary, (current, keep, extra) => {
        const ids = new Set(current.assets.map((a) => a.id));
        const asGenerated = (a: ThreatModel["assets"][number]) => ({
          ...a,
          origin: "generated" as const,
          state: "active" as const,
        });
        const generated = {
          ...extra,
          assets: [
            ...current.assets.filter((_, i) => keep[i]).map(asGenerated),
            ...extra.assets.filter((a) => !ids.has(a.id)).map(asGenerated),
          ],
        };
        const merged = mergeGenerated(current, generated);
        expect(mergeChanges(current.assets, generated.assets)).toBe(merged.changed);
        // (JSON, not a deep equal: the arbitrary's objects have no prototype, the merge's do.)
        expect(merged.changed).toBe(JSON.stringify(merged.model) !== JSON.stringify(current));
      }),
      { numRuns: 100 },
    );
  });
});
