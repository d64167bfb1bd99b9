// What a CI step can be: a security tool of some kind, a publication, a verification.

export type ToolKind =
  "dependency-scan" | "sast" | "secret-scan" | "iac-scan" | "signing" | "provenance" | "sbom" | "verify";

export interface ToolHit {
  kind: ToolKind;
  /** Human name, e.g. "Trivy", "CodeQL". */
  tool: string;
  /** For scanners: the step fails the job on findings. Always true for other kinds. */
  gate: boolean;
  /** Why it is not a gate, or what the detection rests on. */
  note?: string;
  confidence: "high" | "medium" | "low";
}

/** The parts of a step the tables read (kept independent of the workflow model). */
export interface StepText {
  /** `owner/repo[/path]` lower-cased, without the ref; undefined for run steps. */
  action?: string;
  with: Record<string, string>;
  /** Logical shell lines (continuations joined) with their index in the original script. */
  runLines: Array<{ text: string; index: number }>;
  continueOnError: boolean;
}

/** `name` is the action `base` or a path inside it (`base/…`). Builds no string: it runs for every rule on every step. */
export function isActionOrSubpath(name: string, base: string): boolean {
  return (
    name === base ||
    (name.length > base.length && name.charCodeAt(base.length) === 47 /* / */ && name.startsWith(base))
  );
}

/** Joins `\`-continued lines so a command split over lines is read as one. */
export function logicalLines(script: string): Array<{ text: string; index: number }> {
  const raw = script.split("\n");
  const out: Array<{ text: string; index: number }> = [];
  for (let i = 0; i < raw.length; i++) {
    const start = i;
    let text = raw[i] ?? "";
    // `\s*$` and trimEnd strip the same characters; no regex per script line.
    for (let t = text.trimEnd(); t.endsWith("\\") && i + 1 < raw.length; t = text.trimEnd())
      text = t.slice(0, -1) + " " + (raw[++i] ?? "");
    out.push({ text, index: start });
  }
  return out;
}

/** `cmd || true`, `|| exit 0`, `|| :` make a failing command pass. */
export function swallowsFailure(line: string): boolean {
  return /\|\|\s*(true|:|exit\s+0|echo\b)/.test(line) || /;\s*true\s*$/.test(line);
}
