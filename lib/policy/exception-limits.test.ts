import { describe, expect, it } from "vitest";
import { coversAllRepositories, exceptionLimitErrors } from "./exception-limits";

const now = new Date("2026-03-01T00:00:00Z");
const ex = (id: string, repo: string, expiresAt: string, confirmed?: true) => ({
  id,
  checkId: "signed-commits",
  repo,
  justification: "Bots cannot sign commits yet",
  approver: "sam",
  expiresAt,
  ...(confirmed ? { confirmedAllRepositories: confirmed } : {}),
});

describe("policy exception limits (property: exceptions have limits)", () => {
  it("refuses a lifetime over the maximum, naming the exception and the latest date", () => {
    const errors = exceptionLimitErrors(
      [ex("A", "acme/api", "2027-03-02T00:00:00Z"), ex("B", "acme/api", "2027-03-01T00:00:00Z")],
      ["A", "B"],
      { now, maxLifetimeDays: 365 },
    );
    expect(errors).toEqual([
      "exceptions.A.expiresAt: an exception may last at most 365 days (until 2027-03-01)",
    ]);
  });

  it("uses the configured maximum", () => {
    const e = [ex("A", "acme/api", "2026-04-15T00:00:00Z")];
    expect(exceptionLimitErrors(e, ["A"], { now, maxLifetimeDays: 30 })).toHaveLength(1);
    expect(exceptionLimitErrors(e, ["A"], { now, maxLifetimeDays: 60 })).toEqual([]);
  });

  it("refuses */* unless explicitly confirmed; narrower patterns need nothing", () => {
    expect(coversAllRepositories("*/*")).toBe(true);
    expect(coversAllRepositories("**/*")).toBe(true);
    expect(coversAllRepositories("acme/*")).toBe(false);
    expect(coversAllRepositories("*/api")).toBe(false);
    const errors = exceptionLimitErrors(
      [
        ex("A", "*/*", "2026-06-01T00:00:00Z"),
        ex("B", "*/*", "2026-06-01T00:00:00Z", true),
        ex("C", "acme/*", "2026-06-01T00:00:00Z"),
      ],
      ["A", "B", "C"],
      { now, maxLifetimeDays: 365 },
    );
    expect(errors).toEqual([
      'exceptions.A.repo: "*/*" covers every repository; narrow it, or a security lead confirms it explicitly',
    ]);
  });

  it("checks only the exceptions being approved now", () => {
    const old = ex("OLD", "*/*", "2030-01-01T00:00:00Z");
    expect(exceptionLimitErrors([old], [], { now, maxLifetimeDays: 365 })).toEqual([]);
  });
});
