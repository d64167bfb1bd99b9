// `.gatehouseignore` and `--exclude`: globs of paths left out of a scan (test fixtures that
// are insecure on purpose, generated trees). Gitignore-like: `#` comments, a trailing `/`
// means the directory, a pattern without `/` matches a name at any depth.
import picomatch from "picomatch";

export const ALWAYS_SKIPPED_DIRS = new Set(["node_modules", ".git", "vendor"]);

export function parseIgnoreFile(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== "" && !l.startsWith("#"));
}

export function makeIgnoreMatcher(patterns: string[]): (relPath: string) => boolean {
  if (patterns.length === 0) return () => false;
  const globs = patterns.flatMap((p) => {
    const clean = p.replace(/^\/+/, "").replace(/\/+$/, (m) => (m ? "/**" : ""));
    const anchored = p.replace(/\/+$/, "").includes("/");
    return anchored ? [clean] : [`**/${clean}`, clean];
  });
  const isMatch = picomatch(globs, { dot: true });
  return (relPath) => isMatch(relPath);
}
