// Test helpers for the workflow checks: facts holding given workflow files over the
// shared safe baseline (testing/facts), and a default check context.
import type { RepoFacts } from "../../facts/types";
import type { FactsOverrides } from "../../../testing/facts";
import { makeFacts } from "../../../testing/facts";
import { defaultPolicy, makeCheckContext } from "../../policy";
import type { CheckDefinition, CheckOutcome } from "../types";

export const ctx = makeCheckContext(defaultPolicy, "acme/api", new Date("2026-06-01T00:00:00Z"));

export function factsWith(files: Record<string, string>, overrides: FactsOverrides = {}): RepoFacts {
  return makeFacts({ files: Object.entries(files).map(([path, text]) => ({ path, text })), ...overrides });
}

/** Runs a check on one workflow file (`.github/workflows/ci.yml`). */
export function runOn(
  check: CheckDefinition,
  workflow: string,
  overrides: FactsOverrides = {},
): CheckOutcome {
  return check.run(factsWith({ ".github/workflows/ci.yml": workflow }, overrides), ctx);
}

/** Lines of the findings, for asserting where they point. */
export function lines(o: CheckOutcome): number[] {
  return o.findings.map((f) => (f.evidence.kind === "file" ? f.evidence.line : -1));
}
