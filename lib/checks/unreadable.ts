// One shape for every repository file the checks meant to read but could not (unparsable
// YAML, a malformed Dockerfile or manifest, a file not fetched or cut short), and one way
// to name it, so the check reasons, `scan`'s errors and its table all say the same thing.

export interface Unreadable {
  path: string;
  reason: string;
  /** The line the parser stopped at, when it knows. */
  line?: number;
}

/** `path:line: reason` (or `path: reason`). */
export function describeUnreadable(u: Unreadable): string {
  return `${u.path}${u.line ? `:${u.line}` : ""}: ${u.reason}`;
}
