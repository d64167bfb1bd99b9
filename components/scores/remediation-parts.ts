// Remediations are plain text from the checks: a sentence, optionally followed by lines
// of YAML/CODEOWNERS/shell to paste. Those lines become a code block; `backticked`
// spans inside sentences become inline code. A trailing "(…)" note stays prose.
export type Part = { kind: "text"; text: string } | { kind: "code"; text: string };
export type Inline = { code: boolean; text: string };

export function splitRemediation(remediation: string): Part[] {
  const lines = remediation.replace(/\r\n/g, "\n").split("\n");
  if (lines.length === 1) return [{ kind: "text", text: remediation }];
  const [first = "", ...rest] = lines;
  const tail: string[] = [];
  while (
    rest.length > 0 &&
    /^\(.*\)?\.?$/.test(rest[rest.length - 1]!.trim()) &&
    !/^\s/.test(rest[rest.length - 1]!)
  )
    tail.unshift(rest.pop()!);
  const parts: Part[] = [];
  if (first.trim()) parts.push({ kind: "text", text: first });
  if (rest.length > 0) parts.push({ kind: "code", text: rest.join("\n") });
  if (tail.length > 0) parts.push({ kind: "text", text: tail.join(" ") });
  return parts;
}

export function inlineCode(text: string): Inline[] {
  const out: Inline[] = [];
  const pieces = text.split("`");
  // An odd number of backticks leaves the last one unmatched: treat it as prose.
  const balanced = pieces.length % 2 === 1;
  pieces.forEach((piece, i) => {
    if (piece === "") return;
    const code = balanced && i % 2 === 1;
    if (!balanced && i > 0) out.push({ code: false, text: "`" });
    out.push({ code, text: piece });
  });
  return out;
}
