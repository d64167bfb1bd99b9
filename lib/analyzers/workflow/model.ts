// The analysed shape of a GitHub Actions workflow (or composite action). Every node
// keeps its source position so findings can cite file + line + text.
// Extend freely; do not rename (checks in lib/checks depend on these names).

export interface Pos {
  line: number;
  column: number;
}

/** A `${{ … }}` expression found in a string value. */
export interface ExpressionRef {
  /** Raw expression text without the `${{ }}` braces. */
  expr: string;
  /** Context paths the expression reads, e.g. ["github.event.issue.title", "secrets.TOKEN"]. */
  contexts: string[];
  pos: Pos;
  /** Paths whose text can reach the expression's value (not only a boolean derived from them). Added by parse-workflow. */
  valueContexts?: string[];
  /** GitHub's expression parser rejected the text; `contexts` then come from its token stream. */
  error?: string;
}

export interface ScalarValue {
  value: string;
  pos: Pos;
  expressions: ExpressionRef[];
}

export type PermissionLevel = "read" | "write" | "none";

/** `permissions:` as declared. `undefined` on a job/workflow = not declared. */
export type Permissions =
  | { kind: "all"; level: "read-all" | "write-all"; pos: Pos }
  | { kind: "scopes"; scopes: Record<string, PermissionLevel>; pos: Pos };

export interface Step {
  index: number;
  id?: string;
  name?: string;
  pos: Pos;
  /** `uses:` reference as written. */
  uses?: ScalarValue;
  /** `run:` script. */
  run?: ScalarValue;
  shell?: string;
  with: Record<string, ScalarValue>;
  env: Record<string, ScalarValue>;
  if?: ScalarValue;
  continueOnError?: boolean;
  /** `working-directory:` as written. */
  workingDirectory?: ScalarValue;
}

export interface ContainerRef {
  image: ScalarValue;
  options?: ScalarValue;
  credentialsPassword?: ScalarValue;
  volumes?: ScalarValue[];
}

export interface Job {
  id: string;
  name?: string;
  pos: Pos;
  runsOn: ScalarValue[];
  permissions?: Permissions;
  environment?: { name: ScalarValue; url?: ScalarValue };
  needs: string[];
  if?: ScalarValue;
  env: Record<string, ScalarValue>;
  container?: ContainerRef;
  services: Record<string, ContainerRef>;
  steps: Step[];
  /** Reusable workflow call: `uses:` at job level. */
  uses?: ScalarValue;
  with: Record<string, ScalarValue>;
  /** `secrets: inherit` or a map of secret names to values. */
  secrets?: { inherit: true; pos: Pos } | { inherit: false; values: Record<string, ScalarValue> };
  strategy?: { matrix?: unknown };
  /** `outputs:` of the job (name → value expression). */
  outputs?: Record<string, ScalarValue>;
  /** Job-level `defaults.run.shell`, when declared. */
  defaultShell?: string;
}

export interface Trigger {
  /** Event name, e.g. "push", "pull_request_target", "workflow_run". */
  event: string;
  pos: Pos;
  /** Filters as written (branches, paths, types, workflows, …). */
  config: Record<string, unknown>;
}

export interface Workflow {
  kind: "workflow" | "composite-action";
  path: string;
  name?: string;
  triggers: Trigger[];
  permissions?: Permissions;
  env: Record<string, ScalarValue>;
  jobs: Job[];
  /** For actions (`action.yml`): `runs.using` as written (composite, node20, docker, …). */
  using?: string;
  /** For docker actions: `runs.image` (`docker://…` or a Dockerfile path). */
  image?: ScalarValue;
  /** Workflow-level `defaults.run.shell`, when declared. */
  defaultShell?: string;
  /** Source lines, for evidence snippets and inline suppressions. */
  lines: string[];
}

export type ParseResult =
  | { ok: true; workflow: Workflow; warnings: string[] }
  | { ok: false; path: string; error: string; line?: number };
