import { describe, expect, it } from "vitest";
import { extend } from "./extend";

describe("extend", () => {
  it("gives the spread's keys, order and values, and leaves base alone", () => {
    const base = { status: "fail", findings: [1], reason: "r" };
    const extra = { findings: [], checkId: "c", severity: "high" };
    const out = extend(base, extra);
    expect(Object.entries(out)).toEqual(Object.entries({ ...base, ...extra }));
    expect(JSON.stringify(out)).toBe(
      '{"status":"fail","findings":[],"reason":"r","checkId":"c","severity":"high"}',
    );
    expect(base).toEqual({ status: "fail", findings: [1], reason: "r" });
  });
});
