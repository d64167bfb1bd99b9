import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { summariseFramework } from "../control-view";
import { getFramework } from "../frameworks";
import { sampleInput } from "../test-helpers";
import { packInputOf } from "../input";
import {
  addCheckCounts,
  buildAssessmentResults,
  emptyCheckCounts,
  type EvidenceFileRef,
} from "./assessment-results";
import { oscalControlId, stableUuid } from "./uuid";
import { validateAssessmentResults } from "./validate";

const files: EvidenceFileRef[] = [
  { path: "findings.csv", sha256: "1".repeat(64), mediaType: "text/csv", description: "findings" },
  { path: "findings.json", sha256: "2".repeat(64), mediaType: "application/json", description: "findings" },
];

function build(framework: Parameters<typeof getFramework>[0]) {
  const input = sampleInput({ framework });
  const fw = getFramework(framework);
  const counts = emptyCheckCounts(fw);
  addCheckCounts(counts, input.repos);
  const tally = { summaries: summariseFramework(fw, input.repos), counts, repoCount: input.repos.length };
  return buildAssessmentResults(packInputOf(input), fw, tally, files);
}

describe("OSCAL assessment-results", () => {
  it("bundles NIST's schema unedited (the SHA-256 of usnistgov/OSCAL v1.0.6's file)", () => {
    const bundled = readFileSync(new URL("./oscal_assessment-results_schema-1.0.6.json", import.meta.url));
    expect(createHash("sha256").update(bundled).digest("hex")).toBe(
      "73fd7503ec274f5a4039a6dd3976c13ce2052d483a74a87b6e24145d88193cb2",
    );
  });

  it.each(["soc2", "iso27001", "ssdf", "slsa", "cis-ssc", "osps-baseline"] as const)(
    "validates against the OSCAL 1.0.6 schema for %s",
    (fw) => {
      const verdict = validateAssessmentResults(build(fw));
      expect(verdict).toEqual({ ok: true });
    },
  );

  it("links every finding to observations that exist, and observations to hashed evidence", () => {
    const doc = build("soc2")["assessment-results"];
    const result = doc.results[0]!;
    const obs = new Set(result.observations!.map((o) => o.uuid));
    for (const f of result.findings!)
      for (const r of f["related-observations"]) expect(obs.has(r["observation-uuid"])).toBe(true);
    const resources = new Map(doc["back-matter"].resources.map((r) => [r.uuid, r]));
    const cc81 = result.findings!.find((f) => f.title.startsWith("CC8.1"))!;
    expect(cc81.target.status.state).toBe("not-satisfied"); // acme/api fails required-reviews
    const evidence = result.observations![0]!["relevant-evidence"][0] as { href: string };
    const res = resources.get(evidence.href.slice(1)) as unknown as {
      rlinks: { hashes: { value: string }[] }[];
    };
    expect(res.rlinks[0]!.hashes[0]!.value).toMatch(/^[12]{64}$/);
  });

  it("is refused by the schema when a required part is missing or a uuid is malformed", () => {
    const doc = build("soc2");
    const broken = structuredClone(doc) as { "assessment-results": Record<string, unknown> };
    delete broken["assessment-results"]["import-ap"];
    expect(validateAssessmentResults(broken).ok).toBe(false);
    const badUuid = structuredClone(doc);
    badUuid["assessment-results"].uuid = "not-a-uuid";
    expect(validateAssessmentResults(badUuid).ok).toBe(false);
  });

  it("makes tokens of numeric control ids and stable v5-layout uuids", () => {
    expect(oscalControlId("iso27001", "8.32")).toBe("a.8.32");
    expect(oscalControlId("cis-ssc", "2.3")).toBe("cis-ssc-2.3");
    expect(oscalControlId("soc2", "CC8.1")).toBe("cc8.1");
    expect(stableUuid("a")).toBe(stableUuid("a"));
    expect(stableUuid("a")).not.toBe(stableUuid("b"));
    expect(stableUuid("a")).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
