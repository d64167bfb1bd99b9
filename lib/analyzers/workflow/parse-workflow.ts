// Entry point of the workflow analyzer: text of a workflow or action.yml → Workflow model.
// Never throws: unparsable or hostile input yields `{ ok: false, error, line }`.
// Built on `yaml` (positions via LineCounter) plus GitHub's own expression parser rather
// than @actions/workflow-parser: about twice as fast on the corpus (≈900 vs ≈490 files/s)
// and it keeps going past schema errors GitHub would reject, which a scanner should still see.
import { LineCounter, isMap, isScalar, parseDocument } from "yaml";
import type { ParseResult, Workflow } from "./model";
import { parseJob, parseSteps } from "./parse-job";
import { defaultShell, parsePermissions, parseTriggers } from "./parse-parts";
import { LIMITS, LimitError, Source } from "./yaml-walk";
import type { YNode } from "./yaml-walk";

/** Whether a repository path is an action metadata file rather than a workflow. */
export function isActionPath(path: string): boolean {
  const base = path.slice(path.lastIndexOf("/") + 1).toLowerCase();
  return base === "action.yml" || base === "action.yaml";
}

/** Flow collections (`[[[[…`) are composed recursively by the YAML library: refuse absurd depth first. */
function flowDepthExceeded(text: string): number | null {
  const limit = LIMITS.maxDepth * 4;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 91 || c === 123) {
      if (++depth > limit) return lineOf(text, i);
    } else if ((c === 93 || c === 125) && depth > 0) depth--;
  }
  return null;
}

/** 1-based line of an offset; counted only on the (rare) failure path. */
function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) line++;
  return line;
}

export function parseWorkflow(path: string, text: string): ParseResult {
  if (text.length > LIMITS.maxBytes)
    return { ok: false, path, error: `file larger than ${LIMITS.maxBytes} bytes; not analysed` };
  const deep = flowDepthExceeded(text);
  if (deep !== null)
    return { ok: false, path, error: `nesting deeper than ${LIMITS.maxDepth * 4} brackets`, line: deep };
  try {
    return parseChecked(path, text);
  } catch (e) {
    if (e instanceof LimitError)
      return e.line === undefined
        ? { ok: false, path, error: e.message }
        : { ok: false, path, error: e.message, line: e.line };
    // Includes RangeError from stack exhaustion: still a parse failure, never a crash.
    return { ok: false, path, error: `could not analyse: ${e instanceof Error ? e.message : String(e)}` };
  }
}

function parseChecked(path: string, text: string): ParseResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const firstError = doc.errors[0];
  if (firstError) {
    const line = firstError.linePos?.[0]?.line ?? lineCounter.linePos(firstError.pos[0]).line;
    return { ok: false, path, error: firstError.message.split("\n")[0] ?? "YAML error", line };
  }
  const src = new Source(doc, lineCounter, text);
  const root = src.deref(doc.contents);
  if (!isMap(root)) return { ok: false, path, error: "top level is not a mapping", line: src.pos(root).line };
  const warnings = doc.warnings.map(
    (w) => `line ${lineCounter.linePos(w.pos[0]).line}: ${w.message.split("\n")[0] ?? ""}`,
  );
  const lines = text.split(/\r?\n/);
  const runs = src.get(root, "runs");
  const asAction = isActionPath(path) || (runs !== null && src.get(root, "jobs") === null);
  const workflow = asAction
    ? action(src, root, runs, path, lines, warnings)
    : workflowOf(src, root, path, lines, warnings);
  return workflow instanceof Error
    ? { ok: false, path, error: workflow.message }
    : { ok: true, workflow, warnings };
}

function workflowOf(
  src: Source,
  root: YNode,
  path: string,
  lines: string[],
  warnings: string[],
): Workflow | Error {
  const onEntry = src.entries(root).find((e) => e.key === "on");
  if (!onEntry) return new Error("workflow has no `on:` trigger");
  const jobsNode = src.get(root, "jobs");
  if (!isMap(jobsNode)) return new Error("workflow has no `jobs:` mapping");
  const wf: Workflow = {
    kind: "workflow",
    path,
    triggers: parseTriggers(src, onEntry.value, onEntry.keyPos),
    env: src.map(src.get(root, "env")),
    jobs: src.entries(jobsNode).map((e) => parseJob(src, e.key, e.keyPos, e.value)),
    lines,
  };
  const name = src.str(src.get(root, "name"));
  if (name !== undefined) wf.name = name;
  const permissions = parsePermissions(src, src.get(root, "permissions"));
  if (permissions) wf.permissions = permissions;
  const shell = defaultShell(src, src.get(root, "defaults"));
  if (shell !== undefined) wf.defaultShell = shell;
  for (const job of wf.jobs)
    if (job.runsOn.length === 0 && !job.uses) warnings.push(`job ${job.id}: no runs-on or uses`);
  return wf;
}

function action(
  src: Source,
  root: YNode,
  runs: YNode | null,
  path: string,
  lines: string[],
  warnings: string[],
): Workflow | Error {
  if (!isMap(runs)) return new Error("action has no `runs:` mapping");
  const usingNode = src.get(runs, "using");
  const using = isScalar(usingNode) ? String(usingNode.value) : "";
  const wf: Workflow = {
    kind: "composite-action",
    path,
    triggers: [],
    env: Object.create(null),
    jobs: [],
    lines,
    using,
  };
  const name = src.str(src.get(root, "name"));
  if (name !== undefined) wf.name = name;
  const image = src.scalar(src.get(runs, "image"));
  if (image) wf.image = image;
  if (using !== "composite") {
    warnings.push(`action runs.using is "${using}": no steps to analyse`);
    return wf;
  }
  const runsEntry = src.entries(root).find((e) => e.key === "runs");
  const pos = runsEntry?.keyPos ?? { line: 1, column: 1 };
  // The steps of a composite action run as one pseudo-job in the caller's job.
  wf.jobs.push({
    id: "composite",
    pos,
    runsOn: [],
    needs: [],
    env: Object.create(null),
    services: Object.create(null),
    steps: parseSteps(src, src.get(runs, "steps")),
    with: Object.create(null),
  });
  return wf;
}
