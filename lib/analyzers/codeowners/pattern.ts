// gitignore-style CODEOWNERS patterns. Matching is done here with the classic
// single-backtrack wildcard algorithm (O(pattern × path) worst case) because glob
// libraries compile to backtracking regexes that explode on patterns like `*a*a*a…`,
// and CODEOWNERS files come from the repositories we audit.

export type PathMatcher = (path: string) => boolean;

type Tok = { t: "lit"; c: string } | { t: "one" } | { t: "star" };

function tokenize(segment: string): Tok[] {
  const out: Tok[] = [];
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i] ?? "";
    if (c === "\\" && i + 1 < segment.length) out.push({ t: "lit", c: segment[++i] ?? "" });
    else if (c === "*") {
      if (out[out.length - 1]?.t !== "star") out.push({ t: "star" });
    } else if (c === "?") out.push({ t: "one" });
    else out.push({ t: "lit", c });
  }
  return out;
}

/** Does one path segment match one pattern segment (`*` and `?` never cross `/`). */
function matchSegment(p: readonly Tok[], s: string): boolean {
  let pi = 0;
  let si = 0;
  let star = -1;
  let mark = 0;
  while (si < s.length) {
    const tok = p[pi];
    if (tok && (tok.t === "one" || (tok.t === "lit" && tok.c === s[si]))) {
      pi++;
      si++;
    } else if (tok?.t === "star") {
      star = pi++;
      mark = si;
    } else if (star >= 0) {
      pi = star + 1;
      si = ++mark;
    } else return false;
  }
  while (p[pi]?.t === "star") pi++;
  return pi === p.length;
}

type Seg = { globstar: true } | { globstar: false; toks: Tok[] };

/** The same algorithm one level up: `**` matches zero or more whole segments. */
function matchSegments(p: readonly Seg[], s: readonly string[]): boolean {
  let pi = 0;
  let si = 0;
  let star = -1;
  let mark = 0;
  while (si < s.length) {
    const seg = p[pi];
    if (seg && !seg.globstar && matchSegment(seg.toks, s[si] ?? "")) {
      pi++;
      si++;
    } else if (seg?.globstar) {
      star = pi++;
      mark = si;
    } else if (star >= 0) {
      pi = star + 1;
      si = ++mark;
    } else return false;
  }
  while (p[pi]?.globstar) pi++;
  return pi === p.length;
}

function compileSegments(body: string): Seg[] {
  return body
    .split("/")
    .map((s): Seg => (s === "**" ? { globstar: true } : { globstar: false, toks: tokenize(s) }));
}

export function compilePattern(pattern: string): PathMatcher {
  const dirOnly = pattern.endsWith("/");
  const body = pattern.replace(/^\/+/, "").replace(/\/+$/, "");
  if (body === "") return () => false;
  const anchored = pattern.startsWith("/") || body.includes("/");
  if (!anchored) {
    // No slash: a file or directory of that name at any depth.
    const toks = body === "**" ? tokenize("*") : tokenize(body);
    return (path) => {
      const parts = path.split("/");
      const last = dirOnly ? parts.length - 1 : parts.length;
      for (let i = 0; i < last; i++) if (matchSegment(toks, parts[i] ?? "")) return true;
      return false;
    };
  }
  const segs = compileSegments(body);
  const lastSeg = body.slice(body.lastIndexOf("/") + 1);
  // `docs/*` owns docs' files but not nested ones (GitHub's documented deviation from
  // gitignore); a literal last segment such as `apps` or `apps/` owns the whole tree.
  const descend = dirOnly || !/[*?]/.test(lastSeg) || lastSeg === "**";
  const under: Seg[] = [...segs, { globstar: false, toks: tokenize("*") }, { globstar: true }];
  return (path) => {
    const parts = path.split("/");
    return (!dirOnly && matchSegments(segs, parts)) || (descend && matchSegments(under, parts));
  };
}

/** Anchored glob match of a whole relative path (`*`, `?`, `**`), e.g. workspace globs. */
export function matchGlob(pattern: string, path: string): boolean {
  const body = pattern.replace(/^\.?\/+/, "").replace(/\/+$/, "");
  return matchSegments(compileSegments(body), path.split("/"));
}
