// Jobs and steps of a workflow (or the single pseudo-job of a composite action).
import { isMap, isScalar, isSeq } from "yaml";
import type { Job, Pos, ScalarValue, Step } from "./model";
import { defaultShell, parseContainer, parsePermissions, parseServices } from "./parse-parts";
import type { Source, YNode } from "./yaml-walk";

// Step groups (`- parallel: [steps…]`, or a nested `steps:` list without `run`/`uses`) hold
// steps like any other: they are flattened in document order so every step-based check
// sees them.
const GROUP_KEYS = ["parallel", "steps"];

function flatItems(src: Source, node: YNode | null, out: YNode[] = [], depth = 0): YNode[] {
  for (const item of src.items(node)) {
    const group =
      depth < 8 && isMap(item) && !src.get(item, "run") && !src.get(item, "uses")
        ? GROUP_KEYS.map((k) => src.get(item, k)).find((g) => isSeq(g))
        : undefined;
    if (group) flatItems(src, group, out, depth + 1);
    else out.push(item);
  }
  return out;
}

export function parseSteps(src: Source, node: YNode | null): Step[] {
  return flatItems(src, node).map((s, index) => {
    const step: Step = {
      index,
      pos: src.pos(s),
      with: src.map(src.get(s, "with")),
      env: src.map(src.get(s, "env")),
    };
    const str = (k: string) => src.str(src.get(s, k));
    const id = str("id");
    if (id !== undefined) step.id = id;
    const name = str("name");
    if (name !== undefined) step.name = name;
    const uses = src.scalar(src.get(s, "uses"));
    if (uses) step.uses = uses;
    const run = src.scalar(src.get(s, "run"));
    if (run) step.run = run;
    const shell = str("shell");
    if (shell !== undefined) step.shell = shell;
    const cond = src.scalar(src.get(s, "if"), true);
    if (cond) step.if = cond;
    const coe = src.get(s, "continue-on-error");
    if (isScalar(coe)) step.continueOnError = coe.value === true || coe.value === "true";
    const wd = src.scalar(src.get(s, "working-directory"));
    if (wd) step.workingDirectory = wd;
    return step;
  });
}

function runsOn(src: Source, node: YNode | null): ScalarValue[] {
  if (node === null) return [];
  if (isSeq(node))
    return src
      .items(node)
      .map((n) => src.scalar(n))
      .filter((v) => v !== undefined);
  if (isMap(node)) {
    // `runs-on: { group: …, labels: … }`: both name the runner pool.
    const out: ScalarValue[] = [];
    const group = src.scalar(src.get(node, "group"));
    if (group) out.push(group);
    return out.concat(runsOn(src, src.get(node, "labels")));
  }
  const v = src.scalar(node);
  return v ? [v] : [];
}

export function parseJob(src: Source, id: string, keyPos: Pos, node: YNode | null): Job {
  const get = (k: string) => src.get(node, k);
  const job: Job = {
    id,
    pos: keyPos,
    runsOn: runsOn(src, get("runs-on")),
    needs: isSeq(get("needs"))
      ? src.items(get("needs")).map((n) => src.str(n) ?? "")
      : isScalar(get("needs"))
        ? [src.str(get("needs")) ?? ""]
        : [],
    env: src.map(get("env")),
    services: parseServices(src, get("services")),
    steps: parseSteps(src, get("steps")),
    with: src.map(get("with")),
  };
  const name = src.str(get("name"));
  if (name !== undefined) job.name = name;
  const permissions = parsePermissions(src, get("permissions"));
  if (permissions) job.permissions = permissions;
  const envNode = get("environment");
  if (envNode) {
    const envName = src.scalar(isMap(envNode) ? src.get(envNode, "name") : envNode);
    if (envName) {
      const url = isMap(envNode) ? src.scalar(src.get(envNode, "url")) : undefined;
      job.environment = url ? { name: envName, url } : { name: envName };
    }
  }
  const cond = src.scalar(get("if"), true);
  if (cond) job.if = cond;
  const container = parseContainer(src, get("container"));
  if (container) job.container = container;
  const uses = src.scalar(get("uses"));
  if (uses) job.uses = uses;
  const secrets = get("secrets");
  if (isScalar(secrets) && secrets.value === "inherit")
    job.secrets = { inherit: true, pos: src.pos(secrets) };
  else if (isMap(secrets)) job.secrets = { inherit: false, values: src.map(secrets) };
  const strategy = get("strategy");
  if (strategy) {
    const matrix = src.get(strategy, "matrix");
    job.strategy = matrix ? { matrix: src.plain(matrix) } : {};
  }
  const outputs = get("outputs");
  if (outputs) job.outputs = src.map(outputs);
  const shell = defaultShell(src, get("defaults"));
  if (shell !== undefined) job.defaultShell = shell;
  return job;
}
