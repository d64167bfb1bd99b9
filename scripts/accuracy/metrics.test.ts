import { describe, expect, it } from "vitest";
import { parseLabels } from "./labels";
import { overall, scoreCases } from "./metrics";

describe("parseLabels", () => {
  it("reads expect and clean lines", () => {
    const labels = parseLabels(
      "a.yml",
      "# expect: template-injection, cache-poisoning\n# clean: unpinned-action\non: push\n",
    );
    expect(labels).toEqual({ expect: ["template-injection", "cache-poisoning"], clean: ["unpinned-action"] });
  });

  it("names the file and line of a malformed label", () => {
    expect(() => parseLabels("b.yml", "on: push\n# expect: Not_An_Id\n")).toThrow(
      'b.yml:2: "Not_An_Id" is not a check id',
    );
    expect(() => parseLabels("c.yml", "# clean:\n")).toThrow("c.yml:1: `clean:` names no check");
  });

  it("refuses a case with no label or a check both expected and clean", () => {
    expect(() => parseLabels("d.yml", "on: push\n")).toThrow("d.yml: no `# expect:` or `# clean:` label");
    expect(() => parseLabels("e.yml", "# expect: x\n# clean: x\n")).toThrow(
      "e.yml: x both expected and clean",
    );
  });
});

describe("scoreCases", () => {
  it("computes recall and false-positive share per check and overall", () => {
    const scores = scoreCases([
      { file: "1.yml", labels: { expect: ["a"], clean: ["b"] }, reported: new Set(["a", "b"]) },
      { file: "2.yml", labels: { expect: ["a"], clean: [] }, reported: new Set() },
      { file: "3.yml", labels: { expect: ["b"], clean: ["a"] }, reported: new Set(["b"]) },
    ]);
    const a = scores.find((s) => s.check === "a");
    const b = scores.find((s) => s.check === "b");
    expect(a).toMatchObject({
      expected: 2,
      found: 1,
      recall: 0.5,
      falsePositives: 0,
      fpShare: 0,
      misses: ["2.yml"],
    });
    expect(b).toMatchObject({ expected: 1, found: 1, recall: 1, falsePositives: 1, fpShare: 0.5 });
    expect(b?.falsePositiveFiles).toEqual(["1.yml"]);
    expect(overall(scores)).toEqual({ recall: 2 / 3, fpShare: 1 / 3 });
  });

  it("leaves recall and share empty when a check has nothing to judge", () => {
    const [s] = scoreCases([{ file: "1.yml", labels: { expect: [], clean: ["a"] }, reported: new Set() }]);
    expect(s).toMatchObject({ recall: null, fpShare: null });
  });
});
