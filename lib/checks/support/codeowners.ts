import { parseCodeowners, type Codeowners } from "../../analyzers/codeowners/parse-codeowners";
import { locateCodeowners } from "../../analyzers/codeowners/locate";
import type { RepoFacts } from "../../facts/types";
import type { Finding } from "../types";
import { allPaths, fileOf } from "./common";

export type Loaded =
  | { kind: "none"; confidence: "high" | "medium" }
  | { kind: "unreadable"; path: string; reason: string }
  | { kind: "ok"; co: Codeowners; lines: string[] };

export function load(facts: RepoFacts): Loaded {
  const { used } = locateCodeowners(allPaths(facts));
  if (!used) return { kind: "none", confidence: facts.paths === null ? "medium" : "high" };
  const f = fileOf(facts, used);
  if (!f || f.text === null || f.truncated)
    return { kind: "unreadable", path: used, reason: f?.skippedReason ?? "file content not fetched" };
  return { kind: "ok", co: parseCodeowners(used, f.text), lines: f.text.split(/\r?\n/) };
}

export const CREATE =
  "Create .github/CODEOWNERS, e.g.\n*            @<org>/<maintainers>\n/.github/    @<org>/<security-team>";

export const noneFinding = (confidence: "high" | "medium"): Finding => ({
  message: "There is no CODEOWNERS file in .github/, the root or docs/.",
  evidence: { kind: "api", field: "tree", value: "no .github/CODEOWNERS, CODEOWNERS or docs/CODEOWNERS" },
  remediation: CREATE,
  confidence,
});
