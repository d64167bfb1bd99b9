import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyzeExpression } from "../expressions/context-paths";
import { findExpressions } from "../expressions/find-expressions";
import { parseWorkflow } from "./parse-workflow";

const CORPUS = path.join(__dirname, "__fixtures__", "corpus");
const samples = readdirSync(CORPUS, { recursive: true, encoding: "utf8" })
  .filter((f) => /\.ya?ml$/.test(f))
  .slice(0, 40)
  .map((f) => readFileSync(path.join(CORPUS, f), "utf8"));

const noise = fc.constantFrom(
  "${{",
  "}}",
  "&a ",
  "*a",
  "<<: *a",
  "[",
  "{",
  "'",
  '"',
  ":\n",
  "\n  - ",
  "__proto__: 1\n",
  "\t",
  "---\n",
  "!!binary ",
  "? ",
);

describe("parseWorkflow never throws", () => {
  it("on arbitrary text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (s) => {
        const r = parseWorkflow("a.yml", s);
        expect(typeof r.ok).toBe("boolean");
      }),
      { numRuns: 300 },
    );
  });

  it("on real workflows cut and spliced with YAML/expression noise", () => {
    fc.assert(
      fc.property(
        fc.nat({ max: samples.length - 1 }),
        fc.nat(),
        fc.array(noise, { maxLength: 8 }),
        (i, at, bits) => {
          const text = samples[i]!;
          const cut = at % (text.length + 1);
          const r = parseWorkflow("a.yml", text.slice(0, cut) + bits.join("") + text.slice(cut));
          if (!r.ok) expect(r.error.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("expression helpers accept any input", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        findExpressions(s);
        const a = analyzeExpression(s);
        expect(Array.isArray(a.contexts)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
