// Inline suppressions: `# gatehouse: ignore[check-id, other-id] reason` on the offending
// line or on a comment-only line right above it. A reason is mandatory so that every
// silenced finding stays explainable in review and audit; a reasonless marker is ignored
// and reported instead of silently weakening the scan.
import type { RepoFile } from "../facts/types";

export interface InlineSuppression {
  /** 1-based line of the marker. */
  line: number;
  ids: string[];
  /** null when the marker gives no reason (then it does not apply). */
  reason: string | null;
  /** The marker's line holds nothing but the comment, so it covers the next line. */
  commentOnly: boolean;
}

export interface SuppressionProblem {
  file: string;
  line: number;
  message: string;
}

const MARKER = /#\s*gatehouse:\s*ignore\[([^\]]*)\](.*)$/;

export function parseSuppressions(text: string): InlineSuppression[] {
  const out: InlineSuppression[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, i) => {
    const m = MARKER.exec(raw);
    if (!m) return;
    const ids = (m[1] ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
    // Leading punctuation ("-", "—", ":") separates ids from the reason; it is not a reason.
    const reason = (m[2] ?? "").replace(/^[\s:—–-]+/, "").trim();
    out.push({
      line: i + 1,
      ids,
      reason: reason.length > 0 ? reason : null,
      commentOnly: raw.slice(0, m.index).trim() === "",
    });
  });
  return out;
}

export type SuppressionMatch =
  { applies: true; reason: string; line: number } | { applies: false; line: number; problem: string };

/** The suppression covering `checkId` at `line`, if any (same line first, then the line above). */
export function matchSuppression(
  suppressions: InlineSuppression[],
  checkId: string,
  line: number,
): SuppressionMatch | null {
  const sameLine = suppressions.find((s) => s.line === line && s.ids.includes(checkId));
  const above = suppressions.find((s) => s.line === line - 1 && s.commentOnly && s.ids.includes(checkId));
  const hit = sameLine ?? above;
  if (!hit) return null;
  if (hit.reason === null) {
    return {
      applies: false,
      line: hit.line,
      problem: `inline suppression at line ${hit.line} ignored: a reason is required`,
    };
  }
  return { applies: true, reason: hit.reason, line: hit.line };
}

/** Parses each file once; files without text have no suppressions. */
export class SuppressionIndex {
  private readonly cache = new Map<string, InlineSuppression[]>();
  private readonly texts = new Map<string, string>();

  constructor(files: RepoFile[]) {
    for (const f of files) if (f.text !== null) this.texts.set(f.path, f.text);
  }

  forFile(path: string): InlineSuppression[] {
    let parsed = this.cache.get(path);
    if (!parsed) {
      const text = this.texts.get(path);
      // Cheap pre-check: most files carry no marker at all.
      parsed = text !== undefined && text.includes("gatehouse:") ? parseSuppressions(text) : [];
      this.cache.set(path, parsed);
    }
    return parsed;
  }
}

/** Markers that can never apply: no reason, no ids, or ids that name no known check. */
export function collectSuppressionProblems(
  files: RepoFile[],
  knownIds: ReadonlySet<string>,
): SuppressionProblem[] {
  const problems: SuppressionProblem[] = [];
  for (const f of files) {
    if (f.text === null || !f.text.includes("gatehouse:")) continue;
    for (const s of parseSuppressions(f.text)) {
      if (s.ids.length === 0)
        problems.push({ file: f.path, line: s.line, message: "inline suppression names no check id" });
      if (s.reason === null)
        problems.push({
          file: f.path,
          line: s.line,
          message: "inline suppression has no reason, so it does not apply",
        });
      for (const id of s.ids) {
        if (!knownIds.has(id))
          problems.push({
            file: f.path,
            line: s.line,
            message: `inline suppression names unknown check "${id}"`,
          });
      }
    }
  }
  return problems;
}
