import { describe, expect, it } from "vitest";
import { catalogue } from "../../checks/catalogue";
import { FRAMEWORK_IDS, allFrameworks, getFramework } from "./index";
import { frameworkSchema } from "./schema";

describe("framework mappings", () => {
  it("loads all six frameworks, each validated by the schema", () => {
    expect(allFrameworks().map((f) => f.id)).toEqual([...FRAMEWORK_IDS]);
    for (const fw of allFrameworks()) expect(fw.source.url).toMatch(/^https:\/\//);
  });

  it("maps every catalogue check to at least one control", () => {
    const mapped = new Set(allFrameworks().flatMap((f) => f.controls.flatMap((c) => c.checks)));
    const missing = catalogue.map((c) => c.id).filter((id) => !mapped.has(id));
    expect(missing).toEqual([]);
  });

  it("names only checks of the catalogue", () => {
    const ids = new Set(catalogue.map((c) => c.id));
    for (const fw of allFrameworks())
      for (const c of fw.controls)
        for (const check of c.checks) expect(ids.has(check), `${fw.id} ${c.id} → ${check}`).toBe(true);
  });

  it("holds the control ids the issue names as examples", () => {
    const ids = (fw: (typeof FRAMEWORK_IDS)[number]) => getFramework(fw).controls.map((c) => c.id);
    expect(ids("soc2")).toEqual(expect.arrayContaining(["CC6.1", "CC6.6", "CC7.1", "CC8.1"]));
    expect(ids("iso27001")).toEqual(expect.arrayContaining(["5.15", "8.4", "8.25", "8.28", "8.32"]));
    expect(ids("ssdf").every((id) => /^(PO|PS|PW|RV)\.\d+$/.test(id))).toBe(true);
    expect(ids("osps-baseline").every((id) => /^OSPS-[A-Z]{2}-\d{2}$/.test(id))).toBe(true);
  });

  it("CIS: sections and recommendation ids confirmed against chain-bench's metadata say so", () => {
    const cis = getFramework("cis-ssc");
    const verified = cis.controls.filter((c) => c.verifiedAgainst).map((c) => c.id);
    expect(verified).toEqual(["1.1", "1.3", "2.3", "2.4", "3.1", "3.2"]);
    for (const c of cis.controls.filter((x) => x.verifiedAgainst)) {
      expect(c.verifiedAgainst).toMatch(
        /^https:\/\/github\.com\/aquasecurity\/chain-bench\/blob\/[0-9a-f]{40}\//,
      );
      expect(c.recommendations?.length, c.id).toBeGreaterThan(0);
    }
    // Signed commits and force pushes are code-change recommendations (1.1.12, 1.1.16), not repository management.
    const of = (check: string) => cis.controls.filter((c) => c.checks.includes(check)).map((c) => c.id);
    expect(of("signed-commits")).toEqual(["1.1"]);
    expect(of("force-push")).toEqual(["1.1"]);
  });

  it("rejects a recommendation outside its control", () => {
    const base = getFramework("cis-ssc");
    const bad = { ...base, controls: [{ ...base.controls[0]!, recommendations: ["2.4.2"] }] };
    expect(frameworkSchema.safeParse(bad).success).toBe(false);
  });

  it("rejects a duplicate control, an over-long title and an unknown framework", () => {
    const base = getFramework("soc2");
    const dup = { ...base, controls: [base.controls[0], base.controls[0]] };
    expect(frameworkSchema.safeParse(dup).success).toBe(false);
    const long = { ...base, controls: [{ ...base.controls[0]!, title: "x".repeat(200) }] };
    expect(frameworkSchema.safeParse(long).success).toBe(false);
    expect(frameworkSchema.safeParse({ ...base, id: "pci" }).success).toBe(false);
  });
});
