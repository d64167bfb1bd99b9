// Branch protection patterns as GitHub applies them: Ruby's File.fnmatch with FNM_PATHNAME
// (no FNM_EXTGLOB, no FNM_DOTMATCH). `*` and `?` stop at "/", `**/` spans directories,
// `[...]` is a character class, `\` escapes and `{a,b}` is literal.
// https://docs.github.com/repositories/configuring-branches-and-merges-in-your-repository/managing-protected-branches/managing-a-branch-protection-rule#about-branch-protection-rules

const compiled = new Map<string, RegExp>();

function escapeRe(ch: string): string {
  return /[.*+?^${}()|[\]\\/-]/.test(ch) ? `\\${ch}` : ch;
}

/** Index just past the class starting at `start` ("["), or -1 when it is not closed. */
function classEnd(p: string, start: number): number {
  let i = start + 1;
  if (p[i] === "!" || p[i] === "^") i += 1;
  if (p[i] === "]") i += 1;
  for (; i < p.length; i++) if (p[i] === "]") return i + 1;
  return -1;
}

function classRegex(body: string): string {
  const negate = body.startsWith("!") || body.startsWith("^");
  const inner = (negate ? body.slice(1) : body).replace(/[\\\]^]/g, (c) => `\\${c}`);
  // FNM_PATHNAME: a class never matches the separator.
  return negate ? `[^/${inner}]` : `(?!/)[${inner}]`;
}

function toRegex(pattern: string): RegExp {
  let out = "";
  let segStart = true;
  for (let i = 0; i < pattern.length;) {
    const ch = pattern[i]!;
    // Without FNM_DOTMATCH a wildcard never matches a leading "." of a path segment.
    const noDot = segStart ? "(?!\\.)" : "";
    if (ch === "*" && pattern[i + 1] === "*" && pattern[i + 2] === "/" && segStart) {
      out += "(?:(?!\\.)[^/]*/)*";
      i += 3;
      continue;
    }
    if (ch === "*") {
      while (pattern[i] === "*") i += 1;
      out += `${noDot}[^/]*`;
      segStart = false;
      continue;
    }
    if (ch === "?") {
      out += `${noDot}[^/]`;
      i += 1;
      segStart = false;
      continue;
    }
    if (ch === "[") {
      const end = classEnd(pattern, i);
      if (end > 0) {
        out += noDot + classRegex(pattern.slice(i + 1, end - 1));
        i = end;
        segStart = false;
        continue;
      }
    }
    if (ch === "\\" && i + 1 < pattern.length) {
      out += escapeRe(pattern[i + 1]!);
      i += 2;
      segStart = false;
      continue;
    }
    out += escapeRe(ch);
    segStart = ch === "/";
    i += 1;
  }
  return new RegExp(`^${out}$`);
}

/** Whether a branch protection `pattern` covers `branch` (short name, e.g. "release/1.2"). */
export function branchPatternMatches(pattern: string, branch: string): boolean {
  let re = compiled.get(pattern);
  if (!re) {
    re = toRegex(pattern);
    if (compiled.size > 5_000) compiled.clear();
    compiled.set(pattern, re);
  }
  return re.test(branch);
}

const WILDCARD = /[*?\]]/;

/**
 * The rule GitHub applies to `branch` among `rules` (in creation order): a rule naming the
 * branch exactly wins; otherwise the oldest matching wildcard rule. Undefined when none match.
 */
export function ruleForBranch<T extends { pattern: string }>(
  rules: readonly T[],
  branch: string,
): T | undefined {
  return (
    rules.find((r) => !WILDCARD.test(r.pattern) && r.pattern === branch) ??
    rules.find((r) => WILDCARD.test(r.pattern) && branchPatternMatches(r.pattern, branch))
  );
}
