// Parses a repository's workflows and composite actions once per facts object; all wf
// checks share the result (a WeakMap keyed on facts, so nothing outlives a scan).
import type { RepoFacts } from "../../facts/types";
import type { Workflow } from "../../analyzers/workflow/model";
import { isActionPath, parseWorkflow } from "../../analyzers/workflow/parse-workflow";
import type { Unreadable } from "../unreadable";

export interface WorkflowSet {
  /** Parsed workflows and composite/other actions. */
  workflows: Workflow[];
  /** Files that are workflows but could not be analysed (unparsable, not fetched, truncated). */
  failures: Unreadable[];
  /** Number of workflow/action files present (parsed or not). */
  total: number;
}

/** GitHub runs only files directly inside .github/workflows. */
export function isWorkflowPath(path: string): boolean {
  const prefix = ".github/workflows/";
  if (!path.startsWith(prefix)) return false;
  const rest = path.slice(prefix.length);
  return !rest.includes("/") && (rest.endsWith(".yml") || rest.endsWith(".yaml"));
}

export const cache = new WeakMap<RepoFacts, WorkflowSet>();

export function workflowsOf(facts: RepoFacts): WorkflowSet {
  const hit = cache.get(facts);
  if (hit) return hit;
  const set: WorkflowSet = { workflows: [], failures: [], total: 0 };
  for (const file of facts.files) {
    if (!isWorkflowPath(file.path) && !isActionPath(file.path)) continue;
    set.total++;
    if (file.text === null) {
      set.failures.push({ path: file.path, reason: file.skippedReason ?? "file content not fetched" });
      continue;
    }
    const r = parseWorkflow(file.path, file.text);
    if (!r.ok) {
      set.failures.push(
        r.line === undefined
          ? { path: file.path, reason: r.error }
          : { path: file.path, reason: r.error, line: r.line },
      );
      continue;
    }
    if (file.truncated)
      set.failures.push({ path: file.path, reason: file.skippedReason ?? "file was truncated by GitHub" });
    // A cut file still yields findings for what it shows, but can never pass.
    set.workflows.push(r.workflow);
  }
  cache.set(facts, set);
  return set;
}
