// Reads zizmor's integration tests (crates/zizmor/tests/integration/audit/*.rs and the
// insta snapshots they use) into cases: the inputs a test scans, whether it runs with
// the default persona, and the findings its snapshot expects. Pure: the caller reads files.

export interface ZizmorFinding {
  audit: string;
  /** Path as printed after `-->`, with `@@INPUT@@` kept (resolved against the inputs later). */
  path: string;
  line: number;
  /** The source text zizmor quotes for that line, trimmed; lets the runner re-anchor the
   *  finding when the input file and the snapshot come from different commits. */
  source?: string;
}

export interface ZizmorCase {
  /** `<rs file>::<fn>` plus `#n` when one test asserts more than one snapshot. */
  name: string;
  inputs: string[];
  /** Why the case is not scored (persona, config, online…); null when it is. */
  skip: string | null;
  findings: ZizmorFinding[];
}

// Options that change what zizmor reports, so its snapshot is not the default persona's.
const SKIP_ARGS: Array<[RegExp, string]> = [
  [/--persona[= ](pedantic|auditor)/, "non-default persona"],
  [/--pedantic/, "non-default persona"],
  [/--min-severity|--min-confidence/, "severity/confidence filter"],
  [/--config|--no-config/, "custom config"],
  [/--no-online-audits|--offline/, "offline flag"],
  [/--collect|--strict-collection/, "collection mode"],
];

/** The raw text of every Rust string literal in `src` (plain and raw, `r#"…"#`). */
function stringLiterals(src: string): string[] {
  const out: string[] = [];
  const re = /r(#*)"([\s\S]*?)"\1|"((?:[^"\\]|\\.)*)"/g;
  for (const m of src.matchAll(re)) out.push(m[2] ?? unescape(m[3] ?? ""));
  return out;
}

const unescape = (s: string) =>
  s.replace(/\\(["\\n])/g, (_, c: string) => (c === "n" ? "\n" : c)).replace(/\\\n\s*/g, "");

/** Splits at each `#[test]`, returning [fn name, body]. */
function testFunctions(rs: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const parts = rs.split(/#\[test\]/).slice(1);
  for (const part of parts) {
    const name = /fn\s+(\w+)/.exec(part)?.[1];
    if (name) out.push([name, part]);
  }
  return out;
}

/** The inline snapshot of one `assert_snapshot!(…)` call, or null when it lives in a .snap file. */
function inlineSnapshot(call: string): string | null {
  const m = /,\s*@(r(#*)"[\s\S]*?"\2|"(?:[^"\\]|\\.)*")/.exec(call);
  if (!m) return null;
  return stringLiterals(m[1] as string)[0] ?? "";
}

/** The body of an insta `.snap` file (after its `---` front matter). */
export function snapBody(snap: string): string {
  const m = /^---\n[\s\S]*?\n---\n([\s\S]*)$/.exec(snap.replace(/\r\n/g, "\n"));
  return m ? (m[1] as string) : snap;
}

/** The text of `NN | …` for line NN in a finding's snippet, without the span gutter. */
function quotedLine(rest: string[], line: number): string | undefined {
  for (const l of rest) {
    if (/^\s*(?:error|warning|help|info|note)\[/.test(l)) return undefined;
    const m = /^\s*(\d+) \|(.*)$/.exec(l);
    if (m && Number(m[1]) === line) return (m[2] as string).replace(/^\s*(?:[/|] )?/, "").trim();
  }
  return undefined;
}

/** Findings printed in a zizmor snapshot (`error[audit]: …` then `--> path:line:col`). */
export function parseSnapshot(text: string): ZizmorFinding[] {
  const lines = text.split("\n");
  const out: ZizmorFinding[] = [];
  for (let i = 0; i < lines.length; i++) {
    const head = /^\s*(?:error|warning|help|info|note)\[([a-z0-9-]+)\]:/.exec(lines[i] as string);
    if (!head) continue;
    for (let j = i + 1; j < Math.min(i + 4, lines.length); j++) {
      const loc = /^\s*-->\s*(.+):(\d+):(\d+)\s*$/.exec(lines[j] as string);
      if (loc) {
        const line = Number(loc[2]);
        const finding: ZizmorFinding = { audit: head[1] as string, path: loc[1] as string, line };
        const source = quotedLine(lines.slice(j + 1), line);
        if (source !== undefined) finding.source = source;
        out.push(finding);
        break;
      }
    }
  }
  return out;
}

/**
 * Parses one audit test file. `snapshot(name)` returns a `.snap` file's text for tests
 * whose snapshot is not inline (insta names them `<module>__<fn without test_>`, with
 * `-2`, `-3`… for later asserts in the same test).
 */
export function parseTestFile(
  file: string,
  rs: string,
  snapshot: (name: string) => string | undefined,
): ZizmorCase[] {
  const mod = file.replace(/\.rs$/, "");
  const cases: ZizmorCase[] = [];
  for (const [fn, body] of testFunctions(rs)) {
    const calls = body.split(/assert_snapshot!\s*\(/).slice(1);
    const ignored = /#\[ignore|cfg_attr\([^)]*ignore/.test(body.split(/fn\s/)[0] ?? "");
    calls.forEach((call, n) => {
      const inputs = [...call.matchAll(/input_under_test\(\s*((?:"[^"]*"\s*)+),?\s*\)/g)].flatMap((m) =>
        stringLiterals(m[1] as string),
      );
      const args = [...call.matchAll(/\.args?\(\s*\[?([^\])]*)\]?\s*\)/g)]
        .flatMap((m) => stringLiterals(m[1] as string))
        .join(" ");
      let skip: string | null = null;
      for (const [re, why] of SKIP_ARGS) if (!skip && re.test(args)) skip = why;
      if (!skip && /\.config\(/.test(call)) skip = "custom config";
      if (!skip && /\.offline\(\s*false\s*\)|gh-token|\.gh_token\(/.test(call + body))
        skip = "online (needs a GitHub token)";
      if (!skip && ignored) skip = "ignored test";
      if (!skip && inputs.length === 0) skip = "no input_under_test";
      const snapName = `${mod}__${fn.replace(/^test_/, "")}${n === 0 ? "" : `-${n + 1}`}`;
      let text = inlineSnapshot(call);
      if (text === null) {
        const snap = snapshot(snapName);
        if (snap === undefined) skip ??= `snapshot ${snapName}.snap not found`;
        text = snap === undefined ? "" : snapBody(snap);
      }
      cases.push({
        name: `${file}::${fn}${calls.length > 1 ? `#${n + 1}` : ""}`,
        inputs,
        skip,
        findings: parseSnapshot(text),
      });
    });
  }
  return cases;
}
