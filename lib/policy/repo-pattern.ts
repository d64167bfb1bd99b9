// Repository patterns ("acme/payments", "acme/*-prod", "*/*") come from policy files
// that people edit, so they are never turned into a RegExp. `*` matches any run of
// characters except "/", so a pattern names an owner part and a repo part separately
// ("acme/*" is every acme repo; "*" alone matches nothing, because every full name
// has a slash). Matching is case-insensitive like GitHub's names.
//
// Each segment is matched by splitting it on `*` into literal pieces and finding
// them left to right (the leftmost occurrence is always the right choice when `*` is
// the only wildcard), so a hostile pattern like "a*a*a*a*b" costs one scan per piece
// instead of the exponential backtracking a naive regex translation would.

export type RepoMatcher = (repoFullName: string) => boolean;

interface SegmentMatcher {
  pieces: string[];
  hasStar: boolean;
}

function compileSegment(segment: string): SegmentMatcher {
  const pieces = segment.split("*");
  return { pieces, hasStar: pieces.length > 1 };
}

function matchSegment(m: SegmentMatcher, text: string): boolean {
  const { pieces } = m;
  if (!m.hasStar) return pieces[0] === text;
  const first = pieces[0] ?? "";
  const last = pieces[pieces.length - 1] ?? "";
  if (text.length < first.length + last.length) return false;
  if (!text.startsWith(first) || !text.endsWith(last)) return false;
  let cursor = first.length;
  const end = text.length - last.length;
  for (let i = 1; i < pieces.length - 1; i++) {
    const piece = pieces[i] ?? "";
    if (piece === "") continue;
    const at = text.indexOf(piece, cursor);
    if (at < 0 || at + piece.length > end) return false;
    cursor = at + piece.length;
  }
  return true;
}

export function compileRepoPattern(pattern: string): RepoMatcher {
  const segments = pattern.trim().toLowerCase().split("/").map(compileSegment);
  return (repoFullName: string) => {
    const parts = repoFullName.toLowerCase().split("/");
    if (parts.length !== segments.length) return false;
    return segments.every((segment, i) => matchSegment(segment, parts[i] ?? ""));
  };
}

export function matchesRepoPattern(pattern: string, repoFullName: string): boolean {
  return compileRepoPattern(pattern)(repoFullName);
}
