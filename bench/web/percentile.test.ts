import { describe, expect, it } from "vitest";
import { percentile } from "./percentile";

describe("percentile", () => {
  it("is the nearest rank: p50 of 1..10 is 5, p95 is 10, p100 the maximum", () => {
    const values = [7, 3, 10, 1, 5, 2, 9, 4, 8, 6];
    expect(percentile(values, 50)).toBe(5);
    expect(percentile(values, 95)).toBe(10);
    expect(percentile(values, 90)).toBe(9);
    expect(percentile(values, 100)).toBe(10);
  });

  it("ranks 100 values so that p95 is the 95th smallest, and leaves its input unsorted", () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(values, 95)).toBe(95);
    expect(percentile(values, 50)).toBe(50);
    expect(values[0]).toBe(100);
  });

  it("refuses no values and out-of-range percentiles, naming them", () => {
    expect(() => percentile([], 50)).toThrow(/no values/);
    expect(() => percentile([1], 0)).toThrow(/got 0/);
    expect(() => percentile([1], 101)).toThrow(/got 101/);
  });
});
