// Hostile or malformed data from a repository is never fatal to a sync: the offending
// item is dropped (or its text withheld) and the reason is recorded here, stored with
// the repository's snapshot and shown on the Sync page.

export interface NormaliseIssue {
  kind: "file_skipped" | "name_rejected" | "value_invalid";
  subject: string;
  reason: string;
}

export type IssueSink = (issue: NormaliseIssue) => void;

/** Longest name we keep; GitHub's own limits are lower, so longer means hostile input. */
const MAX_NAME = 255;

const CONTROL = /[\u0000-\u001f\u007f]/;

/** Lone UTF-16 surrogates: valid in JS strings, refused by Postgres jsonb. */
export const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** A name used as data (secret, environment, ruleset): no control characters, bounded. */
export function cleanName(value: unknown, subject: string, sink: IssueSink): string | null {
  if (typeof value !== "string" || value.length === 0) {
    sink({ kind: "value_invalid", subject, reason: "missing or not a string" });
    return null;
  }
  if (value.length > MAX_NAME || CONTROL.test(value) || LONE_SURROGATE.test(value)) {
    sink({
      kind: "name_rejected",
      subject: JSON.stringify(value.slice(0, 64)),
      reason: value.length > MAX_NAME ? "name too long" : "name contains control characters",
    });
    return null;
  }
  return value;
}

/** A tree entry name that can be joined into a path: one segment, no traversal. */
export function cleanSegment(value: unknown, dir: string, sink: IssueSink): string | null {
  const name = cleanName(value, `${dir || "/"} entry`, sink);
  if (name === null) return null;
  if (name === "." || name === ".." || name.includes("/") || name.includes("\\")) {
    sink({
      kind: "name_rejected",
      subject: JSON.stringify(name),
      reason: "tree entry name is not a single path segment",
    });
    return null;
  }
  return name;
}

/** A prototype-less record: repository names like "constructor" stay plain keys; `__proto__` is dropped. */
export function safeRecord<T>(entries: Iterable<[string, T]>): Record<string, T> {
  const out = Object.create(null) as Record<string, T>;
  for (const [k, v] of entries) {
    if (k === "__proto__") continue;
    out[k] = v;
  }
  return out;
}
