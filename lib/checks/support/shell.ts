// Line-level reading of `run:` scripts. Deliberately token-based (indexOf, character
// classes) rather than regex-heavy: scripts are attacker-supplied text in a scan.
import type { ExpressionRef, ScalarValue, Workflow } from "../../analyzers/workflow/model";

export interface ScriptLine {
  text: string;
  /** 1-based line in the workflow file. */
  line: number;
  expressions: ExpressionRef[];
}

// Keyed on the value: a ScalarValue belongs to exactly one parsed workflow.
export const linesByValue = new WeakMap<ScalarValue, readonly ScriptLine[]>();

/** Script lines mapped back to file lines (block scalars keep lines; plain scalars are one line). Kept per parsed value. */
export function scriptLines(wf: Workflow, sv: ScalarValue): readonly ScriptLine[] {
  let lines = linesByValue.get(sv);
  if (!lines) {
    lines = mapScriptLines(wf, sv);
    linesByValue.set(sv, lines);
  }
  return lines;
}

export function mapScriptLines(wf: Workflow, sv: ScalarValue): ScriptLine[] {
  const out: ScriptLine[] = [];
  const indicator = (wf.lines[sv.pos.line - 1] ?? "")[sv.pos.column - 1];
  let cursor = indicator === "|" || indicator === ">" ? sv.pos.line + 1 : sv.pos.line;
  for (const text of sv.value.split("\n")) {
    const key = text.trim().slice(0, 60);
    let line = cursor;
    if (key !== "") {
      // Bounded look-ahead: folded scalars and blank runs shift lines, a file never reorders them.
      for (let l = cursor; l <= Math.min(wf.lines.length, cursor + 50); l++) {
        if ((wf.lines[l - 1] ?? "").includes(key)) {
          line = l;
          break;
        }
      }
    }
    cursor = line + 1;
    out.push({ text, line, expressions: sv.expressions.filter((e) => e.pos.line === line) });
  }
  return out;
}

export const isIdent = (c: string | undefined): boolean =>
  c !== undefined &&
  ((c >= "A" && c <= "Z") || (c >= "a" && c <= "z") || (c >= "0" && c <= "9") || c === "_");

/** Whether a shell line reads environment variable `name` ($NAME, ${NAME}, $env:NAME, %NAME%). */
export function readsVar(line: string, name: string): boolean {
  const forms = [`$${name}`, `\${${name}`, `$env:${name}`, `%${name}%`];
  for (const f of forms) {
    let i = line.indexOf(f);
    while (i !== -1) {
      if (f.endsWith("%") || !isIdent(line[i + f.length])) return true;
      i = line.indexOf(f, i + 1);
    }
  }
  return false;
}

/** The command word of a shell line, skipping `sudo`, `time` and leading assignments. */
export function commandWord(line: string): string {
  const words = line.trim().split(/\s+/);
  for (const w of words) {
    if (w === "sudo" || w === "time" || w === "then" || w === "do" || w === "else" || w === "{" || w === "(")
      continue;
    if (w.includes("=") && !w.startsWith("-") && isIdent(w[0])) continue;
    return w.replace(/^[({]+/, "");
  }
  return "";
}

export const PRINTERS = new Set([
  "echo",
  "printf",
  "print",
  "write-host",
  "write-output",
  "console.log",
  "puts",
  "cat",
]);

/** A printer command word is a substring of its line: lines naming none skip the word split. */
export const MAY_PRINT = /echo|print|write-host|write-output|console\.log|puts|cat/i;

/** A line that prints to the job log: echo/printf/Write-Host… not piped or redirected elsewhere. */
export function printsToLog(line: string): boolean {
  if (!MAY_PRINT.test(line)) return false;
  const cmd = commandWord(line).toLowerCase();
  if (!PRINTERS.has(cmd)) return false;
  if (line.includes("::add-mask::")) return false;
  // `echo "$X" | docker login --password-stdin`, `echo … > file`, `>> $GITHUB_ENV` do not log.
  return !line.includes("|") && !line.includes(">");
}

/** Lines turning on shell tracing, which prints every expanded command including secrets. */
export function enablesXtrace(line: string): boolean {
  const t = line.trim();
  if (t.startsWith("set -o xtrace") || t.startsWith("Set-PSDebug -Trace")) return true;
  if (!t.startsWith("set -") || t.startsWith("set --")) return false;
  const flags = t.slice(5).split(/\s/)[0] ?? "";
  return flags.includes("x");
}
