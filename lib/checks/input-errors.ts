// Never silent: every repository file the checks meant to read but could not (unparsable
// YAML, a malformed Dockerfile, a broken Kubernetes manifest, a file cut short) is listed
// with its reason, so a clean report cannot hide an unread file.
import type { RepoFacts } from "../facts/types";
import type { CheckResult } from "./types";
import { dockerfilesOf, k8sOf } from "./support/common";
import { workflowsOf } from "./support/workflows-of";

export interface InputError {
  file: string;
  reason: string;
  line?: number;
}

export function inputErrors(facts: RepoFacts): InputError[] {
  const out: InputError[] = [];
  for (const f of workflowsOf(facts).failures)
    out.push(
      f.line === undefined
        ? { file: f.path, reason: f.reason }
        : { file: f.path, reason: f.reason, line: f.line },
    );
  for (const f of dockerfilesOf(facts).failures) out.push({ file: f.path, reason: f.reason });
  for (const f of k8sOf(facts).failures) out.push({ file: f.path, reason: f.reason });
  const seen = new Set<string>();
  return out.filter((e) => {
    const key = `${e.file}\u0000${e.reason}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export interface UndecidedCheck {
  check: string;
  reason: string;
}

/** Checks that came back `unknown`, with why: never counted as pass or fail, never hidden. */
export function undecidedChecks(results: readonly CheckResult[]): UndecidedCheck[] {
  return results
    .filter((r) => r.status === "unknown")
    .map((r) => ({ check: r.checkId, reason: r.reason ?? "no reason given" }));
}
