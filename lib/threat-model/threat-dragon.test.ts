import { readFileSync } from "node:fs";
import path from "node:path";
import Ajv from "ajv";
import { describe, expect, it } from "vitest";
import { makeEnvironment, makeFacts } from "../../testing/facts";
import { generateThreatModel } from "./generate";
import { ImportError } from "./safe-json";
import { exportThreatDragon } from "./threat-dragon-export";
import { importThreatDragon } from "./threat-dragon-import";

// makeFacts merges partial settings over the well-configured baseline.
const makeSettings = (s: NonNullable<Parameters<typeof makeFacts>[0]>["settings"]) => s;

const here = path.dirname(new URL(import.meta.url).pathname);
const schema = JSON.parse(readFileSync(path.join(here, "schema/threat-dragon-v2.schema.json"), "utf8"));
const fixture = readFileSync(path.join(here, "__fixtures__/two-diagrams.td.json"), "utf8");

function refusal(text: string): string {
  try {
    importThreatDragon(text);
  } catch (error) {
    if (error instanceof ImportError) return error.message;
    throw error;
  }
  throw new Error("the file was accepted");
}

const facts = makeFacts({
  files: [{ path: ".github/workflows/ci.yml", text: "on: push\n" }],
  registry: {
    images: [
      { name: "ghcr.io/acme/api", latestDigest: null, tags: [], signed: null, provenance: null, sbom: null },
    ],
  },
  settings: makeSettings({ environments: [makeEnvironment({ name: "production", secretNames: [] })] }),
});

describe("Threat Dragon v2", () => {
  const model = generateThreatModel(facts);

  it("exports a file valid against Threat Dragon's own v2 schema", () => {
    const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);
    const file = exportThreatDragon(model, { repository: "acme/api", revision: 2 });
    expect(validate(file) ? [] : validate.errors).toEqual([]);
    // And a refusal shows the validator bites: a diagram without its required id.
    const broken = structuredClone(file) as { detail: { diagrams: Array<Record<string, unknown>> } };
    delete broken.detail.diagrams[0]!.id;
    expect(validate(broken)).toBe(false);
  });

  it("imports its own export back with assets, threats and their places", () => {
    const back = importThreatDragon(
      JSON.stringify(exportThreatDragon(model, { repository: "acme/api", revision: 2 })),
    );
    const key = (a: { id: string; kind: string; stage: string }) => `${a.id} ${a.kind} ${a.stage}`;
    expect(back.assets.map(key).sort()).toEqual(model.assets.map(key).sort());
    const placed = model.threats.filter((t) => t.assetIds.length > 0);
    const tkey = (t: { id: string; category: string; assetIds: string[] }) =>
      `${t.id} ${t.category} ${[...t.assetIds].sort().join(",")}`;
    expect(back.threats.map(tkey).sort()).toEqual(placed.map(tkey).sort());
    expect(back.boundaries.map((b) => b.name)).toEqual([
      "Source → Build",
      "Build → Registry",
      "Registry → Deploy",
    ]);
  });

  it("imports a model drawn in Threat Dragon with several diagrams", () => {
    const m = importThreatDragon(fixture);
    expect(m.assets.map((a) => [a.id, a.name])).toEqual([
      ["a1b2c3d4-0001", "Maintainer"],
      ["a1b2c3d4-0002", "CI runner"],
      ["d1:a1b2c3d4-0001", "Image registry"],
    ]);
    expect(m.assets[2]!.detail).toBe("Deploy: ghcr.io");
    expect(m.boundaries.map((b) => b.name)).toEqual(["Internet / CI"]);
    const byId = Object.fromEntries(m.threats.map((t) => [t.id, t]));
    expect(byId["th-spoof-1"]).toMatchObject({
      category: "spoofing",
      status: "open",
      impact: "high",
      assetIds: ["a1b2c3d4-0001"],
    });
    // A threat on a flow sits on both of its ends.
    expect(byId["th-tamper-1"]).toMatchObject({
      category: "tampering",
      assetIds: ["a1b2c3d4-0001", "a1b2c3d4-0002"],
      controls: [],
    });
    expect(byId["th-info-1"]).toMatchObject({ status: "accepted", assetIds: ["d1:a1b2c3d4-0001"] });
    const mitigation = m.controls.find((c) => c.id === byId["th-eop-1"]!.controls[0]!.controlId);
    expect(mitigation).toMatchObject({ kind: "manual", note: "Ephemeral runners." });
    expect(byId["th-eop-1"]!.controls[0]!.status).toBe("in-place");
  });

  it("refuses bad files naming the JSON path or line", () => {
    expect(refusal('{"summary":{"title":"x"},"detail":{}}')).toBe(
      "$.detail.diagrams: Invalid input: expected array, received undefined",
    );
    const unknown = fixture.replace('"type": "Tampering"', '"type": "Sneaking"');
    expect(refusal(unknown)).toBe(
      '$.detail.diagrams[0].cells[2].data.threats[0].type: "Sneaking" is not a STRIDE category',
    );
    const proto = fixture.replace(
      '"name": "CI runner",',
      '"name": "CI runner", "__proto__": {"polluted": true},',
    );
    expect(refusal(proto)).toBe(
      '$.detail.diagrams[0].cells[1].data.__proto__: the key "__proto__" is not allowed',
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(refusal("[".repeat(100) + "]".repeat(100))).toBe("line 1: nesting deeper than 64 levels");
    expect(refusal(`{"a":"${"x".repeat(10 * 1024 * 1024)}"}`)).toBe("line 1: the file is larger than 10 MB");
    expect(refusal('{\n"summary": \n}')).toMatch(/^line 3: not valid JSON/);
  });
});
