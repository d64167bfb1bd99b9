import { describe, expect, it } from "vitest";
import { CHECKS_MD } from "./__fixtures__/checks-md";
import { catalogue } from "./catalogue";

describe("catalogue", () => {
  it("holds the 69 public check ids of CHECKS.md, each exactly once", () => {
    const ids = catalogue.map((c) => c.id);
    for (const [id] of CHECKS_MD) {
      expect(
        ids.filter((x) => x === id),
        `check ${id}`,
      ).toHaveLength(1);
    }
    expect(new Set(ids).size).toBe(ids.length);
    expect(CHECKS_MD).toHaveLength(69);
  });

  it.each(CHECKS_MD.map((row) => [row[0], row] as const))(
    "%s has the category, severity and sources of CHECKS.md",
    (id, row) => {
      const [, category, severity, sources] = row;
      const def = catalogue.find((c) => c.id === id);
      expect(def?.category).toBe(category);
      expect(def?.severity).toBe(severity);
      // A check CHECKS.md marks as wf/files must say so, or `gatehouse scan` would skip it.
      for (const s of sources) expect(def?.from, `${id} from`).toContain(s);
    },
  );

  it("gives every check a title, a rationale and a remediation", () => {
    for (const def of catalogue) {
      expect(def.title.trim(), def.id).not.toBe("");
      expect(def.rationale.trim().length, `${def.id} rationale`).toBeGreaterThan(20);
      expect(def.remediation.trim().length, `${def.id} remediation`).toBeGreaterThan(10);
      expect(def.from.length, `${def.id} from`).toBeGreaterThan(0);
    }
  });
});
