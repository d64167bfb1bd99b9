// Dockerfile model: stages with their FROM reference, USER and RUN instructions.
// ARG substitution covers the simple forms ($A, ${A}, ${A:-x}, ${A:+x}) with declared defaults.
import { lexDockerfile, type Instruction } from "./lex";
import { parseImageRef, type ImageRef } from "./image-ref";

export interface FromRef {
  /** FROM argument as written, flags removed. */
  raw: string;
  /** After ARG substitution; unresolved variables stay as written. */
  resolved: string;
  image: ImageRef;
  platform?: string;
  /** Index of the earlier stage this FROM names (`FROM builder`). */
  stageRef?: number;
  scratch: boolean;
  /** A variable without a known default is left in the reference. */
  unresolved: boolean;
}

export interface Located {
  value: string;
  line: number;
}

export interface Stage {
  index: number;
  name?: string;
  line: number;
  from: FromRef;
  /** Every USER instruction, in order; the last one is in force at the end of the stage. */
  users: Located[];
  runs: Located[];
  instructions: Instruction[];
}

export interface Dockerfile {
  path: string;
  stages: Stage[];
  lines: string[];
}

export type DockerfileParse = { ok: true; dockerfile: Dockerfile } | { ok: false; path: string; reason: string };

const VAR = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?::([-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g;

function substitute(value: string, vars: ReadonlyMap<string, string>): { text: string; unresolved: boolean } {
  let unresolved = false;
  const text = value.replace(VAR, (whole, braced: string | undefined, op: string | undefined, word: string | undefined, bare: string | undefined) => {
    const name = braced ?? bare ?? "";
    const v = vars.get(name);
    if (op === "-") return v !== undefined && v !== "" ? v : (word ?? "");
    if (op === "+") return v !== undefined && v !== "" ? (word ?? "") : "";
    if (v === undefined) {
      unresolved = true;
      return whole;
    }
    return v;
  });
  return { text, unresolved };
}

function declareArgs(args: string, into: Map<string, string>, known: ReadonlyMap<string, string>): void {
  for (const tok of args.split(/\s+/)) {
    if (!tok) continue;
    const eq = tok.indexOf("=");
    if (eq < 0) {
      const prior = known.get(tok);
      if (prior !== undefined) into.set(tok, prior);
    } else {
      into.set(tok.slice(0, eq), tok.slice(eq + 1).replace(/^(["'])(.*)\1$/, "$2"));
    }
  }
}

export function parseDockerfile(path: string, text: string): DockerfileParse {
  const lexed = lexDockerfile(text);
  if (!lexed.ok) return { ok: false, path, reason: lexed.reason };
  const globals = new Map<string, string>();
  const stages: Stage[] = [];
  let stageVars = new Map<string, string>();
  for (const ins of lexed.instructions) {
    const current = stages[stages.length - 1];
    if (ins.keyword === "ARG") {
      if (current) declareArgs(ins.args, stageVars, globals);
      else declareArgs(ins.args, globals, globals);
      continue;
    }
    if (ins.keyword === "FROM") {
      stageVars = new Map();
      stages.push(buildStage(stages, ins, globals));
      continue;
    }
    if (!current) return { ok: false, path, reason: `line ${ins.line}: ${ins.keyword} before the first FROM` };
    current.instructions.push(ins);
    if (ins.keyword === "USER") {
      // Inside a stage only re-declared ARGs are visible.
      current.users.push({ value: substitute(ins.args.trim(), stageVars).text, line: ins.line });
    } else if (ins.keyword === "RUN") {
      current.runs.push({ value: ins.args, line: ins.line });
    }
  }
  if (stages.length === 0) return { ok: false, path, reason: "no FROM instruction" };
  return { ok: true, dockerfile: { path, stages, lines: text.split(/\r?\n/) } };
}

function buildStage(stages: Stage[], ins: Instruction, globals: ReadonlyMap<string, string>): Stage {
  const tokens = ins.args.split(/\s+/).filter(Boolean);
  let platform: string | undefined;
  const rest: string[] = [];
  for (const t of tokens) {
    if (t.startsWith("--platform=")) platform = t.slice("--platform=".length);
    else if (!t.startsWith("--")) rest.push(t);
  }
  const raw = rest[0] ?? "";
  const name = rest[1]?.toLowerCase() === "as" ? rest[2]?.toLowerCase() : undefined;
  const sub = substitute(raw, globals);
  const lower = sub.text.toLowerCase();
  const refIdx = stages.findIndex((s) => s.name !== undefined && s.name === lower);
  const from: FromRef = { raw, resolved: sub.text, image: parseImageRef(sub.text), scratch: lower === "scratch", unresolved: sub.unresolved };
  if (platform !== undefined) from.platform = platform;
  if (refIdx >= 0) from.stageRef = refIdx;
  const stage: Stage = { index: stages.length, line: ins.line, from, users: [], runs: [], instructions: [ins] };
  if (name !== undefined) stage.name = name;
  return stage;
}

/** The user a stage runs as: its last USER, else inherited through `FROM <stage>`; undefined = base image default. */
export function effectiveUser(df: Dockerfile, stageIndex: number): Located | undefined {
  const seen = new Set<number>();
  let s = df.stages[stageIndex];
  while (s && !seen.has(s.index)) {
    seen.add(s.index);
    const last = s.users[s.users.length - 1];
    if (last) return last;
    s = s.from.stageRef !== undefined ? df.stages[s.from.stageRef] : undefined;
  }
  return undefined;
}

export function finalStage(df: Dockerfile): Stage | undefined {
  return df.stages[df.stages.length - 1];
}

/** Dockerfile-like paths: Dockerfile, *.Dockerfile, Dockerfile.*, Containerfile. */
export function isDockerfilePath(path: string): boolean {
  const base = path.slice(path.lastIndexOf("/") + 1).toLowerCase();
  return base === "dockerfile" || base === "containerfile" || base.startsWith("dockerfile.") || base.endsWith(".dockerfile");
}
