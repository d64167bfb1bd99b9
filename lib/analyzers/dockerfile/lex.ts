// Turns Dockerfile text into logical instructions: continuation lines joined, comment
// lines inside continuations dropped (as BuildKit does), heredoc bodies attached, and the
// first source line of every instruction kept for evidence.

export interface Instruction {
  /** Upper-cased keyword: FROM, RUN, USER, … */
  keyword: string;
  /** Everything after the keyword, continuations joined, heredoc bodies appended after "\n". */
  args: string;
  /** 1-based first and last source line. */
  line: number;
  endLine: number;
}

export type LexResult = { ok: true; instructions: Instruction[] } | { ok: false; reason: string };

const DOCKERFILE_LIMITS = { maxBytes: 1_000_000, maxLines: 50_000, maxInstructions: 5_000 };

const HEREDOC = /<<(-?)(["']?)([A-Za-z_][A-Za-z0-9_]*)\2/g;

function escapeChar(lines: string[]): string {
  // Parser directives are only honoured in leading comment lines.
  for (const line of lines) {
    const m = /^#\s*([a-zA-Z]+)\s*=\s*(\S*)\s*$/.exec(line.trim());
    if (!m) break;
    if (m[1]?.toLowerCase() === "escape" && (m[2] === "`" || m[2] === "\\")) return m[2];
  }
  return "\\";
}

export function lexDockerfile(text: string): LexResult {
  if (text.length > DOCKERFILE_LIMITS.maxBytes) return { ok: false, reason: `file larger than ${DOCKERFILE_LIMITS.maxBytes} bytes` };
  const lines = text.split(/\r?\n/);
  if (lines.length > DOCKERFILE_LIMITS.maxLines) return { ok: false, reason: `more than ${DOCKERFILE_LIMITS.maxLines} lines` };
  const esc = escapeChar(lines);
  const out: Instruction[] = [];
  let i = 0;
  while (i < lines.length) {
    const first = lines[i] ?? "";
    const trimmed = first.trim();
    if (trimmed === "" || trimmed.startsWith("#")) {
      i++;
      continue;
    }
    const start = i;
    let buf = "";
    let cur = first;
    for (;;) {
      const t = cur.replace(/\s+$/, "");
      if (t.endsWith(esc) && i + 1 < lines.length) {
        buf += t.slice(0, -1);
        i++;
        // Skip comment and empty lines inside a continuation.
        while (i < lines.length && /^\s*(#.*)?$/.test(lines[i] ?? "")) i++;
        if (i >= lines.length) break;
        cur = lines[i] ?? "";
        continue;
      }
      buf += t.endsWith(esc) ? t.slice(0, -1) : cur;
      break;
    }
    const m = /^\s*(\S+)\s*([\s\S]*)$/.exec(buf);
    const keyword = (m?.[1] ?? "").toUpperCase();
    let args = (m?.[2] ?? "").trim();
    i++;
    if (keyword === "RUN" || keyword === "COPY" || keyword === "ADD") {
      for (const h of args.matchAll(HEREDOC)) {
        const strip = h[1] === "-";
        const term = h[3] ?? "";
        const body: string[] = [];
        while (i < lines.length) {
          const l = lines[i] ?? "";
          i++;
          if ((strip ? l.replace(/^\t+/, "") : l) === term) break;
          body.push(l);
        }
        args += "\n" + body.join("\n");
      }
    }
    if (!/^[A-Z]+$/.test(keyword)) return { ok: false, reason: `line ${start + 1}: not a Dockerfile instruction` };
    out.push({ keyword, args, line: start + 1, endLine: i });
    if (out.length > DOCKERFILE_LIMITS.maxInstructions) return { ok: false, reason: `more than ${DOCKERFILE_LIMITS.maxInstructions} instructions` };
  }
  return { ok: true, instructions: out };
}
