import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { CATEGORIES, SEVERITIES } from "../checks/types";
import type { CheckResult, Policy } from "../checks/types";
import { defaultPolicy } from "../policy/default";
import { scoreResults } from "./score";

const arbResult: fc.Arbitrary<CheckResult> = fc
  .record({
    category: fc.constantFrom(...CATEGORIES),
    severity: fc.constantFrom(...SEVERITIES),
    status: fc.constantFrom("pass" as const, "fail" as const, "not-applicable" as const, "unknown" as const),
    findingSeverities: fc.array(fc.option(fc.constantFrom(...SEVERITIES), { nil: undefined }), {
      maxLength: 3,
    }),
    suppressed: fc.array(fc.boolean(), { maxLength: 3 }),
  })
  .map(({ category, severity, status, findingSeverities, suppressed }) => ({
    checkId: "c",
    category,
    severity,
    status,
    findings: findingSeverities.map((s, i) => ({
      message: "m",
      evidence: { kind: "api" as const, field: "f", value: 1 },
      remediation: "r",
      confidence: "high" as const,
      ...(s ? { severity: s } : {}),
      ...(suppressed[i] ? { suppressed: { by: "inline" as const, reason: "r" } } : {}),
    })),
  }));

const arbPolicy: fc.Arbitrary<Policy> = fc
  .record({
    critical: fc.double({ min: 0.01, max: 1000, noNaN: true }),
    high: fc.double({ min: 0.01, max: 1000, noNaN: true }),
    medium: fc.double({ min: 0.01, max: 1000, noNaN: true }),
    low: fc.double({ min: 0.01, max: 1000, noNaN: true }),
  })
  .map((weights) => ({ ...defaultPolicy, weights }));

const numbers = (scores: ReturnType<typeof scoreResults>): Array<number | null> => [
  ...Object.values(scores.categories),
  scores.overall,
];

describe("scoring properties", () => {
  it("keeps every score within 0..100 and coverage within 0..1", () => {
    fc.assert(
      fc.property(fc.array(arbResult, { maxLength: 40 }), arbPolicy, (results, policy) => {
        const scores = scoreResults(results, policy);
        for (const value of numbers(scores)) {
          if (value === null) continue;
          expect(value).toBeGreaterThanOrEqual(0);
          expect(value).toBeLessThanOrEqual(100);
        }
        expect(scores.coverage).toBeGreaterThanOrEqual(0);
        expect(scores.coverage).toBeLessThanOrEqual(1);
        expect(
          scores.counts.pass + scores.counts.fail + scores.counts.notApplicable + scores.counts.unknown,
        ).toBe(results.length);
      }),
    );
  });

  it("never raises a score when a failure is added", () => {
    fc.assert(
      fc.property(fc.array(arbResult, { maxLength: 30 }), arbResult, arbPolicy, (results, extra, policy) => {
        const failing: CheckResult = {
          ...extra,
          status: "fail",
          findings: extra.findings.map(({ suppressed: _s, ...f }) => f),
        };
        const before = scoreResults(results, policy);
        const after = scoreResults([...results, failing], policy);
        const category = failing.category;
        expect(after.categories[category]).not.toBeNull();
        if (before.categories[category] !== null)
          expect(after.categories[category]!).toBeLessThanOrEqual(before.categories[category]!);
      }),
    );
  });

  it("never raises a score when a pass turns into a failure", () => {
    fc.assert(
      fc.property(
        fc.array(arbResult, { minLength: 1, maxLength: 30 }),
        fc.nat(),
        arbPolicy,
        (results, pick, policy) => {
          const index = pick % results.length;
          const passing = results.map((r, i) => (i === index ? { ...r, status: "pass" as const } : r));
          const target = passing[index]!;
          const failing = passing.map((r, i) =>
            i === index
              ? {
                  ...r,
                  status: "fail" as const,
                  findings: target.findings.map(({ suppressed: _s, ...f }) => f),
                }
              : r,
          );
          const before = scoreResults(passing, policy).categories[target.category]!;
          const after = scoreResults(failing, policy).categories[target.category]!;
          expect(after).toBeLessThanOrEqual(before);
        },
      ),
    );
  });
});
