// Locates `${{ … }}` spans in a workflow string the way GitHub's template reader does:
// the closing `}}` only counts outside single-quoted expression string literals
// (where `''` is an escaped quote). One linear pass, no regular expressions, so hostile
// input cannot trigger backtracking.

export interface ExpressionSpan {
  /** Offset of `${{` in the string. */
  start: number;
  /** Offset just past the closing `}}`. */
  end: number;
  /** Expression text between the braces, trimmed. */
  expr: string;
}

export function findExpressions(text: string): ExpressionSpan[] {
  const spans: ExpressionSpan[] = [];
  let i = text.indexOf("${{");
  while (i !== -1) {
    const bodyStart = i + 3;
    let inString = false;
    let j = bodyStart;
    let close = -1;
    while (j < text.length) {
      const c = text.charCodeAt(j);
      if (c === 39 /* ' */) {
        if (inString && text.charCodeAt(j + 1) === 39) {
          j += 2;
          continue;
        }
        inString = !inString;
      } else if (!inString && c === 125 /* } */ && text.charCodeAt(j + 1) === 125) {
        close = j;
        break;
      }
      j++;
    }
    if (close === -1) break; // unterminated: GitHub rejects it; nothing more to find
    spans.push({ start: i, end: close + 2, expr: text.slice(bodyStart, close).trim() });
    i = text.indexOf("${{", close + 2);
  }
  return spans;
}

/** Whether the whole string is exactly one `${{ … }}` expression (possibly padded by spaces). */
export function isSingleExpression(text: string): boolean {
  const spans = findExpressions(text);
  const only = spans[0];
  return (
    spans.length === 1 &&
    only !== undefined &&
    text.slice(0, only.start).trim() === "" &&
    text.slice(only.end).trim() === ""
  );
}
